/**
 * The numeric history of one chart line: times and values in two Float64Arrays, oldest first,
 * with a point budget that holds a day of a 1 Hz sensor. Appending is O(1) amortised: the
 * arrays grow by doubling up to the budget (a handful of allocations in a line's life), and once
 * full, points older than a day are dropped and, if that is not enough, the older half is folded
 * into min/max pairs, so a faster sensor still covers the day at a coarser resolution.
 */

export const DAY_MS = 24 * 60 * 60 * 1_000;
/** A day of one point a second. */
export const HISTORY_POINTS = 86_400;

const INITIAL_CAPACITY = 256;

export interface WindowStats {
  min: number;
  max: number;
  average: number;
  last: number;
  /** Points in the window, before downsampling. */
  count: number;
}

export interface WindowSlice {
  times: Float64Array;
  values: Float64Array;
  stats: WindowStats | null;
}

export class SeriesHistory {
  #times: Float64Array;
  #values: Float64Array;
  #size = 0;
  readonly #budget: number;
  readonly #maxAgeMs: number;

  constructor(budget = HISTORY_POINTS, maxAgeMs = DAY_MS) {
    if (!Number.isInteger(budget) || budget < 8) {
      throw new RangeError(`A series history needs room for at least 8 points, got ${budget}.`);
    }
    this.#budget = budget;
    this.#maxAgeMs = maxAgeMs;
    const initial = Math.min(INITIAL_CAPACITY, budget);
    this.#times = new Float64Array(initial);
    this.#values = new Float64Array(initial);
  }

  get size(): number {
    return this.#size;
  }

  get budget(): number {
    return this.#budget;
  }

  /** Time of the oldest point kept, or NaN when empty. */
  get firstTime(): number {
    return this.#size > 0 ? (this.#times[0] as number) : Number.NaN;
  }

  /** Time of the newest point, or NaN when empty. */
  get lastTime(): number {
    return this.#size > 0 ? (this.#times[this.#size - 1] as number) : Number.NaN;
  }

