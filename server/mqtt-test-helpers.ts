import { connectAsync } from 'mqtt';
import type { IClientOptions, MqttClient } from 'mqtt';

/** Shared by the server tests: connect with bounded waits, collect messages until satisfied. */

export interface Received {
  topic: string;
  payload: Buffer;
  retain: boolean;
}

export function connectClient(url: string, options: IClientOptions = {}): Promise<MqttClient> {
  return connectAsync(url, { connectTimeout: 3000, reconnectPeriod: 0, ...options }, false);
}

/** Resolves with everything received once `done` is true; rejects after timeoutMs. */
export function collect(
  client: MqttClient,
  done: (received: Received[]) => boolean,
  timeoutMs = 3000,
): Promise<Received[]> {
  const received: Received[] = [];
  return new Promise((resolve, reject) => {
    const finish = (error?: Error) => {
      clearTimeout(timer);
      client.off('message', onMessage);
      if (error) reject(error);
      else resolve(received);
    };
    const onMessage = (topic: string, payload: Buffer, packet: { retain: boolean }) => {
      received.push({ topic, payload, retain: packet.retain });
      if (done(received)) finish();
    };
    const timer = setTimeout(() => {
      const topics = [...new Set(received.map((r) => r.topic))];
      const shown = topics.slice(0, 10).join(', ') + (topics.length > 10 ? ', …' : '');
      finish(
        new Error(
          `Timed out after ${timeoutMs} ms; received ${received.length} messages` +
            (received.length > 0 ? ` on ${shown}` : ''),
        ),
      );
    }, timeoutMs);
    client.on('message', onMessage);
  });
}
