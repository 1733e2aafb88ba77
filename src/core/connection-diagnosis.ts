import { formatHostPort } from './connection-profile.ts';
import { quoteBrokerText } from './mqtt-reasons.ts';

/**
 * Turns the evidence a worker collects about a failed WebSocket into one sentence that says
 * what is wrong and what to do.
 *
 * A browser hides why a WebSocket failed: the page gets an 'error' event and close code 1006
 * with no reason, whether the host does not exist, the port is closed, the certificate is
 * rejected or the server refused the upgrade (WHATWG WebSockets, "fail the WebSocket
 * connection"; the detail goes to the console only). A no-cors fetch to the same host and
 * port is just as opaque about content, but it does tell an answering HTTP server from no
 * server at all, and a TLS port from a plain one: that is what the probes are for.
 *
 * Order of evidence for a CONNACK or DISCONNECT from the broker: if MQTT bytes arrived and
 * the broker said why (a refusing CONNACK, an MQTT 5 DISCONNECT), mqtt-reasons.ts has better
 * words than this module; this one is for when the socket is all there is.
 */

export interface Endpoint {
  scheme: 'ws' | 'wss';
  /** As parseBrokerUrl returns it: an IPv6 address without brackets (brackets are tolerated). */
  host: string;
  port: number;
  /** May include a query string; messages leave it out (see formatEndpoint). */
  path: string;
}

export interface SocketEvidence {
  endpoint: Endpoint;
  /** location.protocol of the page (or worker), e.g. 'http:' or 'https:'. */
  pageProtocol: string;
  /** What `new WebSocket()` threw, e.g. "SecurityError: …" for mixed content; null if it did not. */
  constructorError: string | null;
  /** The WebSocket 'open' event fired. */
  opened: boolean;
  /** How long the socket stayed open before it closed, when it opened. */
  openForMs: number | null;
  closeCode: number | null;
  closeReason: string;
  /** MQTT bytes received on this socket. */
  bytesFromBroker: number;
  /** The MQTT version this client sent in its CONNECT. */
  protocolVersion: 4 | 5;
  /** The CONNECT carried a username (and so a login the broker may refuse). */
  withLogin?: boolean;
}

/** 'answered': some HTTP response came back; 'failed': a network error; 'not-run': skipped. */
export type ProbeOutcome = 'answered' | 'failed' | 'timeout' | 'not-run';

/** Probe results: sameScheme is http for ws and https for wss; otherScheme is the other one. */
export interface ProbeResults {
  sameScheme: ProbeOutcome;
  otherScheme: ProbeOutcome;
}

export type FailureKind =
  | 'mixed-content'
  | 'blocked-by-browser'
  | 'certificate-or-unreachable'
  | 'tls-port-with-ws'
  | 'plain-port-with-wss'
  | 'wrong-path'
  | 'unreachable'
  | 'closed-without-answer'
  | 'protocol-version-refused'
  | 'login-refused'
  | 'lost';

export interface Diagnosis {
  kind: FailureKind;
  /** What went wrong, naming the endpoint. Plain text. */
  message: string;
  /** What to do about it, when there is something to do. Plain text. */
  hint: string | null;
  /** An https:// address the user can open in a new tab to see (and accept) the certificate. */
  inspectUrl?: string;
}

/** The subset of RequestInit a probe sends, so core does not depend on the DOM's fetch types. */
export interface ProbeInit {
  mode: 'no-cors';
  cache: 'no-store';
  credentials: 'omit';
  signal: AbortSignal;
}

/** `fetch` (or a fake in tests); only whether it settles or rejects matters. */
export type ProbeFetch = (url: string, init: ProbeInit) => Promise<unknown>;

function hostPort({ host, port }: Endpoint): string {
  return formatHostPort(host.replace(/^\[(.*)\]$/, '$1'), port);
}

/**
 * `ws://host:port/path`, with the port always written so the user sees which one was tried,
 * and without the query string, which may carry a token or a signature.
 */
export function formatEndpoint(endpoint: Endpoint): string {
  const path = endpoint.path.split('?')[0] || '/';
  return `${endpoint.scheme}://${hostPort(endpoint)}${path}`;
}

function isHttpsPage(pageProtocol: string): boolean {
  return pageProtocol.replace(/:$/, '').toLowerCase() === 'https';
}

/**
 * W3C Secure Contexts ("Is origin potentially trustworthy?"): localhost and loopback addresses
 * are trustworthy, and the Mixed Content spec does not block requests to them, so Chrome and Firefox let an https page open
 * ws://localhost. Safari may still block it; that shows up as a SecurityError or a failed
 * socket and is handled there rather than refused up front.
 */
