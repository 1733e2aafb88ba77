import type { IClientPublishOptions, MqttClient } from 'mqtt';
import { validateTopicName } from '../../../core/topic-filter.ts';
import { describePublishReason } from '../../../core/mqtt-reasons.ts';
import type { ConnectionEvent, PublishProperties, QoS } from '../protocol.ts';

/** mqtt.js's shape: binary properties as Buffers (a Uint8Array is what its writer reads). */
function toClientProperties(properties: PublishProperties): IClientPublishOptions['properties'] {
  const { correlationData, ...rest } = properties;
  return correlationData ? { ...rest, correlationData: correlationData as Buffer } : rest;
}

/**
 * Publishes for one connection and reports each message's fate. While the connection is down,
 * QoS 1 and 2 messages wait in mqtt.js's outgoing store and go out after the reconnect.
 */
export class Publisher {
  /** Ids of messages the broker has not acknowledged yet. */
  private readonly pending = new Set<number>();
  /** QoS 2 messages awaiting PUBREC: mqtt.js's packet identifier → the page's id. */
  private readonly awaitingPubrec = new Map<number, number>();

  constructor(
    private readonly client: () => MqttClient | null,
    private readonly emit: (event: ConnectionEvent) => void,
    /** Told of each message handed to the client, so the recorder keeps what was sent. */
    private readonly onSent: (
      topic: string,
      payload: string | Uint8Array,
      qos: QoS,
      retain: boolean,
    ) => void = () => undefined,
  ) {}

  publish(
    id: number,
    topic: string,
    payload: string | Uint8Array,
    qos: QoS,
    retain: boolean,
    properties?: PublishProperties,
  ): void {
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
    const lastId = qos === 2 ? client.getLastMessageId() : 0;
    // Set after the call; the callback may run inside it (a client that is disconnecting).
    let packetId: number | null = null;
    // mqtt.js takes a Buffer; a Uint8Array is what its packet writer needs from one.
    const options = properties
      ? { qos, retain, properties: toClientProperties(properties) }
      : { qos, retain };
    client.publish(topic, payload as string | Buffer, options, (error) => {
      if (packetId !== null) this.awaitingPubrec.delete(packetId);
      if (!this.pending.delete(id)) return;
      if (!error) return this.emit({ type: 'published', id, qos });
      const code = (error as { code?: unknown }).code;
      const reason = typeof code === 'number' ? describePublishReason(code) : error.message;
      this.emit({ type: 'publish-failed', id, reason });
    });
    // The packet identifier mqtt.js allocated, if it sent (or stored) the packet right away.
    if (qos === 2 && client.getLastMessageId() !== lastId) packetId = client.getLastMessageId();
    if (packetId !== null && this.pending.has(id)) this.awaitingPubrec.set(packetId, id);
  }

  /**
   * For the repeat publisher: no event per message (the repeat reports its progress).
   * False when the connection is down: nothing is queued.
   */
  publishQuiet(
    topic: string,
    payload: string,
    qos: QoS,
    retain: boolean,
    properties?: PublishProperties,
  ): boolean {
    const client = this.client();
    if (!client?.connected) return false;
    this.onSent(topic, payload, qos, retain);
    const options = properties
      ? { qos, retain, properties: toClientProperties(properties) }
      : { qos, retain };
    client.publish(topic, payload, options);
    return true;
  }

  /** The broker's PUBREC for a QoS 2 message: it has the message; PUBCOMP is to come. */
  received(packetId: number | undefined): void {
    if (packetId === undefined) return;
    const id = this.awaitingPubrec.get(packetId);
    if (id === undefined) return;
    this.awaitingPubrec.delete(packetId);
    this.emit({ type: 'publish-received', id });
  }

  /** The client is gone (a manual disconnect): what it still held will never be sent. */
  failPending(reason: string): void {
    for (const id of this.pending) this.emit({ type: 'publish-failed', id, reason });
    this.pending.clear();
    this.awaitingPubrec.clear();
  }
}
