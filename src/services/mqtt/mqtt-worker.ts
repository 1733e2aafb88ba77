/// <reference lib="webworker" />
// The worker entry: mqtt.js and all per-message work live here, off the thread that draws.
import mqtt from 'mqtt';
import { MqttSession } from './session.ts';
import type { SessionBatch, WorkerCommand } from './protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

const session = new MqttSession(mqtt.connect, (batch: SessionBatch) => {
  const transfer: ArrayBuffer[] = [];
  for (const snapshot of batch.series) {
    for (const line of snapshot.lines) {
      transfer.push(line.times.buffer as ArrayBuffer, line.values.buffer as ArrayBuffer);
    }
  }
  self.postMessage(batch, transfer);
});

self.onmessage = (event: MessageEvent<WorkerCommand>) => session.handle(event.data);
