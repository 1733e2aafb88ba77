/**
 * A saved broker connection: its shape, defaults, URL handling, validation and the
 * localStorage contract (CONVENTIONS habit 13: a schema checked on load, a version and a
 * migration from the previous release's single connection).
 */
import { validateTopicName } from './topic-filter.ts';

export type ProtocolVersion = 4 | 5; // 4 = MQTT 3.1.1
export type QoS = 0 | 1 | 2;
export type UrlScheme = 'ws' | 'wss';

export interface UserProperty {
  key: string;
  value: string;
}

export interface LastWill {
  topic: string;
  payload: string;
  qos: QoS;
  retain: boolean;
  // MQTT 5 only (ignored for 3.1.1):
  delayIntervalSeconds: number | null;
  messageExpirySeconds: number | null;
  contentType: string;
  userProperties: UserProperty[];
}

/** MQTT 5 CONNECT properties; null = not sent. */
export interface ConnectProperties {
  receiveMaximum: number | null;
  maximumPacketSize: number | null;
  topicAliasMaximum: number | null;
  requestResponseInformation: boolean;
  userProperties: UserProperty[];
}

export interface ConnectionProfile {
  id: string;
  name: string;
  /** '#rrggbb' */
  color: string;
  scheme: UrlScheme;
  host: string;
  port: number;
  /** Starts with '/', may be '/'. */
  path: string;
  clientId: string;
  username: string;
  password: string;
  /** false: the password is kept in memory only, never persisted or exported. */
  savePassword: boolean;
  protocolVersion: ProtocolVersion;
  cleanStart: boolean;
  keepaliveSeconds: number;
  connectTimeoutSeconds: number;
  reconnectPeriodSeconds: number;
  /** MQTT 5 */
  sessionExpirySeconds: number | null;
  will: LastWill | null;
  properties: ConnectProperties;
}

export interface ProfileProblem {
  /** A dotted key such as 'host', 'will.topic' or 'properties.receiveMaximum'. */
  field: string;
  message: string;
}

const EXAMPLE_URL = 'ws://localhost:9001/mqtt';
const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Uniform base-36 characters from the platform CSPRNG; bytes ≥ 252 (7 × 36) are rejected so none is favoured. */
function randomBase36(length: number): string {
  let out = '';
  const bytes = new Uint8Array(length * 2);
  while (out.length < length) {
    globalThis.crypto.getRandomValues(bytes);
    for (const byte of bytes) {
      if (byte < 252 && out.length < length) out += BASE36.charAt(byte % 36);
    }
  }
  return out;
}

/** A client ID that is unique enough for a shared public broker and within 3.1.1's 23 characters. */
export function generateClientId(): string {
  return `mqtt-scope-${randomBase36(8)}`;
}

/** A fresh profile id; ids are never reused, so other stores can key by them. */
export function generateProfileId(): string {
  return `conn-${randomBase36(10)}`;
}

/**
 * Eight hues far apart from each other (CIE76 ΔE ≥ 37) that reach at least 5.7:1 contrast as
 * text on the app's dark backgrounds (#0b1120, #0f1419 and the raised panel #17223a),
 * above WCAG AA's 4.5:1. Red comes last so it is rarely mistaken for an error state.
 */
export const PROFILE_COLORS = [
  '#60a5fa', // blue
  '#facc15', // yellow
  '#4ade80', // green
  '#f472b6', // pink
  '#22d3ee', // cyan
  '#fb923c', // orange
  '#c084fc', // violet
  '#f87171', // red
] as const;

/**
 * The first palette colour nobody uses yet; once all are taken, the least used one, so a
 * ninth connection starts the cycle again at the first colour.
 */
export function pickProfileColor(used: readonly string[]): string {
  const counts = PROFILE_COLORS.map(
    (color) => used.filter((u) => u.toLowerCase() === color).length,
  );
  const fewest = Math.min(...counts);
  return PROFILE_COLORS[counts.indexOf(fewest)] ?? PROFILE_COLORS[0];
}

