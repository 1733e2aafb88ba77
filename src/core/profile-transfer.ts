/**
 * Export connections to a file and import them again, from MQTT Scope itself or from MQTTX.
 *
 * MQTTX's JSON export (emqx/MQTTX src/main/streamExportData.ts, written through
 * src/utils/jsonStreamWriter.ts) is a bare array of its ConnectionModel objects
 * (src/database/services/ConnectionService.ts `entityToModel`), each with its will, its
 * subscriptions and its stored messages. Older versions wrote a single bare object when
 * one connection was exported (src/components/ExportData.vue); both are read here.
 */
import type {
  ConnectionProfile,
  ProtocolVersion,
  QoS,
  UrlScheme,
  UserProperty,
} from './connection-profile.ts';
import { parseBrokerUrl } from './broker-url.ts';
import {
  createProfile,
  formatHostPort,
  generateProfileId,
  pickProfileColor,
} from './connection-profile.ts';
import { fieldLabel, reviveProfile, savedEntryName, toPortableProfile } from './profile-storage.ts';
import { validateTopicFilter } from './topic-filter.ts';

export const EXPORT_FORMAT = 'mqtt-scope/connections';
export const EXPORT_VERSION = 1;

export interface ImportedSubscription {
  filter: string;
  qos: QoS;
}

export interface ImportedProfile {
  profile: ConnectionProfile;
  /** Subscriptions the source kept with the connection (MQTTX does; our own format does not). */
  subscriptions: ImportedSubscription[];
}

export type ImportResult =
  { ok: true; profiles: ImportedProfile[]; warnings: string[] } | { ok: false; reason: string };

/**
 * The connections as a pretty-printed JSON file. Passwords are left out unless
 * `includeSecrets`, and even then only those the user chose to save: a password kept in
 * memory only never leaves it.
 */
export function exportProfiles(
  profiles: readonly ConnectionProfile[],
  { includeSecrets }: { includeSecrets: boolean },
): string {
  const file = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date().toISOString(),
    profiles: profiles.map((p) => toPortableProfile(p, includeSecrets && p.savePassword)),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const fail = (reason: string): ImportResult => ({ ok: false, reason });
const NOT_AN_EXPORT = 'This file is JSON but not a connection export from MQTT Scope or MQTTX.';

/** How a warning names an entry: by its name in quotes, or "Connection 3" when it has none. */
function entryLabel(raw: unknown, index: number): string {
  const name = savedEntryName(raw);
  return name === null ? `Connection ${index + 1}` : `"${name}"`;
}

/**
 * Reads an exported connections file: MQTT Scope's own format (any version; newer ones as far
 * as this version understands them) or MQTTX's JSON export. Every imported profile gets a fresh
 * id, so an import never overwrites an existing connection. Entries that cannot be used are
 * skipped with a warning naming them; the rest are imported. `usedColors` are the colours of
 * the connections already there, so imported ones without a colour get free ones.
 */
export function importProfiles(
  text: string,
  options: { usedColors?: readonly string[] } = {},
): ImportResult {
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) return fail('This file is empty, so there are no connections to import.');
  let data: unknown;
  try {
    data = JSON.parse(body) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail(`This file is not JSON, so it is not a connection export: ${detail}`);
  }

  if (isRecord(data) && data['format'] === EXPORT_FORMAT) return importOwnFormat(data);
  if (
    isRecord(data) &&
    typeof data['format'] === 'string' &&
    data['format'].startsWith('mqtt-scope/')
  ) {
    return fail(
      `This is an MQTT Scope file of another kind ("${data['format']}"), not a connection export.`,
    );
  }
  if (isRecord(data) && isMqttxConnection(data)) return importMqttx([data], options);
  if (Array.isArray(data)) {
    if (data.length === 0)
      return fail('This file holds an empty list, so there are no connections to import.');
    if (data.some((item) => isMqttxConnection(item) || isMqttxCollection(item))) {
      return importMqttx(data, options);
    }
  }
  if (looksLikeMqttExplorer(data)) {
    return fail(
      `${NOT_AN_EXPORT.slice(0, -1)}: it looks like MQTT Explorer's connection settings, which MQTT Scope cannot read yet.`,
    );
  }
  return fail(NOT_AN_EXPORT);
}

