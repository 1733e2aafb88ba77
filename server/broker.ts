import { createServer as createHttpServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { Aedes } from 'aedes';
import { WebSocketServer } from 'ws';
import { CoalescingWsStream } from './coalescing-ws-stream.ts';
import { listen, urlHost } from './listen.ts';
import type { Listening } from './listen.ts';

export interface BrokerOptions {
  host?: string;
  /** 0 picks a free port. */
  wsPort?: number;
  wsPath?: string;
  /** 0 picks a free port; null disables plain MQTT over TCP. */
  tcpPort?: number | null;
}

export interface RunningBroker {
  wsUrl: string;
  tcpUrl: string | null;
  wsPort: number;
  tcpPort: number | null;
  close(): Promise<void>;
}

/** Subprotocols MQTT clients offer: `mqtt` (3.1.1 and 5) and `mqttv3.1` (the old 3.1 name). */
const MQTT_SUBPROTOCOLS = ['mqtt', 'mqttv3.1'];

function pickSubprotocol(offered: Set<string>): string | false {
  return MQTT_SUBPROTOCOLS.find((name) => offered.has(name)) ?? false;
}

function closeAedes(aedes: Aedes): Promise<void> {
  return new Promise((resolve) => aedes.close(() => resolve()));
}

/** Starts an in-memory aedes broker reachable over WebSocket and, optionally, plain TCP. */
export async function startBroker(options: BrokerOptions = {}): Promise<RunningBroker> {
  const host = options.host ?? '127.0.0.1';
  const wsPath = options.wsPath ?? '/mqtt';
  const tcpPort = options.tcpPort === undefined ? 1883 : options.tcpPort;

  const aedes = await Aedes.createBroker();
  // A misbehaving client must not take the broker down; aedes already closes that connection.
  aedes.on('clientError', () => {});
  aedes.on('connectionError', () => {});

  const httpServer = createHttpServer((_request, response) => {
    response.writeHead(426, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end(`This is an MQTT broker; connect with a WebSocket MQTT client to ${wsPath}\n`);
  });
  const wss = new WebSocketServer({
    server: httpServer,
    path: wsPath,
    handleProtocols: pickSubprotocol,
  });
  wss.on('connection', (socket, request) => {
    aedes.handle(new CoalescingWsStream(socket), request);
  });
  // Errors are per connection and already surfaced to aedes through the stream.
  wss.on('error', () => {});

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
      tcpListener = await listen(createNetServer(aedes.handle), tcpPort, host, 'tcp');
      listeners.push(tcpListener);
    }
    const hostInUrl = urlHost(host);
    return {
      wsUrl: `ws://${hostInUrl}:${wsListener.port}${wsPath}`,
      tcpUrl: tcpListener ? `mqtt://${hostInUrl}:${tcpListener.port}` : null,
      wsPort: wsListener.port,
      tcpPort: tcpListener?.port ?? null,
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
