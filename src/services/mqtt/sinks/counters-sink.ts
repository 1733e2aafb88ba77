import type { IngestedMessage } from '../engine/ingested-message.ts';
import type { Sink } from '../engine/sink.ts';
import type { ConnectionBatch } from '../protocol.ts';

/** Messages and bytes received, and the rate over the last second. */
export class CountersSink implements Sink {
  private received = 0;
  private bytes = 0;
  private rate = 0;
  private changed = true;
  private rateWindowStart: number;
  private rateWindowReceived = 0;

  constructor(now: number) {
    this.rateWindowStart = now;
  }

  ingest(message: IngestedMessage): void {
    this.received += 1;
    this.bytes += message.size;
    this.changed = true;
  }

  /** Rolls the one-second rate window. */
  tick(now: number): void {
    const elapsed = now - this.rateWindowStart;
    if (elapsed < 1_000) return;
    const rate = Math.round(((this.received - this.rateWindowReceived) * 1_000) / elapsed);
    this.rateWindowStart = now;
    this.rateWindowReceived = this.received;
    if (rate !== this.rate) this.changed = true;
    this.rate = rate;
  }

  dueAt(now: number): number | null {
    return this.changed ? now : null;
  }

  /** Clear empties the list and the counters together. */
  clear(): void {
    this.received = 0;
    this.bytes = 0;
    this.rate = 0;
    this.rateWindowReceived = 0;
    this.changed = true;
  }

  flush(batch: ConnectionBatch): void {
    this.changed = false;
    batch.counters = { received: this.received, bytes: this.bytes, rate: this.rate };
  }
}
