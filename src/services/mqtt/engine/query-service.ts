import { compileQuery } from '../../../core/recorder/message-query.ts';
import type { MessageQuery } from '../../../core/recorder/message-query.ts';
import { QueryRun } from '../../../core/recorder/query-run.ts';
import type { EngineBatch, MessageRow, QueryRows, QueryStatus } from '../protocol.ts';
import type { Connection } from './connection.ts';

/** How long one slice of a search may hold the worker before live messages get a turn. */
const SLICE_MS = 12;
/** Rows a list asks for at most in one go. */
const MAX_ROWS_PER_REQUEST = 500;
/** Status updates while a search runs: often enough to watch the count grow. */
const STATUS_INTERVAL_MS = 100;

/** Yields to the worker's event loop without setTimeout's 4 ms clamp on nested timers. */
export function createYield(): (next: () => void) => void {
  if (typeof MessageChannel === 'undefined') return (next) => setTimeout(next, 0);
  const channel = new MessageChannel();
  let pending: (() => void) | null = null;
  channel.port1.onmessage = () => {
    const next = pending;
    pending = null;
    next?.();
  };
  return (next) => {
    pending = next;
    channel.port2.postMessage(null);
  };
}

interface ActiveQuery {
  id: number;
  run: QueryRun;
  connectionIds: string[];
  startedAt: number;
}

/**
 * Runs the page's search over the recorders of the open connections, a slice at a time, and
 * answers the list's requests for rows of the matches. One search at a time: a new one
 * replaces the previous.
 */
export class QueryService {
  private active: ActiveQuery | null = null;
  private status: QueryStatus | null = null;
  private statusDueAt = 0;
  private rows: QueryRows | null = null;
  private seek: EngineBatch['querySeek'] = null;
  private readonly yieldToLoop = createYield();
  private scheduled = false;

  constructor(
    private readonly connections: () => readonly Connection[],
    /** Told when something is ready for the page. */
    private readonly onChange: () => void,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  run(queryId: number, query: MessageQuery): void {
    this.active = null;
    this.rows = null;
    const startedAt = this.clock();
    const compiled = compileQuery(query);
    if (!compiled.ok) {
      this.setStatus({
        queryId,
        problems: compiled.problems,
        matched: 0,
        scanned: 0,
        total: 0,
        done: true,
        elapsedMs: 0,
      });
      return;
    }
    const wanted = new Set(query.connectionIds);
    const chosen = this.connections().filter((c) => wanted.size === 0 || wanted.has(c.id));
    const run = new QueryRun(
      chosen.map((c) => c.sinks.recorder.store),
      compiled.compiled,
    );
    this.active = { id: queryId, run, connectionIds: chosen.map((c) => c.id), startedAt };
    this.slice();
  }

  /** The finished search `queryId` with a way to reach each match's message, for an export. */
  finished(
    queryId: number,
  ): { run: QueryRun; connectionAt: (storeIndex: number) => Connection | undefined } | null {
    const active = this.active;
    if (active?.id !== queryId || !active.run.done) return null;
    return { run: active.run, connectionAt: (index) => this.connectionOf(active, index) };
  }

  cancel(queryId: number): void {
    if (this.active?.id === queryId) this.active = null;
  }

  requestRows(queryId: number, offset: number, count: number): void {
    const active = this.active;
    if (active?.id !== queryId) return;
    const rows: MessageRow[] = [];
    const end = Math.min(active.run.matched, offset + Math.min(count, MAX_ROWS_PER_REQUEST));
    for (let index = Math.max(0, offset); index < end; index += 1) {
      const match = active.run.matchAt(index);
      if (!match) break;
      const connection = this.connectionOf(active, match.storeIndex);
      const row = connection?.sinks.recorder.rowFor(match.id);
      rows.push(row ?? evictedRow(connection?.id ?? '', match.id));
    }
    this.rows = { queryId, offset, rows };
    this.onChange();
  }

  seekTime(queryId: number, time: number): void {
    const active = this.active;
    if (active?.id !== queryId) return;
    this.seek = { queryId, offset: active.run.indexAtTime(time) };
    this.onChange();
  }

  dueAt(now: number): number | null {
    if (this.rows || this.seek) return now;
    if (!this.status) return null;
    return this.status.done ? now : Math.max(now, this.statusDueAt);
  }

  flush(batch: EngineBatch, now: number): void {
    if (this.status && (this.status.done || now >= this.statusDueAt)) {
      batch.query = this.status;
      this.status = null;
      this.statusDueAt = now + STATUS_INTERVAL_MS;
    }
    batch.queryRows = this.rows;
    batch.querySeek = this.seek;
    this.rows = null;
    this.seek = null;
  }

  private connectionOf(active: ActiveQuery, storeIndex: number): Connection | undefined {
    const id = active.connectionIds[storeIndex];
    return this.connections().find((c) => c.id === id);
  }

  private slice(): void {
    const active = this.active;
    if (!active) return;
    const deadline = this.clock() + SLICE_MS;
    const done = active.run.step(Number.MAX_SAFE_INTEGER, () => this.clock() >= deadline);
    const { matched, scanned, total } = active.run.progress();
    this.setStatus({
      queryId: active.id,
      problems: [],
      matched,
      scanned,
      total,
      done,
      elapsedMs: Math.round(this.clock() - active.startedAt),
    });
    if (done || this.scheduled) return;
    this.scheduled = true;
    this.yieldToLoop(() => {
      this.scheduled = false;
      this.slice();
    });
  }

  private setStatus(status: QueryStatus): void {
    this.status = status;
    this.onChange();
  }
}

function evictedRow(connectionId: string, id: number): MessageRow {
  return {
    connectionId,
    seq: id,
    time: 0,
    topic: '',
    format: 'empty',
    preview: 'Evicted by the recorder budget since the search ran',
    size: 0,
    truncated: false,
    qos: 0,
    retain: false,
    dup: false,
    cut: false,
    published: false,
  };
}
