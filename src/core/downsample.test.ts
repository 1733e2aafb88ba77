import { describe, expect, it } from 'vitest';
import { lttb } from './downsample.ts';

function series(n: number, value: (i: number) => number) {
  const times = Float64Array.from({ length: n }, (_, i) => i * 100);
  const values = Float64Array.from({ length: n }, (_, i) => value(i));
  return { times, values };
}

describe('lttb', () => {
  const { times, values } = series(1000, (i) => Math.sin(i / 50));

  it('returns exactly threshold points and keeps both endpoints', () => {
    const out = lttb(times, values, times.length, 100);
    expect(out.times).toHaveLength(100);
    expect(out.values).toHaveLength(100);
    expect(out.times[0]).toBe(0);
    expect(out.values[0]).toBe(values[0]);
    expect(out.times[99]).toBe(99900);
    expect(out.values[99]).toBe(values[999]);
  });

  it('keeps time order', () => {
    const out = lttb(times, values, times.length, 50);
    for (let i = 1; i < out.times.length; i++) {
      expect(out.times[i]).toBeGreaterThan(out.times[i - 1] as number);
    }
  });

  it('keeps a one-point spike', () => {
    const spiky = series(10000, (i) => (i === 4321 ? 500 : 1));
    const out = lttb(spiky.times, spiky.values, 10000, 200);
    expect(Math.max(...out.values)).toBe(500);
    expect([...out.times]).toContain(432100);
  });

  it('returns a copy when the series is already small enough', () => {
    const out = lttb(times, values, 10, 100);
    expect([...out.times]).toEqual([...times.subarray(0, 10)]);
    expect([...out.values]).toEqual([...values.subarray(0, 10)]);
    expect(out.times).not.toBe(times);
  });

  it('reads only the first count points', () => {
    const out = lttb(times, values, 500, 20);
    expect(out.times[19]).toBe(49900);
  });

  it('accepts plain arrays', () => {
    const out = lttb([0, 1, 2, 3, 4], [0, 5, 0, 1, 0], 5, 3);
    expect([...out.times]).toEqual([0, 1, 4]);
  });

  it('keeps the endpoints, or only the last point, below a threshold of 3', () => {
    expect([...lttb(times, values, 1000, 2).times]).toEqual([0, 99900]);
    expect([...lttb(times, values, 1000, 1).times]).toEqual([99900]);
    expect(lttb(times, values, 1000, 0).times).toHaveLength(0);
    expect(lttb(times, values, 1000, -5).times).toHaveLength(0);
  });

  it('handles an empty series', () => {
    expect(lttb([], [], 0, 100).times).toHaveLength(0);
  });
});
