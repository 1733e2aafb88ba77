/// <reference lib="webworker" />
// The worker entry: mqtt.js and all per-message work live here, off the thread that draws.
import mqtt from 'mqtt';
import type { IClientOptions, IStream, MqttClient } from 'mqtt';
import { newSocketReport, WebSocketTransport } from './websocket-transport.ts';
import type { SocketLike, SocketReport } from './websocket-transport.ts';
import { Engine } from './engine/engine.ts';
import type { EngineBatch, WorkerCommand, WorkerFault, WorkerPong } from './protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

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
  setTimeout(() =>
    socket.onclose?.call(socket as WebSocket, new CloseEvent('close', { code: 1006 })),
  );
  return socket;
}

/**
 * mqtt.js over our batching transport (see websocket-transport.ts); each (re)connect opens a
 * new WebSocket and reports on it. MQTT 3.1.1 and 5 both use the "mqtt" subprotocol (MQTT 5 §6).
 */
function connect(
  url: string,
  options: IClientOptions,
  onSocket: (report: SocketReport) => void,
): MqttClient {
  const client = new mqtt.MqttClient(() => {
    const report = newSocketReport();
    onSocket(report);
    let socket: SocketLike;
    try {
      socket = new WebSocket(url, 'mqtt');
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
}

function post(batch: EngineBatch): void {
  const transfer: ArrayBuffer[] = [];
  for (const connection of batch.connections) {
    for (const snapshot of connection.series) {
      for (const line of snapshot.lines) {
        transfer.push(line.times.buffer as ArrayBuffer, line.values.buffer as ArrayBuffer);
      }
    }
  }
  self.postMessage(batch, transfer);
}

const engine = new Engine(connect, post, {
  pageProtocol: self.location.protocol,
  fetch: (input, init) => fetch(input, init),
});

self.onmessage = (event: MessageEvent<WorkerCommand>) => {
  const command = event.data;
  if (command.type === 'ping') {
    self.postMessage({ pong: command.nonce } satisfies WorkerPong);
    return;
  }
  try {
    engine.handle(command);
  } catch (error) {
    // One bad command must not take the engine down: the page is told, the rest goes on.
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    self.postMessage({ workerError: `${command.type}: ${text}` } satisfies WorkerFault);
  }
};
