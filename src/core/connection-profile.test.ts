import { describe, expect, it } from 'vitest';
import type { ConnectionProfile } from './connection-profile.ts';
import {
  PROFILES_STORAGE_VERSION,
  PROFILE_COLORS,
  createProfile,
  duplicateProfile,
  generateClientId,
  loadStoredProfiles,
  migrateLegacyConnection,
  parseBrokerUrl,
  pickProfileColor,
  profileUrl,
  serializeProfilesForStorage,
  validateProfile,
} from './connection-profile.ts';

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

const fieldsOf = (profile: ConnectionProfile): string[] =>
  validateProfile(profile).map((problem) => problem.field);

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

describe('parseBrokerUrl', () => {
  it('splits a pasted wss URL into scheme, host, port and path', () => {
    expect(parseBrokerUrl('  wss://broker.example.com:8884/mqtt ')).toEqual({
      ok: true,
      scheme: 'wss',
      host: 'broker.example.com',
      port: 8884,
      path: '/mqtt',
    });
  });

  it('fills in the default port of the scheme and the root path', () => {
    expect(parseBrokerUrl('ws://broker.local')).toMatchObject({ port: 80, path: '/' });
    expect(parseBrokerUrl('wss://broker.local/mqtt')).toMatchObject({ port: 443, path: '/mqtt' });
    expect(parseBrokerUrl('WS://Broker.Local:9001')).toMatchObject({
      scheme: 'ws',
      host: 'broker.local',
      path: '/',
    });
  });

  it('keeps IPv6 brackets out of the host', () => {
    expect(parseBrokerUrl('ws://[::1]:9001/mqtt')).toMatchObject({
      ok: true,
      host: '::1',
      port: 9001,
    });
  });

  it('keeps a query string with the path and drops the fragment', () => {
    expect(parseBrokerUrl('wss://iot.example.com/mqtt?token=abc#x')).toMatchObject({
      path: '/mqtt?token=abc',
    });
  });

  it('hands back credentials written into the URL', () => {
    expect(parseBrokerUrl('ws://ann:p%40ss@localhost:9001/mqtt')).toMatchObject({
      host: 'localhost',
      username: 'ann',
      password: 'p@ss',
    });
  });

  it.each(['mqtt://localhost:1883', 'mqtts://broker:8883', 'tcp://10.0.0.1:1883'])(
    'explains that %s cannot be opened from a browser',
    (url) => {
      const result = parseBrokerUrl(url);
      expect(!result.ok && result.reason).toMatch(/Browsers cannot open raw TCP connections/);
      expect(!result.ok && result.reason).toMatch(/ws:\/\/ or wss:\/\//);
    },
  );

  it('suggests ws:// for http:// and wss:// for https://', () => {
    const http = parseBrokerUrl('http://localhost:8080/mqtt');
    expect(!http.ok && http.reason).toMatch(/ws:\/\/localhost:8080\/mqtt/);
    const https = parseBrokerUrl('https://broker.example.com/mqtt');
    expect(!https.ok && https.reason).toMatch(/wss:\/\/broker\.example\.com\/mqtt/);
  });

  it('suggests adding the scheme to a bare host and port', () => {
    const result = parseBrokerUrl('localhost:9001/mqtt');
    expect(!result.ok && result.reason).toMatch(/ws:\/\/localhost:9001\/mqtt/);
  });

  it('shows the expected form for text that is not a URL', () => {
    for (const text of ['localhost 9001', 'ws:/localhost', 'ws://[::1']) {
      const result = parseBrokerUrl(text);
      expect(!result.ok && result.reason).toMatch(/not a valid URL.*ws:\/\/host:port\/path/);
    }
  });

  it('asks for a URL when the field is empty', () => {
    const result = parseBrokerUrl('   ');
    expect(!result.ok && result.reason).toMatch(/Enter the broker URL/);
  });

  it('refuses a URL without a host', () => {
    for (const text of ['ws:///mqtt', 'ws://:9001/mqtt', 'ws://user@/mqtt']) {
      const result = parseBrokerUrl(text);
      expect(!result.ok && result.reason).toMatch(/no host name/);
    }
  });

  it('refuses ports out of range or not numeric', () => {
    for (const [text, pattern] of [
      ['ws://localhost:0/mqtt', /out of range/],
      ['ws://localhost:65536/mqtt', /out of range/],
      ['ws://localhost:port/mqtt', /not a number/],
    ] as const) {
      const result = parseBrokerUrl(text);
      expect(!result.ok && result.reason).toMatch(pattern);
    }
  });

  it('asks for brackets around an IPv6 address', () => {
    const result = parseBrokerUrl('ws://::1:9001/mqtt');
    expect(!result.ok && result.reason).toMatch(/square brackets/);
  });

  it('names any other scheme it refuses', () => {
    const result = parseBrokerUrl('ftp://broker/mqtt');
    expect(!result.ok && result.reason).toMatch(/not ftp:\/\//);
  });
});

describe('profileUrl', () => {
  it('composes scheme://host:port/path, with brackets for IPv6', () => {
    expect(profileUrl(createProfile())).toBe('ws://localhost:9001/mqtt');
    expect(profileUrl(createProfile({ host: '::1', path: '/' }))).toBe('ws://[::1]:9001/');
  });

  it.each([
    'ws://localhost:9001/mqtt',
    'wss://broker.example.com:443/',
    'ws://[::1]:9001/mqtt',
    'ws://[fe80::1]:8083/mqtt?x=1',
    'ws://127.0.0.1:80/a/b',
  ])('round-trips %s through parseBrokerUrl', (url) => {
    const parsed = parseBrokerUrl(url);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(profileUrl(parsed)).toBe(url);
  });
});

describe('validateProfile', () => {
  it('asks for a name, a host and a port', () => {
    expect(fieldsOf(createProfile({ name: '  ', host: '', port: 0 }))).toEqual([
      'name',
      'host',
      'port',
    ]);
  });

  it('refuses hosts with spaces or slashes, and paths without a leading slash', () => {
    expect(fieldsOf(createProfile({ host: 'broker example' }))).toEqual(['host']);
    expect(fieldsOf(createProfile({ host: 'ws://broker' }))).toEqual(['host']);
    expect(fieldsOf(createProfile({ path: 'mqtt' }))).toEqual(['path']);
  });

  it('accepts an IPv6 host', () => {
    expect(validateProfile(createProfile({ host: '::1' }))).toEqual([]);
  });

  it('allows an empty client ID only with clean start (MQTT 3.1.1 §3.1.3.1)', () => {
    expect(validateProfile(createProfile({ clientId: '', cleanStart: true }))).toEqual([]);
    expect(fieldsOf(createProfile({ clientId: '', cleanStart: false }))).toEqual(['clientId']);
  });

  it('allows long client IDs up to 65535 UTF-8 bytes', () => {
    expect(validateProfile(createProfile({ clientId: 'x'.repeat(100) }))).toEqual([]);
    expect(fieldsOf(createProfile({ clientId: 'é'.repeat(32768) }))).toEqual(['clientId']);
  });

  it('refuses a password without a user name in MQTT 3.1.1 (§3.1.2.9) only', () => {
    expect(fieldsOf(createProfile({ password: 'secret' }))).toEqual(['username']);
    expect(validateProfile(createProfile({ password: 'secret', protocolVersion: 5 }))).toEqual([]);
  });

  it('explains the keepalive range and that 0 turns it off', () => {
    const problems = validateProfile(createProfile({ keepaliveSeconds: 1.5 }));
    expect(problems).toEqual([
      {
        field: 'keepaliveSeconds',
        message: 'Keepalive must be a whole number of seconds from 0 to 65535 (0 turns it off).',
      },
    ]);
    expect(validateProfile(createProfile({ keepaliveSeconds: 0 }))).toEqual([]);
    expect(fieldsOf(createProfile({ keepaliveSeconds: 65536 }))).toEqual(['keepaliveSeconds']);
  });

  it('checks the connect timeout and reconnect period ranges', () => {
    expect(fieldsOf(createProfile({ connectTimeoutSeconds: 0 }))).toEqual([
      'connectTimeoutSeconds',
    ]);
    expect(fieldsOf(createProfile({ connectTimeoutSeconds: 301 }))).toEqual([
      'connectTimeoutSeconds',
    ]);
    expect(validateProfile(createProfile({ reconnectPeriodSeconds: 0 }))).toEqual([]);
    expect(fieldsOf(createProfile({ reconnectPeriodSeconds: 3601 }))).toEqual([
      'reconnectPeriodSeconds',
    ]);
  });

  it('checks the will topic like any topic published to', () => {
    const will = {
      topic: '',
      payload: 'offline',
      qos: 1 as const,
      retain: true,
      delayIntervalSeconds: null,
      messageExpirySeconds: null,
      contentType: '',
      userProperties: [],
    };
    expect(fieldsOf(createProfile({ will }))).toEqual(['will.topic']);
    expect(fieldsOf(createProfile({ will: { ...will, topic: 'status/+' } }))).toEqual([
      'will.topic',
    ]);
    expect(validateProfile(createProfile({ will: { ...will, topic: 'status/plant-a' } }))).toEqual(
      [],
    );
  });

  it('checks MQTT 5 values only when the profile speaks MQTT 5', () => {
    const profile = createProfile({
      sessionExpirySeconds: -1,
      properties: {
        receiveMaximum: 0,
        maximumPacketSize: 268435456,
        topicAliasMaximum: 65536,
        requestResponseInformation: false,
        userProperties: [{ key: ' ', value: 'x' }],
      },
    });
    expect(validateProfile(profile)).toEqual([]);
    expect(fieldsOf({ ...profile, protocolVersion: 5 })).toEqual([
      'sessionExpirySeconds',
      'properties.receiveMaximum',
      'properties.maximumPacketSize',
      'properties.topicAliasMaximum',
      'properties.userProperties.0.key',
    ]);
  });

  it('accepts the MQTT 5 extremes', () => {
    const profile = createProfile({
      protocolVersion: 5,
      sessionExpirySeconds: 4294967295,
      properties: {
        receiveMaximum: 65535,
        maximumPacketSize: 268435455,
        topicAliasMaximum: 0,
        requestResponseInformation: true,
        userProperties: [{ key: 'site', value: '' }],
      },
    });
    expect(validateProfile(profile)).toEqual([]);
  });
});

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
