import type { DecodedPayload, DecoderRegistry } from '../../../core/decoders/index.ts';
import type { MessageProperties } from '../../../core/recorder/message-properties.ts';
import type { MessageRow, QoS } from '../protocol.ts';

/** Payloads up to this size are kept whole; larger ones are decoded at once and let go. */
export const KEPT_PAYLOAD_BYTES = 4_096;
const NO_BYTES = new Uint8Array(0);

/**
 * One received message on its way through the pipeline. It is decoded at most once, on first
 * demand, and every sink reads that one result: a burst that no view shows is never decoded.
 */
export class IngestedMessage {
  private payload: Uint8Array;
  private decodedPayload: DecodedPayload | null = null;

  constructor(
    readonly connectionId: string,
    readonly seq: number,
    readonly time: number,
    readonly topic: string,
    payload: Uint8Array,
    readonly qos: QoS,
    readonly retain: boolean,
    private readonly decoders: DecoderRegistry,
    readonly dup = false,
    readonly properties: MessageProperties | null = null,
    /** Sent from this page rather than received. */
    readonly published = false,
  ) {
    this.payload = payload;
  }

  /** The bytes as received; empty once a large payload has been settled. */
  get bytes(): Uint8Array {
    return this.payload;
  }

  get size(): number {
    return this.decodedPayload?.size ?? this.payload.length;
  }

  decoded(): DecodedPayload {
    this.decodedPayload ??= this.decoders.decode({
      topic: this.topic,
      payload: this.payload,
      properties: this.properties,
      live: true,
    });
    return this.decodedPayload;
  }

  /**
   * Called once every sink has seen the message. A large payload is decoded now, while it is
   * whole, and then let go, so the history never holds 2,000 copies of a 16 MB blob; its
   * parsed value goes too, once the charts have read it.
   */
  settle(): void {
    if (this.payload.length <= KEPT_PAYLOAD_BYTES) return;
    const { value: _value, ...shown } = this.decoded();
    this.decodedPayload = shown;
    this.payload = NO_BYTES;
  }

  /** The row of the message list; `id` is the recorder's id of this message. */
  toRow(id: number): MessageRow {
    const { format, preview, size, truncated, note } = this.decoded();
    const row: MessageRow = {
      connectionId: this.connectionId,
      seq: id,
      time: this.time,
      topic: this.topic,
      format,
      preview,
      size,
      truncated,
      qos: this.qos,
      retain: this.retain,
      dup: this.dup,
      cut: false,
      published: this.published,
    };
    if (note !== undefined) row.note = note;
    return row;
  }
}