function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return (
    h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h)
  );
}

/** Whether a browser blocks an unencrypted request to this host from this page (mixed content). */
function blockedAsMixedContent(plainHost: string, pageProtocol: string): boolean {
  return isHttpsPage(pageProtocol) && !isLoopback(plainHost);
}

function mixedContent(endpoint: Endpoint): Diagnosis {
  return {
    kind: 'mixed-content',
    message: `The browser blocked ${formatEndpoint(endpoint)}: this page was loaded over https, and browsers do not allow an unencrypted ws:// connection from an https page (mixed content).`,
    hint: "Use wss:// with the broker's TLS WebSocket port, or open MQTT Scope over http://.",
  };
}

/**
 * Problems that are certain before any socket is opened: a ws:// URL from an https page is
 * blocked by the browser as mixed content (W3C Mixed Content; Chrome and Firefox throw a
 * SecurityError from the WebSocket constructor), so connecting would only give an opaque error.
 * Returns null when nothing is known to be wrong yet.
 */
export function diagnoseBeforeConnect(endpoint: Endpoint, pageProtocol: string): Diagnosis | null {
  if (endpoint.scheme === 'ws' && blockedAsMixedContent(endpoint.host, pageProtocol)) {
    return mixedContent(endpoint);
  }
  return null;
}

/**
 * The HTTP probes for a socket that failed before the MQTT handshake: the same scheme as the
 * socket (http for ws, https for wss) and the other one, both at the root of host:port (the
 * question is only "what answers at this port", and a GET on the broker's path would look
 * like a failed upgrade in its log). runProbes runs them and skips the one a browser blocks.
 */
export function probeUrls(endpoint: Endpoint): { sameScheme: string; otherScheme: string } {
  const http = `http://${hostPort(endpoint)}/`;
  const https = `https://${hostPort(endpoint)}/`;
  return endpoint.scheme === 'ws'
    ? { sameScheme: http, otherScheme: https }
    : { sameScheme: https, otherScheme: http };
}

/**
 * Fetches a probe URL with an injected fetch, no-cors (any HTTP response, even an opaque 404,
 * counts as 'answered'), uncached and without cookies. Never throws: a rejection is 'failed',
 * and no answer within timeoutMs is 'timeout'. The timer settles the probe itself rather than
 * trusting the abort, because a fetch (or a fake) may ignore its signal.
 */
