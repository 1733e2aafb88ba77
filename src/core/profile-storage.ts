/**
 * The localStorage contract for saved connections (CONVENTIONS habit 13: a schema checked on
 * load, a version and a migration from the previous release's single connection).
 */
import { parseBrokerUrl } from './broker-url.ts';
import { cloneDecoderSettings, reviveDecoderSettings } from './decoder-settings.ts';
import type { DecoderSettings } from './decoder-settings.ts';
import {
  cloneProperties,
  cloneUserProperties,
  cloneWill,
  createProfile,
  defaultProperties,
  formatHostPort,
  generateClientId,
  generateProfileId,
} from './connection-profile.ts';
import type {
  ConnectProperties,
  ConnectionProfile,
  LastWill,
  ProtocolVersion,
  QoS,
  UrlScheme,
  UserProperty,
} from './connection-profile.ts';

/** Bump when the stored shape changes incompatibly, and teach {@link reviveProfile} the old one. */
export const PROFILES_STORAGE_VERSION = 1;

/** A profile as written to storage or a file: a deep copy, with the password only when asked. */
export type PortableProfile = Omit<ConnectionProfile, 'password'> & { password?: string };

/** The copy of `profile` that may leave memory; the password goes along only if `keepPassword`. */
export function toPortableProfile(
  profile: ConnectionProfile,
  keepPassword: boolean,
): PortableProfile {
  const { password, ...rest } = profile;
  const copy: PortableProfile = {
    ...rest,
    will: cloneWill(profile.will),
    properties: cloneProperties(profile.properties),
    decoders: cloneDecoderSettings(profile.decoders),
    otherUrls: [...profile.otherUrls],
  };
  if (keepPassword) copy.password = password;
  return copy;
}

/** What to write to localStorage: versioned, and passwords only where the user asked to save them. */
export function serializeProfilesForStorage(profiles: readonly ConnectionProfile[]): unknown {
  return {
    version: PROFILES_STORAGE_VERSION,
    profiles: profiles.map((profile) => toPortableProfile(profile, profile.savePassword)),
  };
}

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isNullableNumber = (v: unknown): v is number | null => v === null || isNumber(v);
const isScheme = (v: unknown): v is UrlScheme => v === 'ws' || v === 'wss';
const isProtocolVersion = (v: unknown): v is ProtocolVersion => v === 4 || v === 5;
const isQoS = (v: unknown): v is QoS => v === 0 || v === 1 || v === 2;
const isColor = (v: unknown): v is string => isString(v) && /^#[0-9a-f]{6}$/i.test(v);

/**
 * Reads one field. A missing field is normal (an older version did not write it) and quietly
 * takes the default; a field of the wrong type is damage, so its key is added to `reset`.
 */
function read<T>(
  source: Json,
  key: string,
  check: (v: unknown) => v is T,
  fallback: T,
  reset: string[],
  prefix = '',
): T {
  const value = source[key];
  if (value === undefined) return fallback;
  if (check(value)) return value;
  reset.push(prefix + key);
  return fallback;
}

function readUserProperties(source: Json, field: string, reset: string[]): UserProperty[] {
  const list = source['userProperties'];
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    reset.push(field);
    return [];
  }
  const good = list.filter(
    (item): item is UserProperty =>
      isRecord(item) && isString(item['key']) && isString(item['value']),
  );
  if (good.length !== list.length) reset.push(field);
  return cloneUserProperties(good);
}

function readWill(value: unknown, reset: string[]): LastWill | null {
  if (value === undefined || value === null) return null;
  if (!isRecord(value) || !isString(value['topic'])) {
    reset.push('will');
    return null;
  }
  const p = 'will.';
  return {
    topic: value['topic'],
    payload: read(value, 'payload', isString, '', reset, p),
    qos: read(value, 'qos', isQoS, 0, reset, p),
    retain: read(value, 'retain', isBoolean, false, reset, p),
    delayIntervalSeconds: read(value, 'delayIntervalSeconds', isNullableNumber, null, reset, p),
    messageExpirySeconds: read(value, 'messageExpirySeconds', isNullableNumber, null, reset, p),
    contentType: read(value, 'contentType', isString, '', reset, p),
    userProperties: readUserProperties(value, 'will.userProperties', reset),
  };
}

