import type { DecodedPayload, DecoderRegistry } from '../../../core/decoders/index.ts';
import type { MessageProperties } from '../../../core/recorder/message-properties.ts';
import type { QoS } from '../protocol.ts';
import { IngestedMessage } from './ingested-message.ts';
import type { Sink } from './sink.ts';

/** Messages held while a decoder is fetched; past this the oldest go on undecoded. */
export const MAX_HELD_MESSAGES = 20_000;
/** Payload bytes held while a decoder is fetched; past this the oldest go on undecoded. */
export const MAX_HELD_BYTES = 32 * 1024 * 1024;

/**
 * The one road every message of a connection takes: numbered, wrapped for a single decode,
 * handed to each sink in turn. Sources (an MQTT client, a recording) call `ingest`.
 *
 * Before the sinks, the decoder registry says from evidence alone (topic, content type, the
 * user's rules) whether a decoder applies whose code is still being fetched. Then this
 * message, and every one after it, waits in order until the code is there, so nothing is shown
 * as hex that a moment later would have been decoded. Holding is bounded; a decoder that
 * cannot be fetched lets its messages go on with a note saying so.
 */
export class IngestPipeline {
  private seq = 0;
  /** Messages waiting for a decoder, oldest first, from `heldStart` on. */
  private held: (IngestedMessage | undefined)[] = [];
  private heldStart = 0;
  private heldBytes = 0;
  /** Set while a release is scheduled for the decoder the oldest held message waits for. */
  private waiting = false;

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
  decode(
    topic: string,
    payload: Uint8Array,
    properties: MessageProperties | null = null,
  ): DecodedPayload {
    return this.decoders.decode({ topic, payload, properties });
  }

  /** A message the page published: recorded beside the received ones, counted by none. */
  ingestPublished(topic: string, payload: Uint8Array, qos: QoS, retain: boolean, time: number) {
    this.pass(topic, payload, qos, retain, time, false, null, true);
  }

  /** Messages waiting for a decoder's code. */
  get heldCount(): number {
    return this.held.length - this.heldStart;
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
    // Behind a held message every message waits, whatever its decoder: order is kept.
    if (this.heldCount > 0) return this.hold(message);
    const plan = this.decoders.plan(topic, properties);
    if (plan === 'pass') return this.deliver(message);
    if (plan === 'decode-now') {
      message.decoded();
      return this.deliver(message);
    }
    this.hold(message);
    this.waitFor(plan);
  }

  private deliver(message: IngestedMessage): void {
    for (const sink of this.sinks) {
      if (message.published) sink.ingestPublished?.(message);
      else sink.ingest(message);
    }
    message.settle();
    this.onIngest();
  }

  private hold(message: IngestedMessage): void {
    this.held.push(message);
    this.heldBytes += message.bytes.length;
    // Over the bound, the oldest go on as they are: shown undecoded, with a note, not lost.
    while (
      this.heldCount > 1 &&
      (this.heldCount > MAX_HELD_MESSAGES || this.heldBytes > MAX_HELD_BYTES)
    ) {
      this.deliver(this.takeOldest());
    }
  }

  private takeOldest(): IngestedMessage {
    const message = this.held[this.heldStart] as IngestedMessage;
    this.held[this.heldStart] = undefined;
    this.heldStart += 1;
    this.heldBytes -= message.bytes.length;
    if (this.heldStart === this.held.length) {
      this.held = [];
      this.heldStart = 0;
    }
    return message;
  }

  private waitFor(ready: Promise<void>): void {
    if (this.waiting) return;
    this.waiting = true;
    void ready.then(() => {
      this.waiting = false;
      this.release();
    });
  }

  /** Hands held messages on in order, until one waits for a decoder still being fetched. */
  private release(): void {
    while (this.heldCount > 0) {
      const message = this.held[this.heldStart] as IngestedMessage;
      const plan = this.decoders.plan(message.topic, message.properties);
      if (plan !== 'pass' && plan !== 'decode-now') return this.waitFor(plan);
      this.takeOldest();
      if (plan === 'decode-now') message.decoded();
      this.deliver(message);
    }
  }
}
