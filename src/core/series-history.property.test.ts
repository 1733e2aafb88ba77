import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  HISTORY_POINTS,
  SeriesHistory,
  minMaxBuckets,
  windowStats,
} from './series-history.ts';

const sortedSeries = fc
  .array(
    fc.tuple(fc.integer({ min: 0, max: 1_000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })),
    {
      minLength: 0,
      maxLength: 600,
    },
  )
  .map((pairs) => {
    let time = 0;
    const times: number[] = [];
    const values: number[] = [];
    for (const [gap, value] of pairs) {
      time += gap;
      times.push(time);
      values.push(value);
    }
    return { times, values };
  });

describe('minMaxBuckets', () => {
  it('never returns more points than asked, and keeps time order', () => {
    fc.assert(
      fc.property(
        sortedSeries,
        fc.integer({ min: 0, max: 300 }),
        ({ times, values }, maxPoints) => {
          const to = times.at(-1) ?? 0;
          const out = minMaxBuckets(times, values, 0, times.length, 0, to, maxPoints);
          expect(out.times.length).toBeLessThanOrEqual(maxPoints);
          expect(out.values.length).toBe(out.times.length);
          for (let i = 1; i < out.times.length; i += 1) {
            expect(out.times[i]).toBeGreaterThanOrEqual(out.times[i - 1] as number);
          }
        },
      ),
    );
  });

  it('keeps the min and the max of every pixel column', () => {
    fc.assert(
      fc.property(
        sortedSeries,
        fc.integer({ min: 3, max: 300 }),
        ({ times, values }, maxPoints) => {
          const to = Math.max(1, times.at(-1) ?? 0);
          const out = minMaxBuckets(times, values, 0, times.length, 0, to, maxPoints);
          if (times.length <= maxPoints) {
            expect(Array.from(out.values)).toEqual(values);
            return;
          }
          const columns = Math.floor((maxPoints - 1) / 2);
          const column = (time: number) => Math.min(columns - 1, Math.floor((time / to) * columns));
          const expected = new Map<number, { min: number; max: number }>();
          times.forEach((time, i) => {
            const key = column(time);
            const value = values[i] as number;
            const seen = expected.get(key);
            expected.set(key, {
              min: Math.min(seen?.min ?? Infinity, value),
              max: Math.max(seen?.max ?? -Infinity, value),
            });
          });
          const kept = new Map<number, number[]>();
          out.times.forEach((time, i) => {
            const key = column(time);
            kept.set(key, [...(kept.get(key) ?? []), out.values[i] as number]);
          });
          for (const [key, { min, max }] of expected) {
            expect(kept.get(key)).toContain(min);
            expect(kept.get(key)).toContain(max);
          }
          expect(out.times.at(-1)).toBe(times.at(-1));
          // The overall extremes are always drawn.
          expect(Math.min(...out.values)).toBe(Math.min(...values));
          expect(Math.max(...out.values)).toBe(Math.max(...values));
        },
      ),
    );
  });
});

describe('windowStats', () => {
  it('gives min, max, average and last of the range', () => {
    expect(windowStats([5, 1, 9, 3], 0, 4)).toEqual({
      min: 1,
      max: 9,
      average: 4.5,
      last: 3,
      count: 4,
    });
    expect(windowStats([5, 1, 9, 3], 1, 3)).toEqual({
      min: 1,
      max: 9,
      average: 5,
      last: 9,
      count: 2,
    });
    expect(windowStats([5], 1, 1)).toBeNull();
  });
});

describe('SeriesHistory', () => {
  it('holds 86,400 points of a 1 Hz sensor: a whole day at full resolution', () => {
    const history = new SeriesHistory();
    const start = 1_700_000_000_000;
    for (let i = 0; i < HISTORY_POINTS; i += 1) history.push(start + i * 1_000, i % 97);
    expect(history.size).toBe(HISTORY_POINTS);
    expect(history.firstTime).toBe(start);
    const last = start + (HISTORY_POINTS - 1) * 1_000;
    const day = history.slice(last - DAY_MS, last, 2_000);
    expect(day.stats?.count).toBe(HISTORY_POINTS);
    expect(day.stats?.min).toBe(0);
    expect(day.stats?.max).toBe(96);
    expect(day.times.length).toBeLessThanOrEqual(2_000);
    expect(day.times[0]).toBe(start);
    expect(day.times.at(-1)).toBe(last);
  });

  it('keeps the day covered and its extremes when a faster sensor overflows the budget', () => {
    const history = new SeriesHistory(1_000);
    // 10 Hz for 10 minutes: six times the budget.
    for (let i = 0; i < 6_000; i += 1)
      history.push(i * 100, i === 1_234 ? 999 : i === 4_321 ? -999 : 0);
    expect(history.size).toBeLessThanOrEqual(1_000);
    expect(history.firstTime).toBe(0);
    expect(history.lastTime).toBe(599_900);
    const all = history.slice(0, 600_000, 10_000);
    expect(all.stats?.max).toBe(999);
    expect(all.stats?.min).toBe(-999);
  });

  it('drops points older than a day before folding', () => {
    const history = new SeriesHistory(100, 1_000);
    for (let i = 0; i < 500; i += 1) history.push(i * 100, i);
    expect(history.lastTime).toBe(49_900);
    // Only the last second (11 points) is needed; the rest of the budget may still hold older ones.
    expect(history.slice(48_900, 49_900, 100).stats?.count).toBe(11);
  });

  it('keeps time order when the clock steps back', () => {
    const history = new SeriesHistory(16);
    history.push(1_000, 1);
    history.push(900, 2);
    const { times } = history.toArrays();
    expect(Array.from(times)).toEqual([1_000, 1_000]);
  });

  it('never holds more than its budget, whatever arrives', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 8, max: 200 }),
        fc.array(fc.integer({ min: 0, max: 5_000 }), { maxLength: 2_000 }),
        (budget, gaps) => {
          const history = new SeriesHistory(budget, 100_000);
          let time = 0;
          for (const gap of gaps) {
            time += gap;
            history.push(time, gap);
          }
          expect(history.size).toBeLessThanOrEqual(budget);
          expect(history.size).toBe(Math.min(history.size, gaps.length));
          if (gaps.length > 0) expect(history.lastTime).toBe(time);
        },
      ),
    );
  });
});
