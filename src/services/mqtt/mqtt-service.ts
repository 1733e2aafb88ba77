import type { ConnectSettings, QoS, SessionBatch, WorkerCommand } from './protocol.ts';

export type BatchListener = (batch: SessionBatch) => void;

/** The main thread's handle on the MQTT worker. Holds no client and no message state. */
export interface MqttService {
  connect(settings: ConnectSettings): void;
  disconnect(): void;
  subscribe(filter: string, qos: QoS): void;
  unsubscribe(filter: string): void;
  /** Returns the id that the matching `published` or `publish-failed` event will carry. */
  publish(topic: string, payload: string, qos: QoS, retain: boolean): number;
  watchSeries(seriesId: string, filter: string, jsonPath: string): void;
  unwatchSeries(seriesId: string): void;
  clearMessages(): void;
  expandTopics(paths: string[]): void;
  requestHistory(): void;
  onBatch(listener: BatchListener): () => void;
}

/**
 * Starts the worker and paces its output to the display: one pull is outstanding at a time, and
 * the answer is applied in the next animation frame, so stores change at most once per frame.
 */
export function createMqttService(): MqttService {
  const worker = new Worker(new URL('./mqtt-worker.ts', import.meta.url), { type: 'module' });
  const listeners = new Set<BatchListener>();
  let pending: SessionBatch | null = null;
  let publishId = 0;

  const send = (command: WorkerCommand) => worker.postMessage(command);

  const deliver = () => {
    const batch = pending;
    pending = null;
    if (batch) for (const listener of listeners) listener(batch);
    send({ type: 'pull' });
  };

  worker.onmessage = (event: MessageEvent<SessionBatch>) => {
    pending = event.data;
    requestAnimationFrame(deliver);
  };
  send({ type: 'pull' });

  return {
    connect: (settings) => send({ type: 'connect', settings }),
    disconnect: () => send({ type: 'disconnect' }),
    subscribe: (filter, qos) => send({ type: 'subscribe', filter, qos }),
    unsubscribe: (filter) => send({ type: 'unsubscribe', filter }),
    publish: (topic, payload, qos, retain) => {
      publishId += 1;
      send({ type: 'publish', id: publishId, topic, payload, qos, retain });
      return publishId;
    },
    watchSeries: (seriesId, filter, jsonPath) =>
      send({ type: 'watch-series', seriesId, filter, jsonPath }),
    unwatchSeries: (seriesId) => send({ type: 'unwatch-series', seriesId }),
    clearMessages: () => send({ type: 'clear-messages' }),
    expandTopics: (paths) => send({ type: 'expand-topics', paths }),
    requestHistory: () => send({ type: 'request-history' }),
    onBatch: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