/** `host:port`, with brackets around an IPv6 literal so the port stays readable. */
export function formatHostPort(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

function cloneUserProperties(list: readonly UserProperty[]): UserProperty[] {
  return list.map(({ key, value }) => ({ key, value }));
}

function cloneWill(will: LastWill | null): LastWill | null {
  return will && { ...will, userProperties: cloneUserProperties(will.userProperties) };
}

function cloneProperties(properties: ConnectProperties): ConnectProperties {
  return { ...properties, userProperties: cloneUserProperties(properties.userProperties) };
}

function defaultProperties(): ConnectProperties {
  return {
    receiveMaximum: null,
    maximumPacketSize: null,
    topicAliasMaximum: null,
    requestResponseInformation: false,
    userProperties: [],
  };
}

/**
 * A new profile with the defaults of a local development broker, a fresh id and client ID.
 * The name defaults to `host:port`.
 */
export function createProfile(overrides: Partial<ConnectionProfile> = {}): ConnectionProfile {
  const host = overrides.host ?? 'localhost';
  const port = overrides.port ?? 9001;
  return {
    id: overrides.id ?? generateProfileId(),
    name: overrides.name ?? formatHostPort(host, port),
    color: overrides.color ?? PROFILE_COLORS[0],
    scheme: overrides.scheme ?? 'ws',
    host,
    port,
    path: overrides.path ?? '/mqtt',
    clientId: overrides.clientId ?? generateClientId(),
    username: overrides.username ?? '',
    password: overrides.password ?? '',
    savePassword: overrides.savePassword ?? false,
    protocolVersion: overrides.protocolVersion ?? 4,
    cleanStart: overrides.cleanStart ?? true,
    keepaliveSeconds: overrides.keepaliveSeconds ?? 30,
    connectTimeoutSeconds: overrides.connectTimeoutSeconds ?? 10,
    reconnectPeriodSeconds: overrides.reconnectPeriodSeconds ?? 2,
    sessionExpirySeconds: overrides.sessionExpirySeconds ?? null,
    will: cloneWill(overrides.will ?? null),
    properties: cloneProperties(overrides.properties ?? defaultProperties()),
  };
}

/**
 * A copy to edit separately: new id and client ID (two clients with one ID would keep
 * disconnecting each other), name "<name> (copy)", and a free colour when `usedColors` is given.
 */
export function duplicateProfile(
  profile: ConnectionProfile,
  usedColors?: readonly string[],
): ConnectionProfile {
  return {
    ...profile,
    id: generateProfileId(),
    clientId: generateClientId(),
    name: `${profile.name} (copy)`,
    color: usedColors ? pickProfileColor(usedColors) : profile.color,
    will: cloneWill(profile.will),
    properties: cloneProperties(profile.properties),
  };
}

// ---------------------------------------------------------------------------------------------
// URLs

export type ParsedBrokerUrl =
  | {
      ok: true;
      scheme: UrlScheme;
      host: string;
      port: number;
      path: string;
      /** Only present when the URL carried credentials (ws://user:pass@host/...). */
      username?: string;
      password?: string;
    }
  | { ok: false; reason: string };

const TCP_SCHEMES = new Set(['mqtt', 'mqtts', 'tcp', 'ssl', 'tls']);
const DEFAULT_PORT: Record<UrlScheme, number> = { ws: 80, wss: 443 };

const failUrl = (reason: string): ParsedBrokerUrl => ({ ok: false, reason });
const notAUrl = (text: string): ParsedBrokerUrl =>
  failUrl(
    `"${text}" is not a valid URL. Use the form ws://host:port/path, for example ${EXAMPLE_URL}.`,
  );

function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Splits a pasted broker URL into the parts a profile stores. A missing port means the
 * scheme's default (80 for ws, 443 for wss), a missing path means '/'. A query string is kept
 * with the path (some brokers take a token there); a #fragment is never sent, so it is dropped.
 * IPv6 literals are written `ws://[::1]:9001/mqtt` and come back without brackets.
 * Every reason is a sentence the UI can show as it is.
 */
export function parseBrokerUrl(text: string): ParsedBrokerUrl {
  const trimmed = text.trim();
  if (!trimmed) return failUrl(`Enter the broker URL, for example ${EXAMPLE_URL}.`);
  if (/\s/.test(trimmed)) return notAUrl(trimmed);

  const match = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/i.exec(trimmed);
  if (!match) {
    // "localhost:9001/mqtt" (a host and port without a scheme) is the usual slip.
    if (/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(trimmed)) return notAUrl(trimmed);
    return failUrl(`Start the URL with ws:// or wss://, for example ws://${trimmed}.`);
  }
  const scheme = (match[1] ?? '').toLowerCase();
  const rest = match[2] ?? '';
  if (TCP_SCHEMES.has(scheme)) {
    return failUrl(
      `Browsers cannot open raw TCP connections: use the broker's WebSocket listener (ws:// or wss://) instead of ${scheme}://.`,
    );
  }
  if (scheme === 'http' || scheme === 'https') {
    const ws = scheme === 'https' ? 'wss' : 'ws';
    return failUrl(
      `MQTT over WebSockets uses ${ws}:// rather than ${scheme}://, for example ${ws}://${rest}.`,
    );
  }
  if (scheme !== 'ws' && scheme !== 'wss') {
    return failUrl(`The URL must start with ws:// or wss://, not ${scheme}://.`);
  }

  const cut = rest.search(/[/?#]/);
  const authority = cut < 0 ? rest : rest.slice(0, cut);
  const tail = cut < 0 ? '' : rest.slice(cut);
  const at = authority.lastIndexOf('@');
  const userinfo = at < 0 ? null : authority.slice(0, at);
  const hostPort = authority.slice(at + 1);

  let host: string;
  let portText: string;
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    const after = close < 0 ? '' : hostPort.slice(close + 1);
    if (close < 0 || (after && !after.startsWith(':'))) return notAUrl(trimmed);
    host = hostPort.slice(1, close);
    portText = after.slice(1);
  } else {
    const parts = hostPort.split(':');
    if (parts.length > 2) {
      return failUrl('Put an IPv6 address in square brackets, for example ws://[::1]:9001/mqtt.');
    }
    host = parts[0] ?? '';
    portText = parts[1] ?? '';
  }
  if (!host) {
    return failUrl(
      `The URL has no host name. Use the form ws://host:port/path, for example ${EXAMPLE_URL}.`,
    );
  }
  let port = DEFAULT_PORT[scheme];
  if (portText) {
    if (!/^\d+$/.test(portText)) {
      return failUrl(`The port "${portText}" is not a number: use a port from 1 to 65535.`);
    }
    port = Number(portText);
    if (port < 1 || port > 65535) {
      return failUrl(`The port ${portText} is out of range: use a number from 1 to 65535.`);
    }
  }

  // The URL parser has the last word on the host and normalises it (case, IDN, IPv6 form).
  let parsed: URL;
  try {
    parsed = new URL(`${scheme}://${formatHostPort(host, port)}${tail}`);
  } catch {
    return notAUrl(trimmed);
  }
  const result: ParsedBrokerUrl = {
    ok: true,
    scheme,
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port,
    path: `${parsed.pathname || '/'}${parsed.search}`,
  };
  if (userinfo) {
    const colon = userinfo.indexOf(':');
    result.username = decodeComponent(colon < 0 ? userinfo : userinfo.slice(0, colon));
    if (colon >= 0) result.password = decodeComponent(userinfo.slice(colon + 1));
  }
  return result;
}

/** `scheme://host:port/path`, the inverse of {@link parseBrokerUrl}. */
export function profileUrl(
  profile: Pick<ConnectionProfile, 'scheme' | 'host' | 'port' | 'path'>,
): string {
  const path = profile.path.startsWith('/') ? profile.path : `/${profile.path}`;
  return `${profile.scheme}://${formatHostPort(profile.host, profile.port)}${path}`;
}

// ---------------------------------------------------------------------------------------------
// Validation

const MAX_UINT16 = 65535;
const MAX_UINT32 = 4294967295;
/** MQTT 5 §3.1.2.11.4: the largest packet the Variable Byte Integer length can describe. */
const MAX_PACKET_SIZE = 268435455;

function utf8Length(s: string): number {
  let bytes = 0;
  for (const char of s) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

const isWhole = (n: number, min: number, max: number): boolean =>
  Number.isInteger(n) && n >= min && n <= max;

function checkUserProperties(
  list: readonly UserProperty[],
  field: string,
  problems: ProfileProblem[],
): void {
  list.forEach((property, index) => {
    if (!property.key.trim()) {
      problems.push({
        field: `${field}.${index}.key`,
        message: 'A user property needs a name.',
      });
    }
  });
}

/**
 * Everything that would make the broker refuse the CONNECT, or the client misbehave, as
 * sentences next to the field they concern. MQTT 5 fields are only checked for MQTT 5,
 * since they are not sent over 3.1.1. An empty list means the profile can connect.
 */
export function validateProfile(profile: ConnectionProfile): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  const add = (field: string, message: string): void => {
    problems.push({ field, message });
  };

  if (!profile.name.trim()) add('name', 'Give the connection a name.');
  if (!/^#[0-9a-f]{6}$/i.test(profile.color)) {
    add('color', 'The colour must be written as #rrggbb.');
  }
  if (!profile.host.trim()) {
    add('host', 'Enter the broker host name or IP address.');
  } else if (/[\s/\\?#@[\]]/.test(profile.host)) {
    add(
      'host',
      'The host name cannot contain spaces, slashes or the characters ? # @ [ ]. Enter only the host, such as broker.example.com.',
    );
  } else {
    try {
      // Port and path are checked on their own; only the host decides this one.
      new URL(profileUrl({ scheme: 'ws', host: profile.host, port: 1, path: '/' }));
    } catch {
      add('host', `"${profile.host}" is not a valid host name or IP address.`);
    }
  }
  if (!isWhole(profile.port, 1, MAX_UINT16)) {
    add('port', 'The port must be a whole number from 1 to 65535.');
  }
  if (!profile.path.startsWith('/')) {
    add('path', "The path must start with '/', for example /mqtt.");
  }

  // MQTT 3.1.1 §3.1.3.1: a zero-byte client ID needs a clean session, since the broker could
  // not find the session again; the same holds in practice for MQTT 5's clean start.
  if (profile.clientId === '' && !profile.cleanStart) {
    add(
      'clientId',
      'Enter a client ID or turn on clean start: a broker can only resume a session for a known client ID.',
    );
  } else if (utf8Length(profile.clientId) > MAX_UINT16) {
    add('clientId', 'The client ID is too long: MQTT allows at most 65535 bytes.');
  }
  if (utf8Length(profile.username) > MAX_UINT16) {
    add('username', 'The user name is too long: MQTT allows at most 65535 bytes.');
  }
  // MQTT 3.1.1 §3.1.2.9: the Password Flag must be 0 when the User Name Flag is 0.
  if (profile.protocolVersion === 4 && profile.password !== '' && profile.username === '') {
    add('username', 'MQTT 3.1.1 does not allow a password without a user name.');
  }

  if (!isWhole(profile.keepaliveSeconds, 0, MAX_UINT16)) {
    add(
      'keepaliveSeconds',
      'Keepalive must be a whole number of seconds from 0 to 65535 (0 turns it off).',
    );
  }
  if (!isWhole(profile.connectTimeoutSeconds, 1, 300)) {
    add(
      'connectTimeoutSeconds',
      'The connect timeout must be a whole number of seconds from 1 to 300.',
    );
  }
  if (!isWhole(profile.reconnectPeriodSeconds, 0, 3600)) {
    add(
      'reconnectPeriodSeconds',
      'The reconnect period must be a whole number of seconds from 0 to 3600 (0 means do not reconnect).',
    );
  }

  const v5 = profile.protocolVersion === 5;
  if (v5 && profile.sessionExpirySeconds !== null) {
    if (!isWhole(profile.sessionExpirySeconds, 0, MAX_UINT32)) {
      add(
        'sessionExpirySeconds',
        'Session expiry must be empty or a whole number of seconds from 0 to 4294967295 (which means never).',
      );
    }
  }

  const will = profile.will;
  if (will) {
    const topic = validateTopicName(will.topic);
    if (!will.topic) add('will.topic', 'Enter the topic the will message is published to.');
    else if (!topic.ok) add('will.topic', topic.reason);
    if (v5) {
      if (
        will.delayIntervalSeconds !== null &&
        !isWhole(will.delayIntervalSeconds, 0, MAX_UINT32)
      ) {
        add(
          'will.delayIntervalSeconds',
          'The will delay must be empty or a whole number of seconds from 0 to 4294967295.',
        );
      }
      if (
        will.messageExpirySeconds !== null &&
        !isWhole(will.messageExpirySeconds, 0, MAX_UINT32)
      ) {
        add(
          'will.messageExpirySeconds',
          'The will message expiry must be empty or a whole number of seconds from 0 to 4294967295.',
        );
      }
      checkUserProperties(will.userProperties, 'will.userProperties', problems);
    }
  }

  if (v5) {
    const { receiveMaximum, maximumPacketSize, topicAliasMaximum } = profile.properties;
    // MQTT 5 §3.1.2.11.3 and §3.1.2.11.4: zero is a Protocol Error for both.
    if (receiveMaximum !== null && !isWhole(receiveMaximum, 1, MAX_UINT16)) {
      add(
        'properties.receiveMaximum',
        'Receive maximum must be empty or a whole number from 1 to 65535.',
      );
    }
    if (maximumPacketSize !== null && !isWhole(maximumPacketSize, 1, MAX_PACKET_SIZE)) {
      add(
        'properties.maximumPacketSize',
        'Maximum packet size must be empty or a whole number of bytes from 1 to 268435455.',
      );
    }
    if (topicAliasMaximum !== null && !isWhole(topicAliasMaximum, 0, MAX_UINT16)) {
      add(
        'properties.topicAliasMaximum',
        'Topic alias maximum must be empty or a whole number from 0 to 65535.',
      );
    }
    checkUserProperties(profile.properties.userProperties, 'properties.userProperties', problems);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Persistence

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
