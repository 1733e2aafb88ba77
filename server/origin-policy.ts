import { isIPv6 } from 'node:net';
import { localAddresses } from './listen.ts';

/*
 * Which web pages may open a WebSocket to the embedded broker. A browser sends the page's
 * origin with every WebSocket upgrade and lets any page connect anywhere, so without this any
 * website the user visits could subscribe to `#` on a broker at 127.0.0.1 (issue 18).
 */

/** `scheme://host:port` exactly as browsers send it in Origin; null for anything else. */
export function normalizeOrigin(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // "http://host/app" names a page, not an origin: refusing it beats guessing what was meant.
  if (url.username || url.password || url.search || url.hash || url.pathname !== '/') return null;
  return url.origin;
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '::1'];

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

const hostInUrl = (host: string) => (isIPv6(host) ? `[${host}]` : host);

/**
 * The origins the dashboard's own pages have: the host it listens on with the web port, the
 * loopback names for a loopback host, and every address of this machine for a wildcard one.
 */
export function dashboardOrigins(
  scheme: 'http' | 'https',
  host: string,
  port: number,
  machineAddresses: () => string[] = localAddresses,
): string[] {
  const wildcard = host === '0.0.0.0' || host === '::' || host === '';
  const hosts = new Set<string>();
  if (wildcard || isLoopback(host)) for (const name of LOOPBACK_NAMES) hosts.add(name);
  if (wildcard) for (const address of machineAddresses()) hosts.add(address);
  else hosts.add(host);
  const origins = [...hosts].map((name) =>
    normalizeOrigin(`${scheme}://${hostInUrl(name)}:${port}`),
  );
  return origins.filter((origin): origin is string => origin !== null);
}

/** Allows exactly the listed origins (compared as browsers serialise them). */
export function createOriginPolicy(origins: readonly string[]): (origin: string) => boolean {
  const allowed = new Set(origins.flatMap((origin) => normalizeOrigin(origin) ?? []));
  return (origin) => {
    const normalized = normalizeOrigin(origin);
    return normalized !== null && allowed.has(normalized);
  };
}
