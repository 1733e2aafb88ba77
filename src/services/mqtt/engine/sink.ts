import type { ConnectionBatch } from '../protocol.ts';
import type { IngestedMessage } from './ingested-message.ts';

/** Limits shared by every connection's sinks within one batch. */
export interface FlushBudget {
  /** Chart snapshots this batch may still carry: one chart redraw per frame, whoever owns it. */
  snapshots: number;
}

/**
 * A consumer of one connection's messages: the history, the topic tree, the counters, the
 * chart series, later a recorder or a widget. The pipeline hands each message to every sink;
 * the pump asks each sink when it has something for the page and lets it write into the batch.
 */
export interface Sink {
  /** Per message: O(1), no decoding unless this sink needs the value. */
  ingest(message: IngestedMessage): void;
  /** A message this page sent; only sinks that keep both directions (the recorder) take it. */
  ingestPublished?(message: IngestedMessage): void;
  /** When the sink next has something for the page (≤ now: now), or null when it has nothing. */
  dueAt(now: number): number | null;
  /** Writes what changed into the batch; called when `dueAt(now) <= now`. */
  flush(batch: ConnectionBatch, now: number, budget: FlushBudget): void;
  /** Called every 250 ms, for sinks that keep rates or time windows. */
  tick?(now: number): void;
  /** The user cleared the stream. */
  clear?(): void;
}
