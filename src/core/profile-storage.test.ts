import { describe, expect, it } from 'vitest';
import { createProfile } from './connection-profile.ts';
import {
  PROFILES_STORAGE_VERSION,
  loadStoredProfiles,
  migrateLegacyConnection,
  serializeProfilesForStorage,
} from './profile-storage.ts';
import { validateProfile } from './profile-validation.ts';

describe('profile storage', () => {
  const saved = createProfile({ name: 'Plant A', password: 'kept', savePassword: true });
  const memoryOnly = createProfile({ name: 'Plant B', password: 'secret' });

  it('writes a versioned list and leaves out passwords the user did not save', () => {
    const stored = serializeProfilesForStorage([saved, memoryOnly]);
    const text = JSON.stringify(stored);
    expect(stored).toMatchObject({ version: PROFILES_STORAGE_VERSION });
    expect(text).toContain('kept');
    expect(text).not.toContain('secret');
  });

  it('reads back what it wrote', () => {
    const stored = JSON.parse(JSON.stringify(serializeProfilesForStorage([saved, memoryOnly])));
    expect(loadStoredProfiles(stored)).toEqual({
      profiles: [saved, { ...memoryOnly, password: '' }],
      problems: [],
    });
  });

  it('fills fields an older version did not write with defaults, without complaint', () => {
    const { profiles, problems } = loadStoredProfiles({
      version: 1,
      profiles: [{ id: 'conn-old', name: 'Old', host: 'broker', port: 8083 }],
    });
    expect(problems).toEqual([]);
    expect(profiles).toEqual([
      expect.objectContaining({
        id: 'conn-old',
        name: 'Old',
        host: 'broker',
        port: 8083,
        path: '/mqtt',
        keepaliveSeconds: 30,
        will: null,
      }),
    ]);
  });

  it('keeps decoder rules and .proto files, and gives an older profile none', () => {
    const withDecoders = createProfile({
      name: 'Plant C',
      decoders: {
        rules: [{ filter: 'pb/#', decoder: 'protobuf', schemaId: 'm.proto', messageType: 'a.B' }],
        schemas: [{ schemaId: 'm.proto', text: 'syntax = "proto3"; package a; message B {}' }],
      },
    });
    const stored = JSON.parse(JSON.stringify(serializeProfilesForStorage([withDecoders])));
    expect(loadStoredProfiles(stored).profiles[0]?.decoders).toEqual(withDecoders.decoders);
    const old = loadStoredProfiles({ version: 1, profiles: [{ id: 'conn-old', host: 'b' }] });
    expect(old.profiles[0]?.decoders).toEqual({ rules: [], schemas: [] });
    const damaged = loadStoredProfiles({
      version: 1,
      profiles: [{ id: 'conn-d', host: 'b', decoders: { rules: [{ filter: 'x', decoder: 9 }] } }],
    });
    expect(damaged.profiles[0]?.decoders.rules).toEqual([]);
    expect(damaged.problems[0]).toContain('(decoders)');
  });

  it('removes a broken entry alone and names it', () => {
    const { profiles, problems } = loadStoredProfiles({
      version: 1,
      profiles: [{ name: 'Plant A', host: 42 }, saved, 'garbage'],
    });
    expect(profiles.map((p) => p.name)).toEqual(['Plant A']);
    expect(problems).toEqual([
      'The saved connection "Plant A" was unreadable and was removed.',
      'The saved connection number 3 was unreadable and was removed.',
    ]);
  });

  it('resets damaged fields to their defaults and says which', () => {
    const { profiles, problems } = loadStoredProfiles({
      version: 1,
      profiles: [{ name: 'Plant A', host: 'plant-a', port: '9001', will: 'yes' }],
    });
    expect(profiles[0]).toMatchObject({ port: 9001, will: null });
    expect(problems).toEqual([
      'Some settings of the saved connection "Plant A" were unreadable (port, will) and were reset to their defaults.',
    ]);
  });

  it('reads a future version as far as it understands it', () => {
    const { profiles, problems } = loadStoredProfiles({
      version: PROFILES_STORAGE_VERSION + 1,
      profiles: [{ ...saved, newSetting: { nested: true } }],
    });
    expect(problems).toEqual([]);
    expect(profiles).toEqual([saved]);
  });

  it('gives a duplicated id a new one so entries stay distinct', () => {
    const { profiles } = loadStoredProfiles({ version: 1, profiles: [saved, saved] });
    expect(profiles).toHaveLength(2);
    expect(profiles[0]?.id).toBe(saved.id);
    expect(profiles[1]?.id).not.toBe(saved.id);
  });

  it('does not trust a password stored without the save flag', () => {
    const { profiles } = loadStoredProfiles({
      version: 1,
      profiles: [{ host: 'broker', password: 'leaked', savePassword: false }],
    });
    expect(profiles[0]?.password).toBe('');
  });

  it('treats nothing stored as no profiles and no problems', () => {
    expect(loadStoredProfiles(null)).toEqual({ profiles: [], problems: [] });
    expect(loadStoredProfiles(undefined)).toEqual({ profiles: [], problems: [] });
  });

  it.each([
    ['a string', 'not json'],
    ['a number', 42],
    ['an array of garbage', [1, 'x', null, [], {}]],
    ['an object without profiles', { version: 1 }],
    ['profiles that are not a list', { version: 1, profiles: 'x' }],
  ])('never throws on %s', (_what, raw) => {
    const result = loadStoredProfiles(raw);
    expect(result.profiles).toEqual([]);
    expect(result.problems.length).toBeGreaterThan(0);
  });

  it('never throws on deeply wrong entries', () => {
    const weird = [
      { host: 'h', will: { topic: 5 }, properties: [], port: null },
      { host: 'h', will: { topic: 't', qos: 7, userProperties: [{ key: 1 }] } },
      { host: 'h', properties: { userProperties: 'x', receiveMaximum: 'big' } },
      { host: 'h', protocolVersion: 3, scheme: 'mqtt', color: 'red', id: '' },
      Object.create(null) as unknown,
    ];
    const { profiles, problems } = loadStoredProfiles({ version: 1, profiles: weird });
    expect(profiles).toHaveLength(4);
    expect(problems).toHaveLength(5);
    for (const profile of profiles) {
      expect(profile.scheme).toBe('ws');
      expect(profile.protocolVersion).toBe(4);
      expect([0, 1, 2]).toContain(profile.will?.qos ?? 0);
    }
  });

  it('accepts the stored JSON text as well as the parsed value', () => {
    const text = JSON.stringify(serializeProfilesForStorage([saved]));
    expect(loadStoredProfiles(text).profiles).toEqual([saved]);
  });
});

