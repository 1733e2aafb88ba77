import mqtt from 'mqtt';
import type { IClientOptions, IStream, MqttClient } from 'mqtt';
import type { ConnectFn } from './sources/mqtt-source.ts';
import { newSocketReport, WebSocketTransport } from './websocket-transport.ts';
import type { SocketLike } from './websocket-transport.ts';

/** Stands in for a WebSocket the browser refused to create (a SecurityError): it just closes. */
function refusedSocket(): SocketLike {
  const socket = {
    binaryType: 'arraybuffer',
    readyState: 3,
    send: () => undefined,
    close: () => undefined,
    onopen: null,
    onmessage: null,
    onclose: null,
    onerror: null,
  } as unknown as SocketLike;
  // Only the code and reason are read (websocket-transport.ts), so no CloseEvent is needed.
  const closed = { code: 1006, reason: '' } as CloseEvent;
  setTimeout(() => socket.onclose?.call(socket as WebSocket, closed));
  return socket;
}

/**
 * mqtt.js over our batching transport (see websocket-transport.ts); each (re)connect opens a
 * new WebSocket with `openSocket` (to `nodeUrl()` when given) and reports on it. MQTT 3.1.1 and 5 both use the "mqtt"
 * subprotocol (MQTT 5 §6). The worker opens the browser's WebSocket; tests open `ws`'s.
 */
export function connectOverWebSocket(
  openSocket: (url: string, protocol: string) => SocketLike,
): ConnectFn {
  return (url: string, options: IClientOptions, onSocket, nodeUrl) => {
    const client: MqttClient = new mqtt.MqttClient(() => {
      const report = newSocketReport();
      onSocket(report);
      let socket: SocketLike;
      try {
        // Asked at each (re)connect: a cluster's next node is tried by the same client, which
        // keeps its queue of unacknowledged messages across the switch.
        socket = openSocket(nodeUrl?.() ?? url, 'mqtt');
      } catch (error) {
        report.constructorError =
          error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        socket = refusedSocket();
      }
      return new WebSocketTransport(socket, report) as unknown as IStream;
    }, options);
    // As mqtt.connect does: errors reach the source through its own listener.
    client.on('error', () => undefined);
    return client;
  };
}
