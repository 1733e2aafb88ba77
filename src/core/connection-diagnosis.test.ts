import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  describeCloseCode,
  diagnoseBeforeConnect,
  diagnoseSocketFailure,
  formatEndpoint,
  probeUrls,
  runProbe,
  runProbes,
  type Endpoint,
  type ProbeFetch,
  type ProbeResults,
  type SocketEvidence,
} from './connection-diagnosis.ts';

const WS: Endpoint = { scheme: 'ws', host: 'broker.lan', port: 9001, path: '/mqtt' };
const WSS: Endpoint = { scheme: 'wss', host: 'broker.example.com', port: 8884, path: '/mqtt' };

/** What the worker records for a socket that fired 'error' then closed with 1006 without opening. */
function neverOpened(endpoint: Endpoint, pageProtocol = 'http:'): SocketEvidence {
  return {
    endpoint,
    pageProtocol,
    constructorError: null,
    opened: false,
    openForMs: null,
    closeCode: 1006,
    closeReason: '',
    bytesFromBroker: 0,
    protocolVersion: 4,
  };
}

function probes(sameScheme: ProbeResults['sameScheme'], otherScheme: ProbeResults['otherScheme']) {
  return { sameScheme, otherScheme };
}

const NOT_RUN = probes('not-run', 'not-run');

describe('formatEndpoint', () => {
  it('writes the port even when it is the default', () => {
    expect(formatEndpoint({ scheme: 'ws', host: 'h', port: 80, path: '/' })).toBe('ws://h:80/');
  });

  it('leaves out the query, which may carry a token', () => {
    expect(formatEndpoint({ ...WSS, path: '/mqtt?x-amz-signature=secret' })).toBe(
      'wss://broker.example.com:8884/mqtt',
    );
  });

  it('brackets an IPv6 host, with or without brackets given', () => {
    expect(formatEndpoint({ ...WS, host: '::1' })).toBe('ws://[::1]:9001/mqtt');
    expect(formatEndpoint({ ...WS, host: '[::1]' })).toBe('ws://[::1]:9001/mqtt');
  });
});

describe('diagnoseBeforeConnect', () => {
  it('blocks ws:// from an https page as mixed content', () => {
    const d = diagnoseBeforeConnect(WS, 'https:');
    expect(d?.kind).toBe('mixed-content');
    expect(d?.message).toContain('ws://broker.lan:9001/mqtt');
    expect(d?.message).toContain('mixed content');
    expect(d?.hint).toContain('wss://');
    expect(d?.hint).toContain('http://');
  });

  it('lets ws://localhost through from an https page: browsers treat loopback as trustworthy', () => {
    expect(diagnoseBeforeConnect({ ...WS, host: 'localhost' }, 'https:')).toBeNull();
    expect(diagnoseBeforeConnect({ ...WS, host: '127.0.0.1' }, 'https:')).toBeNull();
    expect(diagnoseBeforeConnect({ ...WS, host: '::1' }, 'https:')).toBeNull();
  });

  it('finds nothing wrong with ws:// from http or wss:// from https', () => {
    expect(diagnoseBeforeConnect(WS, 'http:')).toBeNull();
    expect(diagnoseBeforeConnect(WSS, 'https:')).toBeNull();
  });
});

describe('probeUrls', () => {
  it('probes http for ws and https as the other scheme, at the root of host:port', () => {
    expect(probeUrls(WS)).toEqual({
      sameScheme: 'http://broker.lan:9001/',
      otherScheme: 'https://broker.lan:9001/',
    });
  });

  it('probes https for wss, without the path or its query', () => {
    expect(probeUrls({ ...WSS, path: '/mqtt?token=abc' })).toEqual({
      sameScheme: 'https://broker.example.com:8884/',
      otherScheme: 'http://broker.example.com:8884/',
    });
  });
});