function importOwnFormat(data: Json): ImportResult {
  const warnings: string[] = [];
  const version = data['version'];
  if (typeof version === 'number' && version > EXPORT_VERSION) {
    warnings.push(
      `This file comes from a newer version of MQTT Scope (format version ${version}); settings this version does not know were left out.`,
    );
  }
  const entries = data['profiles'];
  if (!Array.isArray(entries)) return fail('This MQTT Scope export has no list of connections.');
  if (entries.length === 0) return fail('This MQTT Scope export holds no connections.');

  const profiles: ImportedProfile[] = [];
  entries.forEach((entry: unknown, index) => {
    const revived = reviveProfile(entry);
    if (!revived.ok) {
      warnings.push(`Skipped ${entryLabel(entry, index)}: it could not be read.`);
      return;
    }
    if (revived.resetFields.length > 0) {
      warnings.push(
        `Some settings of ${entryLabel(entry, index)} could not be read (${revived.resetFields.map(fieldLabel).join(', ')}) and were set to their defaults.`,
      );
    }
    profiles.push({ profile: { ...revived.profile, id: generateProfileId() }, subscriptions: [] });
  });
  if (profiles.length === 0) {
    return fail(
      `None of the connections in this MQTT Scope export could be read. ${warnings.join(' ')}`,
    );
  }
  return { ok: true, profiles, warnings };
}

// ---------------------------------------------------------------------------------------------
// MQTTX

/** MQTTX's `protocol` (src/types/global.d.ts `Protocol`); mqtt and mqtts are TCP. */
type MqttxProtocol = 'ws' | 'wss' | 'mqtt' | 'mqtts';

const MQTTX_PROTOCOLS: Record<MqttxProtocol, UrlScheme> = {
  ws: 'ws',
  wss: 'wss',
  mqtt: 'ws',
  mqtts: 'wss',
};
const isMqttxProtocol = (v: unknown): v is MqttxProtocol =>
  typeof v === 'string' && Object.hasOwn(MQTTX_PROTOCOLS, v);

/** A ConnectionModel: every version writes mqttVersion; very old ones at least clientId, host and clean. */
function isMqttxConnection(v: unknown): v is Json {
  if (!isRecord(v) || v['isCollection'] === true) return false;
  return (
    typeof v['mqttVersion'] === 'string' ||
    ('clientId' in v && 'host' in v && ('clean' in v || 'keepalive' in v || 'ssl' in v))
  );
}

/** A folder of connections: flat records in current MQTTX (src/utils/connectionBackup.ts), trees in older ones. */
function isMqttxCollection(v: unknown): v is Json {
  return isRecord(v) && v['isCollection'] === true;
}

function looksLikeMqttExplorer(data: unknown): boolean {
  // MQTT Explorer's ConnectionOptions (app/src/model/ConnectionOptions.ts) carry these together.
  const isOptions = (v: unknown): boolean =>
    isRecord(v) && 'certValidation' in v && ('encryption' in v || 'basePath' in v);
  const values = (v: unknown): unknown[] =>
    Array.isArray(v) ? v : isRecord(v) ? Object.values(v) : [];
  return isOptions(data) || values(data).some((v) => isOptions(v) || values(v).some(isOptions));
}

/** MQTTX's JSON holds numbers, but its CSV and XML importers leave some as strings. */
function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return undefined;
}

function toBoolean(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 1 || v === 'true') return true;
  if (v === 0 || v === 'false') return false;
  return undefined;
}

const toStr = (v: unknown): string => (typeof v === 'string' ? v : '');

function toQoS(v: unknown): QoS {
  const n = toNumber(v);
  return n === 1 || n === 2 ? n : 0;
}

/**
 * A user property's value as text. Never `String(value)` on an object: a parsed
 * `{"toString": 1}` makes it throw.
 */
function propertyText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * MQTTX keeps user properties as mqtt.js does, `{ key: value | value[] }`, and as that object's
 * JSON text in its flat database columns; arrays of `{ key, value }` are accepted too.
 */
function toUserProperties(v: unknown): UserProperty[] {
  let source = v;
  if (typeof source === 'string') {
    try {
      source = JSON.parse(source) as unknown;
    } catch {
      return [];
    }
  }
  if (Array.isArray(source)) {
    return source.flatMap((item) =>
      isRecord(item) && typeof item['key'] === 'string'
        ? [{ key: item['key'], value: propertyText(item['value']) }]
        : [],
    );
  }
  if (!isRecord(source)) return [];
  return Object.entries(source).flatMap(([key, value]) =>
    (Array.isArray(value) ? value : [value]).map((one) => ({ key, value: propertyText(one) })),
  );
}

