import { emptyConnectionBatch } from '../protocol.ts';
import type { ConnectionBatch, EngineBatch } from '../protocol.ts';
import type { Connection } from './connection.ts';
import type { FlushBudget } from './sink.ts';

/** Output that belongs to no one connection (a search across them): asked like a sink. */
export interface EngineOutput {
  dueAt(now: number): number | null;
  flush(batch: EngineBatch, now: number): void;
}

/**
 * Paces the worker's output to the page's frames, for every connection at once: the page pulls,
 * and the pump answers with one batch as soon as anything is due, so three brokers cost one
 * frame budget, not three. Nothing is sent while the page has not drawn the previous batch.
 */
export class Pump {
  private pageWaiting = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private timerDueAt = 0;
  /** Rotates which connection is asked first, so one busy broker never starves the charts of another. */
  private firstConnection = 0;

  constructor(
    private readonly connections: () => readonly Connection[],
    private readonly send: (batch: EngineBatch) => void,
    private readonly outputs: readonly EngineOutput[] = [],
  ) {}

  /** The page drew the last batch and can take the next one. */
  pull(): void {
    this.pageWaiting = true;
    this.schedule();
  }

  /**
   * Flushes once the current task ends (so all packets of one WebSocket frame share a batch),
   * or after `delayMs` when a chart or the tree is not due yet. An earlier request replaces a
   * later one: a message must not wait behind a chart's redraw timer.
   */
  schedule(delayMs = 0): void {
    if (!this.pageWaiting) return;
    const dueAt = Date.now() + Math.max(0, delayMs);
    if (this.timer !== null) {
      if (this.timerDueAt <= dueAt) return;
      clearTimeout(this.timer);
    }
    this.timerDueAt = dueAt;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
    }, dueAt - Date.now());
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private flush(): void {
    if (!this.pageWaiting) return;
    const now = Date.now();
    const budget: FlushBudget = { snapshots: 1 };
    const connections = this.connections();
    const batches: ConnectionBatch[] = [];
    let nextDueAt = Infinity;
    for (let i = 0; i < connections.length; i += 1) {
      const connection = connections[(this.firstConnection + i) % connections.length];
      if (!connection) continue;
      let batch: ConnectionBatch | null = null;
      if (connection.events.length > 0) {
        batch = emptyConnectionBatch(connection.id);
        batch.events = connection.events;
        connection.events = [];
      }
      for (const sink of connection.sinks.all) {
        const dueAt = sink.dueAt(now);
        if (dueAt === null) continue;
        if (dueAt > now) {
          nextDueAt = Math.min(nextDueAt, dueAt);
          continue;
        }
        batch ??= emptyConnectionBatch(connection.id);
        sink.flush(batch, now, budget);
      }
      if (batch) batches.push(batch);
    }
    this.firstConnection =
      connections.length > 0 ? (this.firstConnection + 1) % connections.length : 0;
    const engineBatch: EngineBatch = {
      connections: batches,
      query: null,
      queryRows: null,
      querySeek: null,
      exportChunk: null,
    };
    let engineDue = false;
    for (const output of this.outputs) {
      const dueAt = output.dueAt(now);
      if (dueAt === null) continue;
      if (dueAt > now) {
        nextDueAt = Math.min(nextDueAt, dueAt);
        continue;
      }
      output.flush(engineBatch, now);
      engineDue = true;
    }
    if (batches.length === 0 && !engineDue) {
      // Something changed but it is too early to redraw it: come back when it is time.
      if (nextDueAt !== Infinity) this.schedule(nextDueAt - now);
      return;
    }
    this.pageWaiting = false;
    this.send(engineBatch);
  }
}