export async function runProbe(
  url: string,
  fetchFn: ProbeFetch,
  timeoutMs: number,
): Promise<ProbeOutcome> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<ProbeOutcome>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve('timeout');
    }, timeoutMs);
  });
  const fetched = (async (): Promise<ProbeOutcome> => {
    try {
      await fetchFn(url, {
        mode: 'no-cors',
        cache: 'no-store',
        credentials: 'omit',
        signal: controller.signal,
      });
      return 'answered';
    } catch {
      return controller.signal.aborted ? 'timeout' : 'failed';
    }
  })();
  try {
    return await Promise.race([fetched, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs both probes of probeUrls in parallel. An http:// probe from an https page is 'not-run':
 * the browser would block it as mixed content (and log an error), so it could only say 'failed'.
 */
export async function runProbes(
  endpoint: Endpoint,
  pageProtocol: string,
  fetchFn: ProbeFetch,
  timeoutMs: number,
): Promise<ProbeResults> {
  const urls = probeUrls(endpoint);
  const run = (url: string): Promise<ProbeOutcome> =>
    url.startsWith('http:') && blockedAsMixedContent(endpoint.host, pageProtocol)
      ? Promise.resolve('not-run')
      : runProbe(url, fetchFn, timeoutMs);
  const [sameScheme, otherScheme] = await Promise.all([
    run(urls.sameScheme),
    run(urls.otherScheme),
  ]);
  return { sameScheme, otherScheme };
}

/** RFC 6455 §7.4.1 and the IANA WebSocket close code registry: the codes a server sends. */
const CLOSE_CODES: Readonly<Record<number, string>> = {
  1000: 'normal closure',
  1001: 'the server is going away, e.g. shutting down or restarting',
  1002: 'the server saw a WebSocket protocol error',
  // MQTT 5 §6.0 / 3.1.1 §6.0: MQTT travels in binary frames; a text-only server sends this.
  1003: 'the server does not accept this kind of data',
  1007: 'the server received data it could not decode',
  1008: 'the server refused the connection by policy, often authentication or an origin check',
  1009: 'a message was larger than the server accepts',
  1011: 'the server hit an internal error',
  1012: 'the server is restarting',
  1013: 'the server is overloaded: try again later',
  1014: 'a proxy or gateway got a bad answer from the server behind it',
  1015: 'the TLS handshake failed',
};

/**
 * Words for a WebSocket close code, or null when it carries no information: 1005 (no code
 * sent) and 1006 (closed abnormally, which is what a browser reports for every failure).
 */
export function describeCloseCode(code: number): string | null {
  const words = CLOSE_CODES[code];
  if (words) return words;
  if (code >= 4000 && code <= 4999) return 'a code chosen by the server application';
  return null;
}

/** ", WebSocket close code 1008: … “reason”" or '' when the close says nothing. */
function closeDetail(code: number | null, reason: string): string {
  const words = code === null ? null : describeCloseCode(code);
  const quoted = quoteBrokerText(reason);
  if (!words && !quoted) return '';
  const parts = [
    words ? `WebSocket close code ${code}: ${words}` : `WebSocket close code ${code ?? 'none'}`,
  ];
  if (quoted) parts.push(`reason ${quoted}`);
  return ` (${parts.join(', ')})`;
}

function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 10_000) return `${Math.round(ms / 100) / 10} s`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

function after(openForMs: number | null): string {
  return openForMs === null ? '' : ` after ${formatDuration(openForMs)}`;
}

function isSecurityError(error: string): boolean {
  return /SecurityError|insecure/i.test(error);
}

/** Socket never opened: the probes say what is at host:port. */
function diagnoseNoOpen(evidence: SocketEvidence, probes: ProbeResults): Diagnosis {
  const { endpoint } = evidence;
  const url = formatEndpoint(endpoint);
  const at = hostPort(endpoint);
  const detail = closeDetail(evidence.closeCode, evidence.closeReason);
  const [plain, tls] =
    endpoint.scheme === 'ws'
      ? [probes.sameScheme, probes.otherScheme]
      : [probes.otherScheme, probes.sameScheme];
  const wrongPath: Diagnosis = {
    kind: 'wrong-path',
    message: `Could not open ${url}${detail}: a web server answers at ${at} but refused the WebSocket. The path ${endpoint.path} is probably wrong, or this port is not the broker's WebSocket listener.`,
    hint: `Check the WebSocket path and port in the broker's configuration (EMQX and HiveMQ use /mqtt). A server that does not accept the "mqtt" WebSocket subprotocol or this page's origin fails the same way.`,
  };
  const inspectUrl = `https://${at}/`;

  // A TLS answer is decisive: a plain HTTP server cannot complete a TLS handshake, while a TLS
  // server may still answer plain HTTP (nginx replies 400 "plain HTTP request sent to HTTPS port").
  if (endpoint.scheme === 'ws') {
    if (tls === 'answered') {
      return {
        kind: 'tls-port-with-ws',
        message: `Could not open ${url}${detail}: ${at} speaks TLS (it answers https://${at}/), so it needs wss://, not ws://.`,
        hint: `Change the URL to wss://${at}${endpoint.path}.`,
      };
    }
    if (plain === 'answered') return wrongPath;
  } else {
    if (tls === 'answered') return wrongPath;
    if (plain === 'answered') {
      return {
        kind: 'plain-port-with-wss',
        message: `Could not open ${url}${detail}: ${at} answers plain HTTP but not HTTPS, so it is probably a plain WebSocket port that needs ws://, not wss://.`,
        hint: `Change the URL to ws://${at}${endpoint.path}. If this port is meant to use TLS, open ${inspectUrl} in a new tab to check its certificate.`,
        inspectUrl,
      };
    }
  }

  const ran = [plain, tls].some((p) => p !== 'not-run');
  const timedOut = [plain, tls].includes('timeout');
  if (endpoint.scheme === 'wss') {
    const why = !ran
      ? 'the browser does not say why. The broker’s certificate may not be trusted (self-signed, expired or issued for another name), or nothing listens there.'
      : timedOut
        ? `nothing answered over TLS at ${at} in time: the host may be offline, a firewall may drop the connection, or the broker’s certificate is not trusted.`
        : `nothing answered over TLS at ${at}. Either the broker’s certificate is not trusted by this browser (self-signed, expired or issued for another name), or nothing listens there.`;
    return {
      kind: 'certificate-or-unreachable',
      message: `Could not open ${url}${detail}: ${why}`,
      hint: `Open ${inspectUrl} in a new tab: if the browser warns about the certificate, inspect it and accept it (or fix it on the broker), then connect again. If the page does not load at all, check the host and port.`,
      inspectUrl,
    };
  }
  const why = !ran
    ? 'the browser does not say why. The host or port may be wrong, nothing may listen there, or the path may be wrong.'
    : timedOut
      ? `nothing answered at ${at} in time: the host may be offline, or a firewall may drop the connection.`
      : `nothing answered at ${at}: the host name may be wrong or down, or no broker listens on that port (connection refused).`;
  // Safari may block ws://localhost from an https page without a SecurityError (see isLoopback).
  const safari = isHttpsPage(evidence.pageProtocol)
    ? ' Some browsers (Safari) also block ws:// from an https page even to localhost: then use wss:// or open MQTT Scope over http://.'
    : '';
  return {
    kind: 'unreachable',
    message: `Could not open ${url}${detail}: ${why}`,
    hint: `Check the host and port, and that the broker has a WebSocket listener there (in Mosquitto: "listener ${endpoint.port}" with "protocol websockets").${safari}`,
  };
}

/**
 * One diagnosis for a WebSocket that failed or closed, from what the worker saw and the
 * probes it ran (runProbes) when the socket never opened. Pure: the same evidence always
 * gives the same words.
 */
export function diagnoseSocketFailure(evidence: SocketEvidence, probes: ProbeResults): Diagnosis {
  const { endpoint } = evidence;
  const url = formatEndpoint(endpoint);

  if (evidence.constructorError !== null) {
    // Browsers throw SecurityError for mixed content; for a loopback host in a browser that
    // blocks it anyway (see isLoopback) the error is the evidence, so trust it.
    if (
      endpoint.scheme === 'ws' &&
      isHttpsPage(evidence.pageProtocol) &&
      isSecurityError(evidence.constructorError)
    ) {
      return mixedContent(endpoint);
    }
    return {
      kind: 'blocked-by-browser',
      message: `The browser would not open ${url}: ${quoteBrokerText(evidence.constructorError) ?? 'no reason given'}.`,
      hint: "The browser's list of blocked ports or the page's Content Security Policy may forbid this address: try another port.",
    };
  }

  const before = diagnoseBeforeConnect(endpoint, evidence.pageProtocol);
  if (before) return before;

  if (!evidence.opened) return diagnoseNoOpen(evidence, probes);

  const detail = closeDetail(evidence.closeCode, evidence.closeReason);
  if (evidence.bytesFromBroker > 0) {
    return {
      kind: 'lost',
      message: `The connection to ${url} was lost${after(evidence.openForMs)}${detail}.`,
      hint: 'The network may have dropped, the broker restarted, or a proxy closed the connection.',
    };
  }

  // The WebSocket upgrade worked but no CONNACK came back. MQTT 3.1.1 §3.1.2.2 asks a broker
  // to answer an unsupported protocol level with return code 1, but many just close.
  if (evidence.protocolVersion === 5) {
    return {
      kind: 'protocol-version-refused',
      message: `The broker at ${url} accepted the WebSocket but closed it${after(evidence.openForMs)} without answering the MQTT 5 CONNECT${detail}: it may not support MQTT 5, or the path leads to something that is not an MQTT broker.`,
      hint: 'Try MQTT 3.1.1 in the connection settings. If that fails too, check the path.',
    };
  }
  // RabbitMQ's Web MQTT answers a refused login by closing the WebSocket with the reason
  // "unauthenticated" instead of a CONNACK (over TCP it sends return code 4): as final as one.
  if (
    /unauthenticated|not authori[sz]ed|unauthori[sz]ed|bad user ?name or password/i.test(
      evidence.closeReason,
    )
  ) {
    return {
      kind: 'login-refused',
      message: `The broker at ${url} refused the login${detail}.`,
      hint: 'Check the username and password in the connection settings.',
    };
  }
  if (evidence.withLogin) {
    return {
      kind: 'closed-without-answer',
      message: `The broker at ${url} accepted the WebSocket but closed it${after(evidence.openForMs)} without answering the MQTT CONNECT${detail}: it may have refused the username or password without saying so (RabbitMQ's Web MQTT does this), or the path leads to something that is not an MQTT broker.`,
      hint: "Check the username and password, then the path and the broker's log.",
    };
  }
  return {
    kind: 'closed-without-answer',
    message: `The server at ${url} accepted the WebSocket but closed it${after(evidence.openForMs)} without answering the MQTT CONNECT${detail}: the path may lead to something that is not an MQTT broker, or the broker dropped the client (an authentication plugin may do this).`,
    hint: "Check the path (EMQX and HiveMQ use /mqtt) and the broker's log.",
  };
}