const nullableNumber = (v: unknown): number | null => toNumber(v) ?? null;

type MappedEntry =
  { ok: true; imported: ImportedProfile; warnings: string[] } | { ok: false; warning: string };

function mapMqttxConnection(record: Json, label: string, color: string): MappedEntry {
  const warnings: string[] = [];
  // Early MQTTX versions kept the scheme in the host ("ws://broker.emqx.io").
  let host = toStr(record['host']).trim();
  const prefix = /^([a-z]+):\/\//i.exec(host);
  if (prefix) host = host.slice(prefix[0].length).replace(/\/.*$/, '');
  host = host.replace(/^\[(.*)\]$/, '$1');
  if (!host) return { ok: false, warning: `Skipped ${label}: it has no host.` };

  const prefixProtocol = prefix?.[1]?.toLowerCase();
  // src/utils/mqttUtils.ts getMQTTProtocol: records without a protocol predate ws support.
  const protocol: MqttxProtocol = isMqttxProtocol(record['protocol'])
    ? record['protocol']
    : isMqttxProtocol(prefixProtocol)
      ? prefixProtocol
      : toBoolean(record['ssl'])
        ? 'mqtts'
        : 'mqtt';
  const scheme = MQTTX_PROTOCOLS[protocol];
  const port = toNumber(record['port']);
  if (port === undefined) return { ok: false, warning: `Skipped ${label}: it has no port.` };
  const rawPath = toStr(record['path']) || '/mqtt';
  // Going through the URL parser gives MQTTX's fields the same checks as a pasted URL.
  const url = parseBrokerUrl(
    `${scheme}://${formatHostPort(host, port)}${rawPath.startsWith('/') ? rawPath : `/${rawPath}`}`,
  );
  if (!url.ok) return { ok: false, warning: `Skipped ${label}: ${url.reason}` };
  if (protocol === 'mqtt' || protocol === 'mqtts') {
    warnings.push(
      `${label} used MQTT over TCP (${protocol}://${formatHostPort(url.host, url.port)}). Browsers need WebSockets, so it was imported as ${scheme}:// on the same port: change the port to the broker's WebSocket listener (often 8083 for ws or 8084 for wss on EMQX).`,
    );
  }

  const mqttVersion = toStr(record['mqttVersion']);
  const protocolVersion: ProtocolVersion = mqttVersion.startsWith('5') ? 5 : 4;
  if (mqttVersion === '3.1') {
    warnings.push(
      `${label} used MQTT 3.1, which MQTT Scope does not speak; it was imported as 3.1.1.`,
    );
  }

  // ConnectionService.entityToModel nests MQTT 5 properties; older models kept them flat.
  const props = isRecord(record['properties']) ? record['properties'] : record;
  const pick = (key: string): unknown => props[key] ?? record[key];
  if (toStr(pick('authenticationMethod'))) {
    warnings.push(
      `${label} used MQTT 5 enhanced authentication, which MQTT Scope does not support.`,
    );
  }
  if (
    toBoolean(record['ssl']) &&
    (record['certType'] === 'self' || toStr(record['ca']) || toStr(record['cert']))
  ) {
    warnings.push(
      `${label} used certificate files; a browser uses the certificates the operating system trusts, so they were not imported.`,
    );
  }

  // MQTTX's reconnect is an on/off switch plus reconnectPeriod in milliseconds (4000 before it
  // was configurable: src/database/migration/1642321826532-reconnectPeriod.ts).
  const reconnectMs = toNumber(record['reconnectPeriod']) ?? 4000;
  const reconnect = toBoolean(record['reconnect']) ?? true;

  const password = toStr(record['password']);
  const profile = createProfile({
    name: toStr(record['name']).trim() || formatHostPort(url.host, url.port),
    color,
    scheme: url.scheme,
    host: url.host,
    port: url.port,
    path: url.path,
    clientId: toStr(record['clientId']) || undefined,
    username: toStr(record['username']),
    // MQTTX stores it in clear text; here it stays in memory until the user chooses to save it.
    password,
    savePassword: false,
    protocolVersion,
    cleanStart: toBoolean(record['clean']) ?? true,
    keepaliveSeconds: toNumber(record['keepalive']) ?? 60,
    connectTimeoutSeconds: toNumber(record['connectTimeout']) ?? 10, // seconds in MQTTX too
    reconnectPeriodSeconds: reconnect ? Math.max(1, Math.round(reconnectMs / 1000)) : 0,
    sessionExpirySeconds: nullableNumber(pick('sessionExpiryInterval')),
    will: mapMqttxWill(record['will']),
    properties: {
      receiveMaximum: nullableNumber(pick('receiveMaximum')),
      maximumPacketSize: nullableNumber(pick('maximumPacketSize')),
      topicAliasMaximum: nullableNumber(pick('topicAliasMaximum')),
      requestResponseInformation: toBoolean(pick('requestResponseInformation')) ?? false,
      userProperties: toUserProperties(pick('userProperties')),
    },
  });
  return {
    ok: true,
    imported: { profile, subscriptions: mapMqttxSubscriptions(record, label, warnings) },
    warnings,
  };
}

