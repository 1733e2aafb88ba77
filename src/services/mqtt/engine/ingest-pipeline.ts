import type { DecodedPayload, DecoderRegistry } from '../../../core/decoders/index.ts';
import type { MessageProperties } from '../../../core/recorder/message-properties.ts';
import type { QoS } from '../protocol.ts';
import { IngestedMessage } from './ingested-message.ts';
import type { Sink } from './sink.ts';

/**
 * The one road every message of a connection takes: numbered, wrapped for a single decode,
 * handed to each sink in turn. Sources (an MQTT client, later a replay) call `ingest`.
 */
export class IngestPipeline {
  private seq = 0;

  constructor(
    readonly connectionId: string,
    private readonly sinks: readonly Sink[],
    private readonly decoders: DecoderRegistry,
    /** Told after each message, so the pump can answer a waiting page. */
    private readonly onIngest: () => void,
  ) {}

  ingest(
    topic: string,
    payload: Uint8Array,
    qos: QoS,
    retain: boolean,
    time: number,
    dup = false,
    properties: MessageProperties | null = null,
  ): void {
    this.pass(topic, payload, qos, retain, time, dup, properties, false);
  }

  /** Decodes a payload read back from the recorder with this connection's decoders. */
  decode(topic: string, payload: Uint8Array): DecodedPayload {
    return this.decoders.decode({ topic, payload });
  }

  /** A message the page published: recorded beside the received ones, counted by none. */
  ingestPublished(topic: string, payload: Uint8Array, qos: QoS, retain: boolean, time: number) {
    this.pass(topic, payload, qos, retain, time, false, null, true);
  }

  private pass(
    topic: string,
    payload: Uint8Array,
    qos: QoS,
    retain: boolean,
    time: number,
    dup: boolean,
    properties: MessageProperties | null,
    published: boolean,
  ): void {
    this.seq += 1;
    const message = new IngestedMessage(
      this.connectionId,
      this.seq,
      time,
      topic,
      payload,
      qos,
      retain,
      this.decoders,
      dup,
      properties,
      published,
    );
    for (const sink of this.sinks) {
      if (published) sink.ingestPublished?.(message);
      else sink.ingest(message);
    }
    message.settle();
    this.onIngest();
  }
}
