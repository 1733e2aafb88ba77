/**
 * One search in progress over one or more connections' recorders. It walks the messages from
 * the newest to the oldest, across stores in time order, a slice at a time, so the first screen
 * of matches is ready long before the whole count and the worker keeps serving live messages
 * between slices. Messages that arrive after the search started are not part of it.
 */
import type { CompiledQuery, StoreMatcher } from './message-query.ts';
import type { MessageStore } from './message-store.ts';

interface Cursor {
  store: MessageStore;
  matches: StoreMatcher;
  /** The next id to look at, going down; below `store.oldestId` when the store is done. */
  next: number;
}

export interface QueryProgress {
  matched: number;
  scanned: number;
  /** Messages the search will look at in all. */
  total: number;
  done: boolean;
}

/** A match: which store (index in the list given) and which message. */
export interface QueryMatch {
  storeIndex: number;
  id: number;
}

export class QueryRun {
  private readonly cursors: Cursor[];
  private storeOfMatch = new Uint8Array(1_024);
  private idOfMatch = new Float64Array(1_024);
  private matchCount = 0;
  private scanned = 0;
  readonly total: number;

  constructor(
    readonly stores: readonly MessageStore[],
    query: CompiledQuery,
  ) {
    this.cursors = stores.map((store) => ({
      store,
      matches: query.forStore(store),
      next: store.newestId,
    }));
    this.total = stores.reduce((sum, store) => sum + store.size, 0);
  }

  get done(): boolean {
    return this.cursors.every((cursor) => cursor.next < cursor.store.oldestId);
  }

  progress(): QueryProgress {
    return {
      matched: this.matchCount,
      scanned: this.scanned,
      total: this.total,
      done: this.done,
    };
  }

  /**
   * Looks at up to `limit` messages (fewer when `deadline()` says time is up, checked every
   * 4,096 messages). Returns true when the search is complete.
   */
  step(limit: number, deadline: () => boolean = () => false): boolean {
    const single = this.cursors.length === 1 ? this.cursors[0] : undefined;
    let looked = 0;
    while (looked < limit) {
      const cursor = single ?? this.newestCursor();
      if (!cursor || cursor.next < cursor.store.oldestId) break;
      const id = cursor.next;
      cursor.next = id - 1;
      looked += 1;
      if (cursor.matches(id)) this.push(this.cursors.indexOf(cursor), id);
      if ((looked & 4_095) === 0 && deadline()) break;
    }
    this.scanned += looked;
    return this.done;
  }

  get matched(): number {
    return this.matchCount;
  }

  /** The `index`-th match, newest first. */
  matchAt(index: number): QueryMatch | null {
    if (index < 0 || index >= this.matchCount) return null;
    return { storeIndex: this.storeOfMatch[index] ?? 0, id: this.idOfMatch[index] ?? 0 };
  }

  /** The first match at or before `time` (matches run newest first), for "jump to a time". */
  indexAtTime(time: number): number {
    let low = 0;
    let high = this.matchCount;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const match = this.matchAt(middle);
      const store = match ? this.stores[match.storeIndex] : undefined;
      const at = match && store?.has(match.id) ? store.timeOf(match.id) : -Infinity;
      if (at > time) low = middle + 1;
      else high = middle;
    }
    return Math.min(low, Math.max(0, this.matchCount - 1));
  }

  /** Of the stores not done, the one whose next message is the newest. */
  private newestCursor(): Cursor | undefined {
    let best: Cursor | undefined;
    let bestTime = -Infinity;
    for (const cursor of this.cursors) {
      if (cursor.next < cursor.store.oldestId) continue;
      const time = cursor.store.timeOf(cursor.next);
      if (time > bestTime || !best) {
        best = cursor;
        bestTime = time;
      }
    }
    return best;
  }

  private push(storeIndex: number, id: number): void {
    if (this.matchCount === this.idOfMatch.length) {
      const ids = new Float64Array(this.idOfMatch.length * 2);
      ids.set(this.idOfMatch);
      this.idOfMatch = ids;
      const stores = new Uint8Array(this.storeOfMatch.length * 2);
      stores.set(this.storeOfMatch);
      this.storeOfMatch = stores;
    }
    this.storeOfMatch[this.matchCount] = storeIndex;
    this.idOfMatch[this.matchCount] = id;
    this.matchCount += 1;
  }
}
