/**
 * The start-up config `npm start` serves at `/scope-config.json`: written by `server/`, read by
 * the page, so its shape lives here once.
 */
import type { UrlScheme } from './connection-profile.ts';

/** The broker `npm start` runs beside the dashboard. */
export interface EmbeddedBroker {
  scheme: UrlScheme;
  port: number;
  path: string;
  /** The broker asks for a user name and password (`--username`); never the password itself. */
  loginRequired: boolean;
}

/**
 * GET /scope-config.json. The embedded broker comes without a host: the page uses the host it
 * was loaded from, so the server never has to trust a request's Host header to name it.
 */
export interface ScopeConfigJson {
  embeddedBroker: EmbeddedBroker | null;
  /** A broker named with `--broker-url`. */
  externalBrokerUrl: string | null;
  demo: boolean;
  demoFilter: string;
}

/** What the page starts with: the broker's full URL and what it needs. */
export interface ScopeConfig {
  brokerUrl: string | null;
  loginRequired: boolean;
  demo: boolean;
  demoFilter: string;
}

type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function readEmbeddedBroker(value: unknown): EmbeddedBroker | null | undefined {
  if (value === null) return null;
  if (!isFields(value)) return undefined;
  const { scheme, port, path, loginRequired } = value;
  if (scheme !== 'ws' && scheme !== 'wss') return undefined;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    return undefined;
  }
  if (typeof path !== 'string' || !path.startsWith('/')) return undefined;
  if (typeof loginRequired !== 'boolean') return undefined;
  return { scheme, port, path, loginRequired };
}

/** Checks the fetched JSON field by field; anything of another shape is no config at all. */
export function checkScopeConfig(value: unknown): ScopeConfigJson | null {
  if (!isFields(value)) return null;
  const embeddedBroker = readEmbeddedBroker(value.embeddedBroker);
  const { externalBrokerUrl, demo, demoFilter } = value;
  if (embeddedBroker === undefined) return null;
  if (externalBrokerUrl !== null && typeof externalBrokerUrl !== 'string') return null;
  if (typeof demo !== 'boolean' || typeof demoFilter !== 'string') return null;
  return { embeddedBroker, externalBrokerUrl, demo, demoFilter };
}

/**
 * The config the page uses: the embedded broker on `pageHostname` (the page's own
 * `location.hostname`, bracketed when IPv6), or the external broker's URL.
 */
export function resolveScopeConfig(config: ScopeConfigJson, pageHostname: string): ScopeConfig {
  const { embeddedBroker: broker } = config;
  const host =
    pageHostname.includes(':') && !pageHostname.startsWith('[')
      ? `[${pageHostname}]`
      : pageHostname;
  return {
    brokerUrl: broker
      ? `${broker.scheme}://${host}:${broker.port}${broker.path}`
      : config.externalBrokerUrl,
    loginRequired: broker?.loginRequired ?? false,
    demo: config.demo,
    demoFilter: config.demoFilter,
  };
}

/** Reads the fetched JSON as the page will use it; null when it is not a config. */
export function readScopeConfig(value: unknown, pageHostname: string): ScopeConfig | null {
  const config = checkScopeConfig(value);
  return config ? resolveScopeConfig(config, pageHostname) : null;
}