function readProperties(value: unknown, reset: string[]): ConnectProperties {
  if (value === undefined) return defaultProperties();
  if (!isRecord(value)) {
    reset.push('properties');
    return defaultProperties();
  }
  const p = 'properties.';
  return {
    receiveMaximum: read(value, 'receiveMaximum', isNullableNumber, null, reset, p),
    maximumPacketSize: read(value, 'maximumPacketSize', isNullableNumber, null, reset, p),
    topicAliasMaximum: read(value, 'topicAliasMaximum', isNullableNumber, null, reset, p),
    requestResponseInformation: read(
      value,
      'requestResponseInformation',
      isBoolean,
      false,
      reset,
      p,
    ),
    userProperties: readUserProperties(value, 'properties.userProperties', reset),
  };
}

/** Decoder rules and .proto files; a profile saved before they existed has none. */
function readDecoders(value: unknown, reset: string[]): DecoderSettings {
  const { settings, damaged } = reviveDecoderSettings(value);
  if (damaged) reset.push('decoders');
  return settings;
}

export type RevivedProfile =
  { ok: true; profile: ConnectionProfile; resetFields: string[] } | { ok: false };

/**
 * Checks one stored or exported entry against the profile schema, field by field, and never
 * throws. Missing fields get their defaults; fields of the wrong type are reset and listed in
 * `resetFields`. Only an entry without a usable host is beyond repair. Fields this version
 * does not know (written by a newer one) are left out.
 */
export function reviveProfile(raw: unknown): RevivedProfile {
  if (!isRecord(raw)) return { ok: false };
  const host = raw['host'];
  if (!isString(host) || !host.trim()) return { ok: false };

  const reset: string[] = [];
  const defaults = createProfile({ host: host.trim() });
  const port = read(raw, 'port', isNumber, defaults.port, reset);
  const savePassword = read(raw, 'savePassword', isBoolean, false, reset);
  const name = read(raw, 'name', isString, '', reset);
  const path = read(raw, 'path', isString, defaults.path, reset);
  const profile: ConnectionProfile = {
    id: read(raw, 'id', (v): v is string => isString(v) && v !== '', defaults.id, reset),
    name: name.trim() ? name : formatHostPort(defaults.host, port),
    color: read(raw, 'color', isColor, defaults.color, reset),
    scheme: read(raw, 'scheme', isScheme, defaults.scheme, reset),
    host: defaults.host,
    port,
    path: path.startsWith('/') ? path : `/${path}`,
    otherUrls: read(raw, 'otherUrls', isStringList, [], reset),
    clientId: read(raw, 'clientId', isString, defaults.clientId, reset),
    username: read(raw, 'username', isString, '', reset),
    // The flag is the contract: a password stored without it is not trusted to be wanted.
    password: savePassword ? read(raw, 'password', isString, '', reset) : '',
    savePassword,
    protocolVersion: read(raw, 'protocolVersion', isProtocolVersion, 4, reset),
    cleanStart: read(raw, 'cleanStart', isBoolean, defaults.cleanStart, reset),
    keepaliveSeconds: read(raw, 'keepaliveSeconds', isNumber, defaults.keepaliveSeconds, reset),
    connectTimeoutSeconds: read(
      raw,
      'connectTimeoutSeconds',
      isNumber,
      defaults.connectTimeoutSeconds,
      reset,
    ),
    reconnectPeriodSeconds: read(
      raw,
      'reconnectPeriodSeconds',
      isNumber,
      defaults.reconnectPeriodSeconds,
      reset,
    ),
    sessionExpirySeconds: read(raw, 'sessionExpirySeconds', isNullableNumber, null, reset),
    will: readWill(raw['will'], reset),
    properties: readProperties(raw['properties'], reset),
    decoders: readDecoders(raw['decoders'], reset),
  };
  return { ok: true, profile, resetFields: reset };
}

