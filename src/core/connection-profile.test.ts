import { describe, expect, it } from 'vitest';
import {
  PROFILE_COLORS,
  createProfile,
  duplicateProfile,
  generateClientId,
  pickProfileColor,
} from './connection-profile.ts';
import { validateProfile } from './profile-validation.ts';

/** WCAG 2 contrast ratio, to hold the palette to its promise. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string): number => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('generateClientId', () => {
  it('makes mqtt-scope- plus 8 base36 characters, different each time', () => {
    const ids = new Set(Array.from({ length: 50 }, generateClientId));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^mqtt-scope-[0-9a-z]{8}$/);
  });
});

describe('profile colours', () => {
  it('offers 8 distinct colours readable as text on the dark backgrounds', () => {
    expect(new Set(PROFILE_COLORS).size).toBe(8);
    for (const color of PROFILE_COLORS) {
      expect(color).toMatch(/^#[0-9a-f]{6}$/);
      for (const background of ['#0f1419', '#0b1120', '#17223a']) {
        expect(contrast(color, background)).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it('picks the first colour nobody uses, whatever the case', () => {
    expect(pickProfileColor([])).toBe(PROFILE_COLORS[0]);
    expect(pickProfileColor([PROFILE_COLORS[0].toUpperCase(), PROFILE_COLORS[2]])).toBe(
      PROFILE_COLORS[1],
    );
  });

  it('starts the cycle again once every colour is taken', () => {
    expect(pickProfileColor([...PROFILE_COLORS])).toBe(PROFILE_COLORS[0]);
    expect(pickProfileColor([...PROFILE_COLORS, PROFILE_COLORS[0]])).toBe(PROFILE_COLORS[1]);
  });
});

describe('createProfile', () => {
  it('defaults to a local development broker over ws', () => {
    const profile = createProfile();
    expect(profile).toMatchObject({
      name: 'localhost:9001',
      scheme: 'ws',
      host: 'localhost',
      port: 9001,
      path: '/mqtt',
      protocolVersion: 4,
      cleanStart: true,
      keepaliveSeconds: 30,
      connectTimeoutSeconds: 10,
      reconnectPeriodSeconds: 2,
      sessionExpirySeconds: null,
      will: null,
      savePassword: false,
      properties: {
        receiveMaximum: null,
        maximumPacketSize: null,
        topicAliasMaximum: null,
        requestResponseInformation: false,
        userProperties: [],
      },
    });
    expect(profile.id).toMatch(/^conn-[0-9a-z]+$/);
    expect(profile.clientId).toMatch(/^mqtt-scope-/);
    expect(validateProfile(profile)).toEqual([]);
  });

  it('names the profile after the host and port it was given', () => {
    expect(createProfile({ host: 'broker.example.com', port: 8084 }).name).toBe(
      'broker.example.com:8084',
    );
    expect(createProfile({ host: '::1', port: 9001 }).name).toBe('[::1]:9001');
    expect(createProfile({ name: 'Plant A', host: 'plant-a' }).name).toBe('Plant A');
  });

  it('gives every profile its own id and its own property lists', () => {
    const a = createProfile();
    const b = createProfile();
    expect(a.id).not.toBe(b.id);
    a.properties.userProperties.push({ key: 'k', value: 'v' });
    expect(b.properties.userProperties).toEqual([]);
  });
});

describe('duplicateProfile', () => {
  it('copies the settings under a new id, client ID and name', () => {
    const original = createProfile({ name: 'Plant A', keepaliveSeconds: 45 });
    const copy = duplicateProfile(original);
    expect(copy).toMatchObject({ name: 'Plant A (copy)', keepaliveSeconds: 45 });
    expect(copy.id).not.toBe(original.id);
    expect(copy.clientId).not.toBe(original.clientId);
    expect(copy.color).toBe(original.color);
  });

  it('takes a free colour when told which are used, and shares no lists', () => {
    const original = createProfile({ color: PROFILE_COLORS[0] });
    const copy = duplicateProfile(original, [original.color]);
    expect(copy.color).toBe(PROFILE_COLORS[1]);
    copy.properties.userProperties.push({ key: 'k', value: 'v' });
    expect(original.properties.userProperties).toEqual([]);
  });
});
