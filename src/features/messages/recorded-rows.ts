import type { MessageRow } from '../../services/mqtt/index.ts';

/** Rows fetched around the viewport, beyond what is on screen, so scrolling rarely waits. */
const MARGIN = 60;
/** Rows kept at most; a long scroll drops the far ones and fetches them again if needed. */
const MAX_KEPT = 3_000;

/**
 * The rows of a search (or of the paused list) fetched from the worker's recorder, by offset
 * from the newest match. The list asks for what it shows; only missing windows are requested.
 */
export class RecordedRows {
  private queryId = 0;
  private readonly rows = new Map<number, MessageRow>();
  /** Offset and end of the window asked for and not answered yet. */
  private pending: { start: number; end: number } | null = null;

  reset(queryId: number): void {
    this.queryId = queryId;
    this.rows.clear();
    this.pending = null;
  }

  get forQuery(): number {
    return this.queryId;
  }

  at(offset: number): MessageRow | undefined {
    return this.rows.get(offset);
  }

  /** The window to ask for so that `first … last` (exclusive) can be drawn, or null. */
  missing(first: number, last: number, count: number): { offset: number; count: number } | null {
    const end = Math.min(count, last);
    let gap = -1;
    for (let offset = first; offset < end; offset += 1) {
      if (!this.rows.has(offset)) {
        gap = offset;
        break;
      }
    }
    if (gap < 0) return null;
    if (this.pending && this.pending.start <= gap && this.pending.end >= end) return null;
    const start = Math.max(0, first - MARGIN);
    const stop = Math.min(count, last + MARGIN);
    this.pending = { start, end: stop };
    return { offset: start, count: stop - start };
  }

  /** Takes an answer; false when it belongs to an older search. */
  put(queryId: number, offset: number, rows: readonly MessageRow[]): boolean {
    if (queryId !== this.queryId) return false;
    if (this.rows.size + rows.length > MAX_KEPT) this.rows.clear();
    rows.forEach((row, index) => this.rows.set(offset + index, row));
    if (this.pending && this.pending.start === offset) this.pending = null;
    return true;
  }
}