describe('diagnoseSocketFailure', () => {
  it('mixed-content: maps a SecurityError from the constructor', () => {
    const d = diagnoseSocketFailure(
      {
        ...neverOpened({ ...WS, host: 'localhost' }, 'https:'),
        constructorError:
          "SecurityError: Failed to construct 'WebSocket': An insecure WebSocket connection may not be initiated from a page loaded over HTTPS.",
      },
      NOT_RUN,
    );
    expect(d.kind).toBe('mixed-content');
    expect(d.message).toContain('ws://localhost:9001/mqtt');
  });

  it('blocked-by-browser: any other constructor error, quoted', () => {
    const d = diagnoseSocketFailure(
      { ...neverOpened(WS), constructorError: 'SecurityError: The port 6000 is not allowed.' },
      NOT_RUN,
    );
    expect(d.kind).toBe('blocked-by-browser');
    expect(d.message).toBe(
      'The browser would not open ws://broker.lan:9001/mqtt: “SecurityError: The port 6000 is not allowed.”.',
    );
  });

  it('wrong-path: an HTTP server answers on the ws port but the upgrade failed', () => {
    const d = diagnoseSocketFailure(neverOpened(WS), probes('answered', 'failed'));
    expect(d.kind).toBe('wrong-path');
    expect(d.message).toBe(
      "Could not open ws://broker.lan:9001/mqtt: a web server answers at broker.lan:9001 but refused the WebSocket. The path /mqtt is probably wrong, or this port is not the broker's WebSocket listener.",
    );
  });

  it('tls-port-with-ws: the port answers https, even if it also answers plain http with a 400', () => {
    const d = diagnoseSocketFailure(neverOpened(WS), probes('answered', 'answered'));
    expect(d.kind).toBe('tls-port-with-ws');
    expect(d.message).toContain('broker.lan:9001 speaks TLS');
    expect(d.hint).toBe('Change the URL to wss://broker.lan:9001/mqtt.');
  });

  it('unreachable: nothing answers either scheme', () => {
    const d = diagnoseSocketFailure(neverOpened(WS), probes('failed', 'failed'));
    expect(d.kind).toBe('unreachable');
    expect(d.message).toBe(
      'Could not open ws://broker.lan:9001/mqtt: nothing answered at broker.lan:9001: the host name may be wrong or down, or no broker listens on that port (connection refused).',
    );
    expect(d.hint).toContain('WebSocket listener');
    expect(d.hint).toContain('listener 9001');
  });

  it('unreachable: says "in time" when the probes timed out', () => {
    const d = diagnoseSocketFailure(neverOpened(WS), probes('timeout', 'timeout'));
    expect(d.kind).toBe('unreachable');
    expect(d.message).toContain('in time');
    expect(d.message).toContain('firewall');
  });

  it('unreachable: does not claim nothing answered when no probe ran', () => {
    const d = diagnoseSocketFailure(neverOpened(WS), NOT_RUN);
    expect(d.kind).toBe('unreachable');
    expect(d.message).toContain('the browser does not say why');
  });

  it('unreachable: mentions Safari for ws://localhost from an https page', () => {
    const d = diagnoseSocketFailure(
      neverOpened({ ...WS, host: 'localhost' }, 'https:'),
      probes('failed', 'failed'),
    );
    expect(d.kind).toBe('unreachable');
    expect(d.hint).toContain('Safari');
  });

  it('wrong-path: the https server answers on the wss port', () => {
    const d = diagnoseSocketFailure(neverOpened(WSS, 'https:'), probes('answered', 'not-run'));
    expect(d.kind).toBe('wrong-path');
    expect(d.message).toContain('wss://broker.example.com:8884/mqtt');
    expect(d.message).toContain('The path /mqtt is probably wrong');
  });

  it('plain-port-with-wss: the port answers http but not https', () => {
    const d = diagnoseSocketFailure(
      neverOpened({ ...WSS, host: 'localhost', port: 9001 }),
      probes('failed', 'answered'),
    );
    expect(d.kind).toBe('plain-port-with-wss');
    expect(d.message).toContain('needs ws://, not wss://');
    expect(d.hint).toMatch(/^Change the URL to ws:\/\/localhost:9001\/mqtt\./);
    expect(d.inspectUrl).toBe('https://localhost:9001/');
  });

  it('certificate-or-unreachable: nothing answers over TLS, with a page to inspect', () => {
    const d = diagnoseSocketFailure(neverOpened(WSS, 'https:'), probes('failed', 'not-run'));
    expect(d.kind).toBe('certificate-or-unreachable');
    expect(d.message).toContain('wss://broker.example.com:8884/mqtt');
    expect(d.message).toContain('self-signed, expired or issued for another name');
    expect(d.inspectUrl).toBe('https://broker.example.com:8884/');
    expect(d.hint).toMatch(/^Open https:\/\/broker\.example\.com:8884\/ in a new tab/);
  });

  it('protocol-version-refused: the WebSocket opened but an MQTT 5 CONNECT got no answer', () => {
    const d = diagnoseSocketFailure(
      {
        ...neverOpened(WS),
        opened: true,
        openForMs: 40,
        closeCode: 1005,
        protocolVersion: 5,
      },
      NOT_RUN,
    );
    expect(d.kind).toBe('protocol-version-refused');
    expect(d.message).toBe(
      'The broker at ws://broker.lan:9001/mqtt accepted the WebSocket but closed it after 40 ms without answering the MQTT 5 CONNECT: it may not support MQTT 5, or the path leads to something that is not an MQTT broker.',
    );
    expect(d.hint).toContain('Try MQTT 3.1.1');
  });

  it('closed-without-answer: a 3.1.1 CONNECT got no answer, with the close code in words', () => {
    const d = diagnoseSocketFailure(
      {
        ...neverOpened(WS),
        opened: true,
        openForMs: 1500,
        closeCode: 1008,
        closeReason: 'auth plugin said no',
      },
      NOT_RUN,
    );
    expect(d.kind).toBe('closed-without-answer');
    expect(d.message).toContain('ws://broker.lan:9001/mqtt');
    expect(d.message).toContain(
      'after 1.5 s without answering the MQTT CONNECT (WebSocket close code 1008: the server refused the connection by policy, often authentication or an origin check, reason “auth plugin said no”)',
    );
  });

  it('login-refused: a close whose reason says the login was refused (RabbitMQ Web MQTT)', () => {
    const d = diagnoseSocketFailure(
      {
        ...neverOpened(WS),
        opened: true,
        openForMs: 6,
        closeCode: 1002,
        closeReason: 'unauthenticated',
        withLogin: true,
      },
      NOT_RUN,
    );
    expect(d.kind).toBe('login-refused');
    expect(d.message).toContain('refused the login');
    expect(d.message).toContain('“unauthenticated”');
  });

  it('closed-without-answer with a login: the username or password is named first', () => {
    const d = diagnoseSocketFailure(
      { ...neverOpened(WS), opened: true, openForMs: 20, closeCode: 1000, withLogin: true },
      NOT_RUN,
    );
    expect(d.kind).toBe('closed-without-answer');
    expect(d.message).toContain('may have refused the username or password without saying so');
    expect(d.hint).toContain('Check the username and password');
  });

  it('lost: the socket carried MQTT and then closed', () => {
    const d = diagnoseSocketFailure(
      {
        ...neverOpened(WS),
        opened: true,
        openForMs: 200_000,
        closeCode: 1001,
        bytesFromBroker: 5120,
      },
      NOT_RUN,
    );
    expect(d.kind).toBe('lost');
    expect(d.message).toBe(
      'The connection to ws://broker.lan:9001/mqtt was lost after 3 min 20 s (WebSocket close code 1001: the server is going away, e.g. shutting down or restarting).',
    );
  });

  it('lost: says nothing about a 1006 close, which carries no information', () => {
    const d = diagnoseSocketFailure(
      { ...neverOpened(WS), opened: true, openForMs: 5000, bytesFromBroker: 4 },
      NOT_RUN,
    );
    expect(d.message).toBe('The connection to ws://broker.lan:9001/mqtt was lost after 5 s.');
  });
});

