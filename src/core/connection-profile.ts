/**
 * A saved broker connection: its shape, ids, colours and defaults. Splitting and composing its
 * URL lives in broker-url.ts, checking it in profile-validation.ts, and its localStorage
 * contract in profile-storage.ts.
 */
import { cloneDecoderSettings, emptyDecoderSettings } from './decoder-settings.ts';
import type { DecoderSettings } from './decoder-settings.ts';

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
  /**
   * Other nodes of the same cluster, as full URLs: tried in turn, at once, when the node in use
   * goes away or cannot be reached.
   */
  otherUrls: string[];
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
  /** How payloads are decoded: rules (topic filter → decoder) and the .proto files they name. */
  decoders: DecoderSettings;
}

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

/** Deep copies, so two profiles never share a list. */
export function cloneUserProperties(list: readonly UserProperty[]): UserProperty[] {
  return list.map(({ key, value }) => ({ key, value }));
}

export function cloneWill(will: LastWill | null): LastWill | null {
  return will && { ...will, userProperties: cloneUserProperties(will.userProperties) };
}

export function cloneProperties(properties: ConnectProperties): ConnectProperties {
  return { ...properties, userProperties: cloneUserProperties(properties.userProperties) };
}

/** MQTT 5 CONNECT properties with nothing set. */
export function defaultProperties(): ConnectProperties {
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
    otherUrls: [...(overrides.otherUrls ?? [])],
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
    decoders: cloneDecoderSettings(overrides.decoders ?? emptyDecoderSettings()),
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
    decoders: cloneDecoderSettings(profile.decoders),
    otherUrls: [...profile.otherUrls],
  };
}