/** A field key as words for a sentence: 'properties.receiveMaximum' → 'properties receive maximum'. */
export function fieldLabel(field: string): string {
  return field
    .replace(/\./g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

/** The name a user would recognise a raw saved entry by, or null when it has none. */
export function savedEntryName(raw: unknown): string | null {
  if (!isRecord(raw)) return null;
  for (const key of ['name', 'host']) {
    const value = raw[key];
    if (isString(value) && value.trim()) return value.trim();
  }
  return null;
}

function parseIfString(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Reads what {@link serializeProfilesForStorage} wrote (parsed JSON, or the JSON text) and
 * never throws. Each entry is checked on its own: a broken one is removed alone and named in
 * `problems`; a future version is read as far as this one understands it. Nothing stored
 * (null or undefined) gives no profiles and no problems.
 */
export function loadStoredProfiles(raw: unknown): {
  profiles: ConnectionProfile[];
  problems: string[];
} {
  if (raw === null || raw === undefined) return { profiles: [], problems: [] };
  const data = parseIfString(raw);
  if (!isRecord(data) || !Array.isArray(data['profiles'])) {
    return {
      profiles: [],
      problems: ['The saved connections could not be read and were reset.'],
    };
  }
  const profiles: ConnectionProfile[] = [];
  const problems: string[] = [];
  const ids = new Set<string>();
  data['profiles'].forEach((entry: unknown, index) => {
    const name = savedEntryName(entry);
    const label = name === null ? `number ${index + 1}` : `"${name}"`;
    const revived = reviveProfile(entry);
    if (!revived.ok) {
      problems.push(`The saved connection ${label} was unreadable and was removed.`);
      return;
    }
    const { profile, resetFields } = revived;
    if (resetFields.length > 0) {
      problems.push(
        `Some settings of the saved connection ${label} were unreadable (${resetFields.map(fieldLabel).join(', ')}) and were reset to their defaults.`,
      );
    }
    // Other stores key by id, so a duplicate (a hand-edited entry) gets an id of its own.
    if (ids.has(profile.id)) profile.id = generateProfileId();
    ids.add(profile.id);
    profiles.push(profile);
  });
  return { profiles, problems };
}

/**
 * Turns the previous release's single connection, as its zustand persist wrote it under
 * 'mqtt-scope:connection' (`{ state: { settings: { url, clientId, ... } }, version: 0 }`, parsed
 * or as text), into one profile named host:port. Null when there is nothing usable, such as
 * no settings or a URL that cannot be split.
 */
export function migrateLegacyConnection(raw: unknown): ConnectionProfile | null {
  const data = parseIfString(raw);
  const state = isRecord(data) ? data['state'] : undefined;
  const settings = isRecord(state) ? state['settings'] : undefined;
  if (!isRecord(settings) || !isString(settings['url'])) return null;
  const url = parseBrokerUrl(settings['url']);
  if (!url.ok) return null;

  const ignored: string[] = []; // a damaged legacy field just takes the default
  const clientId = read(settings, 'clientId', isString, '', ignored);
  const username = read(settings, 'username', isString, '', ignored);
  return createProfile({
    scheme: url.scheme,
    host: url.host,
    port: url.port,
    path: url.path,
    clientId: clientId || generateClientId(),
    username: username || (url.username ?? ''),
    // The old store never persisted the password; one carried in the URL stays in memory.
    password: read(settings, 'password', isString, '', ignored) || (url.password ?? ''),
    protocolVersion: read(settings, 'protocolVersion', isProtocolVersion, 4, ignored),
    keepaliveSeconds: read(settings, 'keepaliveSeconds', isNumber, 30, ignored),
    cleanStart: read(settings, 'cleanStart', isBoolean, true, ignored),
  });
}
