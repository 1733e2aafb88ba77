import { RingBuffer } from '../../../core/ring-buffer.ts';
import type { IngestedMessage } from '../engine/ingested-message.ts';
import type { Sink } from '../engine/sink.ts';
import { MESSAGE_HISTORY } from '../protocol.ts';
import type { ConnectionBatch } from '../protocol.ts';

/** More rows than any screen shows at once: a live batch carries only what may be visible. */
export const LIVE_ROWS_PER_BATCH = 100;

/**
 * Keeps the newest messages for the list. Rows are made (and so payloads decoded) only when
 * sent: a burst of 20,000 messages between two frames turns into the 100 rows that may be
 * seen; the whole history only when the page asks for it (paused or scrolled back).
 */
export class HistorySink implements Sink {
  private readonly history = new RingBuffer<IngestedMessage>(MESSAGE_HISTORY);
  /** Messages that arrived since rows were last sent. */
  private unsent = 0;
  private historyRequested = false;

  ingest(message: IngestedMessage): void {
    this.history.push(message);
    this.unsent += 1;
  }

  requestHistory(): void {
    this.historyRequested = true;
  }

  dueAt(now: number): number | null {
    return this.unsent > 0 || this.historyRequested ? now : null;
  }

  flush(batch: ConnectionBatch): void {
    if (this.historyRequested) {
      batch.history = this.history.toArray().map((message) => message.toRow());
      this.historyRequested = false;
    } else {
      const newest = this.history.newest(Math.min(this.unsent, LIVE_ROWS_PER_BATCH));
      batch.rows = newest.map((message) => message.toRow());
    }
    this.unsent = 0;
  }

  clear(): void {
    this.history.clear();
    this.unsent = 0;
  }
}
