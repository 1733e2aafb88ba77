/// <reference lib="webworker" />
// The worker entry: mqtt.js and all per-message work live here, off the thread that draws.
import mqtt from 'mqtt';
import type { IClientOptions, IStream, MqttClient } from 'mqtt';
import { WebSocketTransport } from './websocket-transport.ts';
import { MqttSession } from './session.ts';
import type { SessionBatch, WorkerCommand } from './protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

/**
 * mqtt.js over our batching transport (see websocket-transport.ts); each (re)connect opens a
 * new WebSocket. MQTT 3.1.1 and 5 both use the "mqtt" subprotocol (MQTT 5 §6).
 */
function connect(url: string, options: IClientOptions): MqttClient {
  const client = new mqtt.MqttClient(
    () => new WebSocketTransport(new WebSocket(url, 'mqtt')) as unknown as IStream,
    options,
  );
  // As mqtt.connect does: errors reach the session through its own listener.
  client.on('error', () => undefined);
  return client;
}

const session = new MqttSession(connect, (batch: SessionBatch) => {
  const transfer: ArrayBuffer[] = [];
  for (const snapshot of batch.series) {
    for (const line of snapshot.lines) {
      transfer.push(line.times.buffer as ArrayBuffer, line.values.buffer as ArrayBuffer);
    }
  }
  self.postMessage(batch, transfer);
});

self.onmessage = (event: MessageEvent<WorkerCommand>) => session.handle(event.data);
