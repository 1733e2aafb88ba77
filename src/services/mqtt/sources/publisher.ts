import type { MqttClient } from 'mqtt';
import { validateTopicName } from '../../../core/topic-filter.ts';
import { describePublishReason } from '../../../core/mqtt-reasons.ts';
import type { ConnectionEvent, QoS } from '../protocol.ts';

/**
 * Publishes for one connection and reports each message's fate. While the connection is down,
 * QoS 1 and 2 messages wait in mqtt.js's outgoing store and go out after the reconnect.
 */
export class Publisher {
  /** Ids of messages the broker has not acknowledged yet. */
  private readonly pending = new Set<number>();

  constructor(
    private readonly client: () => MqttClient | null,
    private readonly emit: (event: ConnectionEvent) => void,
    /** Told of each message handed to the client, so the recorder keeps what was sent. */
    private readonly onSent: (
      topic: string,
      payload: string,
      qos: QoS,
      retain: boolean,
    ) => void = () => undefined,
  ) {}

  publish(id: number, topic: string, payload: string, qos: QoS, retain: boolean): void {
    const validation = validateTopicName(topic);
    if (!validation.ok) return this.emit({ type: 'publish-failed', id, reason: validation.reason });
    const client = this.client();
    if (!client) {
      return this.emit({ type: 'publish-failed', id, reason: 'Not connected: connect first.' });
    }
    if (!client.connected) {
      if (qos === 0) {
        return this.emit({
          type: 'publish-failed',
          id,
          reason: 'Not connected: a QoS 0 message is not queued. Use QoS 1 or 2 to queue it.',
        });
      }
      this.emit({ type: 'publish-queued', id });
    }
    this.pending.add(id);
    this.onSent(topic, payload, qos, retain);
    client.publish(topic, payload, { qos, retain }, (error) => {
      if (!this.pending.delete(id)) return;
      if (!error) return this.emit({ type: 'published', id, qos });
      const code = (error as { code?: unknown }).code;
      const reason = typeof code === 'number' ? describePublishReason(code) : error.message;
      this.emit({ type: 'publish-failed', id, reason });
    });
  }

  /** The client is gone (a manual disconnect): what it still held will never be sent. */
  failPending(reason: string): void {
    for (const id of this.pending) this.emit({ type: 'publish-failed', id, reason });
    this.pending.clear();
  }
}
