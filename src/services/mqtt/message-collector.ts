import { RingBuffer } from '../../core/ring-buffer.ts';
import { decodePayload } from '../../core/payload.ts';
import type { MessageRow, QoS, StreamCounters } from './protocol.ts';

/** The message list keeps this many rows; a batch never needs to carry more. */
export const ROWS_PER_BATCH = 1_000;
/** Distinct topics remembered for pickers; beyond it new topics are still counted, not listed. */
export const MAX_KNOWN_TOPICS = 50_000;

interface RawMessage {
  seq: number;
  time: number;
  topic: string;
  payload: Uint8Array;
  qos: QoS;
  retain: boolean;
}

/**
 * Counts every message and keeps the newest raw ones until the next batch.
 * Decoding is deferred to `takeRows`, so a burst of 20,000 messages between two frames
 * decodes only the rows the list can show.
 */
export class MessageCollector {
  private readonly pending = new RingBuffer<RawMessage>(ROWS_PER_BATCH);
  private readonly knownTopics = new Set<string>();
  private newTopics: string[] = [];
  private received = 0;
  private bytes = 0;
  private rate = 0;
  private rateWindowStart: number;
  private rateWindowReceived = 0;

  constructor(now: number) {
    this.rateWindowStart = now;
  }

  ingest(topic: string, payload: Uint8Array, qos: QoS, retain: boolean, time: number): void {
    this.received += 1;
    this.bytes += payload.length;
    this.pending.push({ seq: this.received, time, topic, payload, qos, retain });
    if (!this.knownTopics.has(topic) && this.knownTopics.size < MAX_KNOWN_TOPICS) {
      this.knownTopics.add(topic);
      this.newTopics.push(topic);
    }
  }

  get hasUpdates(): boolean {
    return this.pending.size > 0 || this.newTopics.length > 0;
  }

  /** Rolls the one-second rate window; returns true when the shown rate changed. */
  updateRate(now: number): boolean {
    const elapsed = now - this.rateWindowStart;
    if (elapsed < 1_000) return false;
    const rate = Math.round(((this.received - this.rateWindowReceived) * 1_000) / elapsed);
    this.rateWindowStart = now;
    this.rateWindowReceived = this.received;
    const changed = rate !== this.rate;
    this.rate = rate;
    return changed;
  }

  counters(): StreamCounters {
    return { received: this.received, bytes: this.bytes, rate: this.rate };
  }

  takeRows(): MessageRow[] {
    const rows = this.pending
      .toArray()
      .map(({ payload, ...meta }): MessageRow => ({ ...meta, ...decodePayload(payload) }));
    this.pending.clear();
    return rows;
  }

  takeNewTopics(): string[] {
    const topics = this.newTopics;
    this.newTopics = [];
    return topics;
  }

  clear(): void {
    this.pending.clear();
  }
}
