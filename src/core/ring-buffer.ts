/**
 * Fixed-capacity buffers that keep the newest items: pushing is O(1) and never allocates,
 * so the ingest path can write every message without growing memory.
 */

function checkCapacity(capacity: number): void {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new RangeError(`Ring buffer capacity must be a positive integer, got ${capacity}.`);
  }
}

/** Keeps the newest `capacity` items of any type; pushing beyond it drops the oldest. */
export class RingBuffer<T> {
  readonly #items: (T | undefined)[];
  readonly #capacity: number;
  /** Index the next push writes to. */
  #head = 0;
  #size = 0;
  #totalPushed = 0;

  /** @throws RangeError unless `capacity` is a positive integer. */
  constructor(capacity: number) {
    checkCapacity(capacity);
    this.#capacity = capacity;
    this.#items = new Array<T | undefined>(capacity).fill(undefined);
  }

  get size(): number {
    return this.#size;
  }

  get capacity(): number {
    return this.#capacity;
  }

  /** Items ever pushed, including overwritten ones; `clear()` does not reset it. */
  get totalPushed(): number {
    return this.#totalPushed;
  }

  /** Appends `item`, overwriting the oldest once full. */
  push(item: T): void {
    this.#items[this.#head] = item;
    this.#head = this.#head + 1 === this.#capacity ? 0 : this.#head + 1;
    if (this.#size < this.#capacity) this.#size++;
    this.#totalPushed++;
  }

  /** Item `i` counting from the oldest (0); negative `i` counts from the newest (-1). */
  at(i: number): T | undefined {
    const index = i < 0 ? this.#size + i : i;
    if (!Number.isInteger(index) || index < 0 || index >= this.#size) return undefined;
    return this.#items[this.#physical(index)];
  }

  /** All items, oldest first. */
  toArray(): T[] {
    return this.#slice(0, this.#size);
  }

  /** The newest `n` items (fewer if there are fewer), oldest of them first. */
  newest(n: number): T[] {
    const count = Math.max(0, Math.min(Math.floor(n), this.#size));
    return this.#slice(this.#size - count, count);
  }

  /** Empties the buffer and drops references so the items can be garbage-collected. */
  clear(): void {
    this.#items.fill(undefined);
    this.#head = 0;
    this.#size = 0;
  }

  #physical(logical: number): number {
    const start = this.#head - this.#size;
    const index = start + logical;
    return index < 0
      ? index + this.#capacity
      : index >= this.#capacity
        ? index - this.#capacity
        : index;
  }

  #slice(from: number, count: number): T[] {
    const out = new Array<T>(count);
    for (let i = 0; i < count; i++) out[i] = this.#items[this.#physical(from + i)] as T;
    return out;
  }
}

/**
 * Time/value pairs in two Float64Arrays, for chart series: no per-point objects, and
 * snapshots copy with `TypedArray.set` instead of element by element.
 */
export class NumericRing {
  readonly #times: Float64Array;
  readonly #values: Float64Array;
  readonly #capacity: number;
  #head = 0;
  #size = 0;
  #totalPushed = 0;

  /** @throws RangeError unless `capacity` is a positive integer. */
  constructor(capacity: number) {
    checkCapacity(capacity);
    this.#capacity = capacity;
    this.#times = new Float64Array(capacity);
    this.#values = new Float64Array(capacity);
  }

  get size(): number {
    return this.#size;
  }

  get capacity(): number {
    return this.#capacity;
  }

  /** Points ever pushed, including overwritten ones; `clear()` does not reset it. */
  get totalPushed(): number {
    return this.#totalPushed;
  }

  /** Appends a point, overwriting the oldest once full. */
  push(time: number, value: number): void {
    this.#times[this.#head] = time;
    this.#values[this.#head] = value;
    this.#head = this.#head + 1 === this.#capacity ? 0 : this.#head + 1;
    if (this.#size < this.#capacity) this.#size++;
    this.#totalPushed++;
  }

  /**
   * Copies the points oldest→newest into the start of `times` and `values` and returns how
   * many were copied. When the targets are shorter than `size`, the newest points that fit
   * are copied, since a live chart cares most about those.
   */
  copyTo(times: Float64Array, values: Float64Array): number {
    const count = Math.min(this.#size, times.length, values.length);
    // The newest `count` points start `count` slots behind head, wrapping around.
    let start = this.#head - count;
    if (start < 0) start += this.#capacity;
    const firstRun = Math.min(count, this.#capacity - start);
    times.set(this.#times.subarray(start, start + firstRun), 0);
    values.set(this.#values.subarray(start, start + firstRun), 0);
    if (firstRun < count) {
      times.set(this.#times.subarray(0, count - firstRun), firstRun);
      values.set(this.#values.subarray(0, count - firstRun), firstRun);
    }
    return count;
  }

  /** Fresh arrays of all points, oldest first. */
  toArrays(): { times: Float64Array; values: Float64Array } {
    const times = new Float64Array(this.#size);
    const values = new Float64Array(this.#size);
    this.copyTo(times, values);
    return { times, values };
  }

  /** The newest point, or null when empty. */
  last(): { time: number; value: number } | null {
    if (this.#size === 0) return null;
    const i = this.#head === 0 ? this.#capacity - 1 : this.#head - 1;
    return { time: this.#times[i] as number, value: this.#values[i] as number };
  }

  /** Empties the ring; the arrays are kept for reuse. */
  clear(): void {
    this.#head = 0;
    this.#size = 0;
  }
}