/** MQTTX saves an empty will row for every connection; only one with a topic is a will. */
function mapMqttxWill(v: unknown): ConnectionProfile['will'] {
  if (!isRecord(v) || !toStr(v['lastWillTopic'])) return null;
  const props = isRecord(v['properties']) ? v['properties'] : v;
  return {
    topic: toStr(v['lastWillTopic']),
    payload: toStr(v['lastWillPayload']),
    qos: toQoS(v['lastWillQos']),
    retain: toBoolean(v['lastWillRetain']) ?? false,
    delayIntervalSeconds: nullableNumber(props['willDelayInterval']),
    messageExpirySeconds: nullableNumber(props['messageExpiryInterval']),
    contentType: toStr(props['contentType']),
    userProperties: toUserProperties(props['userProperties']),
  };
}

function mapMqttxSubscriptions(
  record: Json,
  label: string,
  warnings: string[],
): ImportedSubscription[] {
  const list = record['subscriptions'];
  if (!Array.isArray(list)) return [];
  const out: ImportedSubscription[] = [];
  for (const item of list) {
    if (!isRecord(item)) continue;
    const filter = toStr(item['topic']);
    const check = validateTopicFilter(filter);
    if (!check.ok) {
      warnings.push(`A subscription of ${label} was skipped: ${check.reason}`);
      continue;
    }
    out.push({ filter, qos: toQoS(item['qos']) });
  }
  return out;
}

/**
 * Connections in file order, collections unfolded (older MQTTX nested them as `children`).
 * Walked with a stack of its own, not by recursion: a file nested thousands deep would
 * otherwise overflow the call stack.
 */
function flattenMqttx(items: readonly unknown[]): unknown[] {
  const into: unknown[] = [];
  const stack: { items: readonly unknown[]; next: number }[] = [{ items, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { items: readonly unknown[]; next: number };
    if (top.next >= top.items.length) {
      stack.pop();
      continue;
    }
    const item = top.items[top.next++];
    if (!isMqttxCollection(item)) into.push(item);
    else if (Array.isArray(item['children'])) stack.push({ items: item['children'], next: 0 });
  }
  return into;
}

function importMqttx(
  items: readonly unknown[],
  options: { usedColors?: readonly string[] },
): ImportResult {
  const entries = flattenMqttx(items);
  if (entries.length === 0)
    return fail('This MQTTX export holds no connections, only empty collections.');
  const warnings: string[] = [];
  const profiles: ImportedProfile[] = [];
  const usedColors = [...(options.usedColors ?? [])];
  entries.forEach((entry, index) => {
    const label = entryLabel(entry, index);
    if (!isMqttxConnection(entry)) {
      warnings.push(`Skipped ${label}: it is not an MQTTX connection.`);
      return;
    }
    const color = pickProfileColor(usedColors);
    const mapped = mapMqttxConnection(entry, label, color);
    if (!mapped.ok) {
      warnings.push(mapped.warning);
      return;
    }
    usedColors.push(color);
    profiles.push(mapped.imported);
    warnings.push(...mapped.warnings);
  });
  if (profiles.length === 0) {
    return fail(
      `None of the connections in this MQTTX export could be imported. ${warnings.join(' ')}`,
    );
  }
  if (profiles.some(({ profile }) => profile.password !== '')) {
    warnings.push(
      'Passwords were imported for this session only: turn on "Save password" on a connection to keep it after a reload.',
    );
  }
  return { ok: true, profiles, warnings };
}