  /**
   * Appends a point. A time earlier than the newest (a clock step back) is recorded at the
   * newest time, so the history stays in order and a window is found by binary search.
   */
  push(time: number, value: number): void {
    if (this.#size === this.#times.length && !this.#makeRoom(time)) return;
    const last = this.#size > 0 ? (this.#times[this.#size - 1] as number) : time;
    this.#times[this.#size] = time < last ? last : time;
    this.#values[this.#size] = value;
    this.#size += 1;
  }

  clear(): void {
    this.#size = 0;
  }

  /** Index of the first point at or after `time`. */
  lowerBound(time: number): number {
    let lo = 0;
    let hi = this.#size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.#times[mid] as number) < time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index just past the last point at or before `time`. */
  upperBound(time: number): number {
    let lo = 0;
    let hi = this.#size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.#times[mid] as number) <= time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The points in `[from, to]`, reduced to at most `maxPoints` (see minMaxBuckets), with the
   * min, max, average and last of every point in the window (not only of those drawn).
   */
  slice(from: number, to: number, maxPoints: number): WindowSlice {
    const start = this.lowerBound(from);
    const end = this.upperBound(to);
    const stats = windowStats(this.#values, start, end);
    const reduced = minMaxBuckets(this.#times, this.#values, start, end, from, to, maxPoints);
    return { ...reduced, stats };
  }

  /** All points, oldest first (copies). */
  toArrays(): { times: Float64Array; values: Float64Array } {
    return { times: this.#times.slice(0, this.#size), values: this.#values.slice(0, this.#size) };
  }

  /** Frees a slot; false when the point cannot be stored (never, with a budget of 8 or more). */
  #makeRoom(now: number): boolean {
    if (this.#times.length < this.#budget) {
      const capacity = Math.min(this.#budget, this.#times.length * 2);
      const times = new Float64Array(capacity);
      const values = new Float64Array(capacity);
      times.set(this.#times);
      values.set(this.#values);
      this.#times = times;
      this.#values = values;
      return true;
    }
    // Points older than the longest window are of no use to any chart.
    const stale = this.lowerBound(now - this.#maxAgeMs);
    if (stale >= this.#budget / 4) {
      this.#times.copyWithin(0, stale, this.#size);
      this.#values.copyWithin(0, stale, this.#size);
      this.#size -= stale;
      return true;
    }
    this.#foldOlderHalf();
    return this.#size < this.#times.length;
  }

  /**
   * Folds the older half in groups of four into two points, the min and the max in their time
   * order: the day stays covered, spikes and dips stay visible, a quarter of the room is freed.
   */
  #foldOlderHalf(): void {
    const times = this.#times;
    const values = this.#values;
    const half = Math.floor(this.#size / 2 / 4) * 4;
    let out = 0;
    for (let group = 0; group < half; group += 4) {
      let lo = group;
      let hi = group;
      for (let i = group + 1; i < group + 4; i += 1) {
        if ((values[i] as number) < (values[lo] as number)) lo = i;
        if ((values[i] as number) > (values[hi] as number)) hi = i;
      }
      const first = lo <= hi ? lo : hi;
      const second = lo <= hi ? hi : lo;
      const firstTime = times[first] as number;
      const firstValue = values[first] as number;
      const secondTime = times[second] as number;
      const secondValue = values[second] as number;
      times[out] = firstTime;
      values[out] = firstValue;
      times[out + 1] = secondTime;
      values[out + 1] = secondValue;
      out += 2;
    }
    times.copyWithin(out, half, this.#size);
    values.copyWithin(out, half, this.#size);
    this.#size -= half - out;
  }
}

/** Min, max, average and last of `values[start..end)`; null when the range is empty. */
export function windowStats(
  values: ArrayLike<number>,
  start: number,
  end: number,
): WindowStats | null {
  if (end <= start) return null;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let i = start; i < end; i += 1) {
    const value = values[i] as number;
    if (value < min) min = value;
    if (value > max) max = value;
    sum += value;
  }
  return {
    min,
    max,
    average: sum / (end - start),
    last: values[end - 1] as number,
    count: end - start,
  };
}

/**
 * Reduces `times/values[start..end)` to at most `maxPoints` points for a plot of `[from, to]`:
 * the time span is cut into `(maxPoints - 1) / 2` columns and each column keeps its lowest and
 * its highest point, in time order (one point when they are the same), then the newest point. A range that already fits is
 * copied as it is. Never more than `maxPoints` points; every column's min and max are kept.
 */
export function minMaxBuckets(
  times: ArrayLike<number>,
  values: ArrayLike<number>,
  start: number,
  end: number,
  from: number,
  to: number,
  maxPoints: number,
): { times: Float64Array; values: Float64Array } {
  const count = Math.max(0, end - start);
  const limit = Math.max(0, Math.floor(maxPoints));
  if (count <= limit) {
    const outTimes = new Float64Array(count);
    const outValues = new Float64Array(count);
    for (let i = 0; i < count; i += 1) {
      outTimes[i] = times[start + i] as number;
      outValues[i] = values[start + i] as number;
    }
    return { times: outTimes, values: outValues };
  }
  // One slot is kept for the newest point, where a live line ends.
  const columns = Math.max(1, Math.floor((limit - 1) / 2));
  if (limit < 3) {
    // Room for one or two points: the newest.
    return limit >= 1
      ? {
          times: Float64Array.of(times[end - 1] as number),
          values: Float64Array.of(values[end - 1] as number),
        }
      : { times: new Float64Array(0), values: new Float64Array(0) };
  }
  const span = Math.max(to - from, 1e-9);
  const outTimes = new Float64Array(columns * 2 + 1);
  const outValues = new Float64Array(columns * 2 + 1);
  const columnOf = (time: number) =>
    Math.min(columns - 1, Math.max(0, Math.floor(((time - from) / span) * columns)));
  // Within a column no division is needed: only a time near the column's end is checked.
  const nearEnd = span * 1e-9;
  let out = 0;
  let i = start;
  while (i < end) {
    const column = columnOf(times[i] as number);
    const columnEnd = column === columns - 1 ? Infinity : from + ((column + 1) * span) / columns;
    let lo = i;
    let hi = i;
    let j = i + 1;
    for (; j < end; j += 1) {
      const time = times[j] as number;
      if (time >= columnEnd - nearEnd && columnOf(time) !== column) break;
      const value = values[j] as number;
      if (value < (values[lo] as number)) lo = j;
      else if (value > (values[hi] as number)) hi = j;
    }
    const first = Math.min(lo, hi);
    const second = Math.max(lo, hi);
    outTimes[out] = times[first] as number;
    outValues[out] = values[first] as number;
    out += 1;
    if (second !== first) {
      outTimes[out] = times[second] as number;
      outValues[out] = values[second] as number;
      out += 1;
    }
    i = j;
  }
  if (outTimes[out - 1] !== times[end - 1] || outValues[out - 1] !== values[end - 1]) {
    outTimes[out] = times[end - 1] as number;
    outValues[out] = values[end - 1] as number;
    out += 1;
  }
  return { times: outTimes.slice(0, out), values: outValues.slice(0, out) };
}
