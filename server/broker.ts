import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer } from 'node:net';
import type { Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { Aedes } from 'aedes';
import { WebSocketServer } from 'ws';
import { checkLogin } from './broker-login.ts';
import type { Login } from './broker-login.ts';
import { CoalescingWsStream } from './coalescing-ws-stream.ts';
import { listen, urlHost } from './listen.ts';
import type { Listening } from './listen.ts';
import { createSlowClientGuard } from './slow-client-guard.ts';
import { TcpClientStream } from './tcp-client-stream.ts';

export interface TlsFiles {
  /** PEM certificate (chain) and private key. */
  cert: string | Buffer;
  key: string | Buffer;
}

export interface BrokerOptions {
  host?: string;
  /** 0 picks a free port. */
  wsPort?: number;
  wsPath?: string;
  /** 0 picks a free port; null disables plain MQTT over TCP. */
  tcpPort?: number | null;
  /** Unsent bytes a subscriber may have before messages for it are dropped (default 4 MiB). */
  maxQueuedBytes?: number;
  /** How long a subscriber may stay over that limit before the dropping starts (default 2 s). */
  queueGraceMs?: number;
  /** A subscriber over that limit for this long is disconnected (default 30 s). */
  stuckClientTimeoutMs?: number;
  /**
   * Which web pages may open a WebSocket, by the Origin header browsers send (default: none).
   * Requests without one come from programs, not pages, and are always let in.
   */
  isOriginAllowed?: (origin: string) => boolean;
  /** Every client must log in with this user name and password. */
  login?: Login;
  /** Serve wss:// and mqtts:// instead of ws:// and mqtt://. */
  tls?: TlsFiles;
  /** Where the broker says what it refused, dropped or cut off. */
  log?: (line: string) => void;
}

export interface RunningBroker {
  wsUrl: string;
  tcpUrl: string | null;
  wsPort: number;
  tcpPort: number | null;
  close(): Promise<void>;
}

export const DEFAULT_MAX_QUEUED_BYTES = 4 * 1024 * 1024;
const DEFAULT_QUEUE_GRACE_MS = 2000;
const DEFAULT_STUCK_CLIENT_TIMEOUT_MS = 30_000;

/** Subprotocols MQTT clients offer: `mqtt` (3.1.1 and 5) and `mqttv3.1` (the old 3.1 name). */
const MQTT_SUBPROTOCOLS = ['mqtt', 'mqttv3.1'];

function pickSubprotocol(offered: Set<string>): string | false {
  return MQTT_SUBPROTOCOLS.find((name) => offered.has(name)) ?? false;
}

function closeAedes(aedes: Aedes): Promise<void> {
  return new Promise((resolve) => aedes.close(() => resolve()));
}

const peerOf = (socket: Socket) => `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;

/** Starts an in-memory aedes broker reachable over WebSocket and, optionally, plain TCP. */
export async function startBroker(options: BrokerOptions = {}): Promise<RunningBroker> {
  const host = options.host ?? '127.0.0.1';
  const wsPath = options.wsPath ?? '/mqtt';
  const tcpPort = options.tcpPort === undefined ? 1883 : options.tcpPort;
  const log = options.log ?? (() => {});
  const isOriginAllowed = options.isOriginAllowed ?? (() => false);
  const tls = options.tls;

  const guard = createSlowClientGuard({
    maxQueuedBytes: options.maxQueuedBytes ?? DEFAULT_MAX_QUEUED_BYTES,
    graceMs: options.queueGraceMs ?? DEFAULT_QUEUE_GRACE_MS,
    stuckTimeoutMs: options.stuckClientTimeoutMs ?? DEFAULT_STUCK_CLIENT_TIMEOUT_MS,
    log,
  });
  const aedes = await Aedes.createBroker({
    authorizeForward: guard.authorizeForward,
    ...(options.login ? { authenticate: checkLogin(options.login, log) } : {}),
  });
  aedes.on('clientDisconnect', guard.onClientGone);
  // A misbehaving client must not take the broker down; aedes already closes that connection.
  aedes.on('clientError', guard.onClientGone);
  aedes.on('connectionError', () => {});

  const answerHttp = (_request: IncomingMessage, response: ServerResponse) => {
    response.writeHead(426, {
      'Content-Type': 'text/plain; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
    });
    response.end(`This is an MQTT broker; connect with a WebSocket MQTT client to ${wsPath}\n`);
  };
  const httpServer = tls ? createHttpsServer(tls, answerHttp) : createHttpServer(answerHttp);
  const wss = new WebSocketServer({
    server: httpServer,
    path: wsPath,
    handleProtocols: pickSubprotocol,
    verifyClient: ({ origin, req }, done) => {
      if (origin === undefined || isOriginAllowed(origin)) return done(true);
      log(
        `refused a WebSocket from a page at ${JSON.stringify(origin)} (${peerOf(req.socket)}); ` +
          'start with --allow-origin <origin> to let that page in',
      );
      done(false, 403, 'Origin not allowed');
    },
  });
  const wsTransport = tls ? 'WebSocket over TLS' : 'WebSocket';
  wss.on('connection', (socket, request) => {
    const peer = `${peerOf(request.socket)} over ${wsTransport}`;
    aedes.handle(new CoalescingWsStream(socket, { peer }), request);
  });
  // Errors are per connection and already surfaced to aedes through the stream.
  wss.on('error', () => {});

  const tcpServer = tls
    ? createTlsServer(tls, (socket) => aedes.handle(new TcpClientStream(socket, 'TLS')))
    : createNetServer((socket) => aedes.handle(new TcpClientStream(socket, 'TCP')));
  // A failed TLS handshake is that client's problem, not the broker's.
  tcpServer.on('tlsClientError', () => {});

  const listeners: Listening[] = [];
  const closeAll = async () => {
    await closeAedes(aedes);
    for (const client of wss.clients) client.terminate();
    await Promise.all([
      new Promise<void>((resolve) => wss.close(() => resolve())),
      ...listeners.map((listener) => listener.close()),
    ]);
  };

  try {
    const wsListener = await listen(httpServer, options.wsPort ?? 9001, host, 'ws');
    listeners.push(wsListener);
    let tcpListener: Listening | null = null;
    if (tcpPort !== null) {
      tcpListener = await listen(tcpServer, tcpPort, host, 'tcp');
      listeners.push(tcpListener);
    }
    const hostInUrl = urlHost(host);
    return {
      wsUrl: `${tls ? 'wss' : 'ws'}://${hostInUrl}:${wsListener.port}${wsPath}`,
      tcpUrl: tcpListener ? `${tls ? 'mqtts' : 'mqtt'}://${hostInUrl}:${tcpListener.port}` : null,
      wsPort: wsListener.port,
      tcpPort: tcpListener?.port ?? null,
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