describe('migrateLegacyConnection', () => {
  const legacy = {
    state: {
      settings: {
        url: 'ws://127.0.0.1:9001/mqtt',
        clientId: 'mqtt-scope-ab12cd34',
        username: '',
        password: '',
        protocolVersion: 4,
        keepaliveSeconds: 30,
        cleanStart: true,
      },
      wantsConnection: true,
    },
    version: 0,
  };

  it("turns the previous release's single connection into one profile", () => {
    const profile = migrateLegacyConnection(legacy);
    expect(profile).toMatchObject({
      name: '127.0.0.1:9001',
      scheme: 'ws',
      host: '127.0.0.1',
      port: 9001,
      path: '/mqtt',
      clientId: 'mqtt-scope-ab12cd34',
      protocolVersion: 4,
      keepaliveSeconds: 30,
      cleanStart: true,
      savePassword: false,
    });
    expect(profile && validateProfile(profile)).toEqual([]);
  });

  it('reads the raw localStorage text too, and keeps MQTT 5 settings', () => {
    const text = JSON.stringify({
      ...legacy,
      state: {
        settings: { ...legacy.state.settings, protocolVersion: 5, url: 'wss://b.example.com/m' },
      },
    });
    expect(migrateLegacyConnection(text)).toMatchObject({
      scheme: 'wss',
      host: 'b.example.com',
      port: 443,
      path: '/m',
      protocolVersion: 5,
    });
  });

  it.each([
    ['nothing', null],
    ['broken text', '{'],
    ['no settings', { state: {} }],
    ['an unusable URL', { state: { settings: { url: 'mqtt://localhost:1883' } } }],
  ])('gives null for %s', (_what, raw) => {
    expect(migrateLegacyConnection(raw)).toBeNull();
  });
});