describe('describeCloseCode', () => {
  it.each([1002, 1008, 1009, 1011, 1015])('puts words on %i', (code) => {
    expect(describeCloseCode(code)).toBeTruthy();
  });

  it('has nothing to say about 1005 and 1006', () => {
    expect(describeCloseCode(1005)).toBeNull();
    expect(describeCloseCode(1006)).toBeNull();
  });
});

describe('runProbe', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('answered: any response, sent no-cors, uncached and without cookies', async () => {
    const fetchFn = vi.fn<ProbeFetch>(() => Promise.resolve({ type: 'opaque', status: 0 }));
    await expect(runProbe('http://broker.lan:9001/', fetchFn, 1000)).resolves.toBe('answered');
    expect(fetchFn).toHaveBeenCalledWith(
      'http://broker.lan:9001/',
      expect.objectContaining({ mode: 'no-cors', cache: 'no-store', credentials: 'omit' }),
    );
  });

  it('failed: fetch rejects with a network error', async () => {
    const fetchFn: ProbeFetch = () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(runProbe('https://broker.lan:9001/', fetchFn, 1000)).resolves.toBe('failed');
  });

  it('failed: fetch throws synchronously', async () => {
    const fetchFn: ProbeFetch = () => {
      throw new TypeError('bad url');
    };
    await expect(runProbe('https://broker.lan:9001/', fetchFn, 1000)).resolves.toBe('failed');
  });

  it('timeout: fetch never settles, even if it ignores the abort', async () => {
    vi.useFakeTimers();
    let signal: AbortSignal | undefined;
    const fetchFn: ProbeFetch = (_url, init) => {
      signal = init.signal;
      return new Promise(() => undefined);
    };
    const outcome = runProbe('https://10.0.0.99:8884/', fetchFn, 3000);
    await vi.advanceTimersByTimeAsync(3000);
    await expect(outcome).resolves.toBe('timeout');
    expect(signal?.aborted).toBe(true);
  });

  it('timeout: a fetch that honours the abort also reads as timeout, with real timers', async () => {
    const fetchFn: ProbeFetch = (_url, init) =>
      new Promise((_resolve, reject) => {
        init.signal.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        );
      });
    await expect(runProbe('https://10.0.0.99:8884/', fetchFn, 10)).resolves.toBe('timeout');
  });
});

describe('runProbes', () => {
  it('runs both probes and marks the one mixed content would block not-run', async () => {
    const fetchFn = vi.fn<ProbeFetch>((url) =>
      url.startsWith('https:')
        ? Promise.resolve({})
        : Promise.reject(new TypeError('Failed to fetch')),
    );
    await expect(runProbes(WSS, 'https:', fetchFn, 1000)).resolves.toEqual({
      sameScheme: 'answered',
      otherScheme: 'not-run',
    });
    expect(fetchFn).toHaveBeenCalledTimes(1);
    await expect(runProbes(WS, 'http:', fetchFn, 1000)).resolves.toEqual({
      sameScheme: 'failed',
      otherScheme: 'answered',
    });
  });

  it('runs the http probe from an https page for localhost, which browsers allow', async () => {
    const fetchFn = vi.fn<ProbeFetch>(() => Promise.resolve({}));
    await expect(
      runProbes({ ...WSS, host: 'localhost' }, 'https:', fetchFn, 1000),
    ).resolves.toEqual({ sameScheme: 'answered', otherScheme: 'answered' });
  });
});
