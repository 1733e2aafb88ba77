/// <reference lib="webworker" />
// The worker entry: mqtt.js and all per-message work live here, off the thread that draws.
import { connectOverWebSocket } from './websocket-client.ts';
import { Engine } from './engine/engine.ts';
import type { EngineBatch, WorkerCommand, WorkerFault, WorkerPong } from './protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

/** The browser's WebSocket under mqtt.js (see websocket-client.ts). */
const connect = connectOverWebSocket((url, protocol) => new WebSocket(url, protocol));

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
