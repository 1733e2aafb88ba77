/**
 * Broker URLs: a quick check before connecting, and splitting a pasted URL into the parts a
 * saved connection stores (and composing it again).
 */
import { formatHostPort } from './connection-profile.ts';
import type { ConnectionProfile, UrlScheme } from './connection-profile.ts';
import type { Validation } from './topic-filter.ts';

/**
 * Checks a broker URL before any connection attempt, so a typo gets a sentence, not a timeout.
 * Browsers can only open WebSockets, so mqtt:// and mqtts:// are refused with the reason.
 */
export function validateBrokerUrl(url: string): Validation {
  const trimmed = url.trim();
  if (!trimmed)
    return { ok: false, reason: 'Enter the broker URL, for example ws://localhost:8080/mqtt.' };
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return {
      ok: false,
      reason: `"${trimmed}" is not a valid URL. Use the form ws://host:port/path, for example ws://localhost:8080/mqtt.`,
    };
  }
  if (parsed.protocol === 'mqtt:' || parsed.protocol === 'mqtts:' || parsed.protocol === 'tcp:') {
    return {
      ok: false,
      reason: `Browsers cannot open raw TCP connections: use the broker's WebSocket listener (ws:// or wss://) instead of ${parsed.protocol}//.`,
    };
  }
  if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') {
    return {
      ok: false,
      reason: `The URL must start with ws:// or wss://, not ${parsed.protocol}//.`,
    };
  }
  if (!parsed.hostname) return { ok: false, reason: 'The URL has no host name.' };
  return { ok: true };
}

const EXAMPLE_URL = 'ws://localhost:9001/mqtt';

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
