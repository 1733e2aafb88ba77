import { describe, expect, it } from 'vitest';
import { NumericRing, RingBuffer } from './ring-buffer.ts';

function filled(capacity: number, count: number): RingBuffer<number> {
  const ring = new RingBuffer<number>(capacity);
  for (let i = 1; i <= count; i++) ring.push(i);
  return ring;
}

describe('RingBuffer', () => {
  it('keeps items oldest first before it is full', () => {
    const ring = filled(5, 3);
    expect(ring.toArray()).toEqual([1, 2, 3]);
    expect(ring.size).toBe(3);
    expect(ring.capacity).toBe(5);
  });

  it('overwrites the oldest items once full and keeps the order across the wrap', () => {
    const ring = filled(3, 7);
    expect(ring.toArray()).toEqual([5, 6, 7]);
    expect(ring.size).toBe(3);
    expect(ring.totalPushed).toBe(7);
  });

  it('returns the newest n items, oldest of them first', () => {
    const ring = filled(4, 6); // holds 3 4 5 6
    expect(ring.newest(2)).toEqual([5, 6]);
    expect(ring.newest(10)).toEqual([3, 4, 5, 6]);
    expect(ring.newest(0)).toEqual([]);
    expect(ring.newest(-1)).toEqual([]);
  });

  it('indexes from the oldest, and from the newest with negative numbers', () => {
    const ring = filled(4, 6); // holds 3 4 5 6
    expect(ring.at(0)).toBe(3);
    expect(ring.at(3)).toBe(6);
    expect(ring.at(-1)).toBe(6);
    expect(ring.at(-4)).toBe(3);
    expect(ring.at(4)).toBeUndefined();
    expect(ring.at(-5)).toBeUndefined();
    expect(ring.at(1.5)).toBeUndefined();
  });

  it('empties on clear but remembers how many items it has seen', () => {
    const ring = filled(3, 5);
    ring.clear();
    expect(ring.size).toBe(0);
    expect(ring.toArray()).toEqual([]);
    expect(ring.at(0)).toBeUndefined();
    expect(ring.totalPushed).toBe(5);
    ring.push(9);
    expect(ring.toArray()).toEqual([9]);
  });

  it('works with a capacity of one', () => {
    const ring = filled(1, 3);
    expect(ring.toArray()).toEqual([3]);
    expect(ring.at(-1)).toBe(3);
  });

  it.each([0, -1, 2.5, Number.NaN])('refuses capacity %s', (capacity) => {
    expect(() => new RingBuffer(capacity)).toThrow(RangeError);
    expect(() => new NumericRing(capacity)).toThrow(RangeError);
  });
});

function numeric(capacity: number, count: number): NumericRing {
  const ring = new NumericRing(capacity);
  for (let i = 1; i <= count; i++) ring.push(i * 1000, i * 10);
  return ring;
}

describe('NumericRing', () => {
  it('returns points oldest first before it is full', () => {
    const { times, values } = numeric(5, 3).toArrays();
    expect([...times]).toEqual([1000, 2000, 3000]);
    expect([...values]).toEqual([10, 20, 30]);
  });

  it('keeps the newest points in order across the wrap', () => {
    const ring = numeric(4, 10);
    const { times, values } = ring.toArrays();
    expect([...times]).toEqual([7000, 8000, 9000, 10000]);
    expect([...values]).toEqual([70, 80, 90, 100]);
    expect(ring.size).toBe(4);
    expect(ring.capacity).toBe(4);
    expect(ring.totalPushed).toBe(10);
  });

  it('copies into caller-owned arrays and returns the count', () => {
    const ring = numeric(4, 6);
    const times = new Float64Array(8);
    const values = new Float64Array(8);
    expect(ring.copyTo(times, values)).toBe(4);
    expect([...times.subarray(0, 4)]).toEqual([3000, 4000, 5000, 6000]);
    expect([...values.subarray(0, 4)]).toEqual([30, 40, 50, 60]);
  });

  it('copies the newest points that fit into a short target', () => {
    const ring = numeric(4, 6); // holds 3 4 5 6
    const times = new Float64Array(3);
    const values = new Float64Array(3);
    expect(ring.copyTo(times, values)).toBe(3);
    expect([...times]).toEqual([4000, 5000, 6000]);
    expect([...values]).toEqual([40, 50, 60]);
  });

  it('reports the newest point, or null when empty', () => {
    expect(new NumericRing(3).last()).toBeNull();
    expect(numeric(3, 3).last()).toEqual({ time: 3000, value: 30 });
    expect(numeric(3, 4).last()).toEqual({ time: 4000, value: 40 });
  });

  it('empties on clear', () => {
    const ring = numeric(3, 5);
    ring.clear();
    expect(ring.size).toBe(0);
    expect(ring.last()).toBeNull();
    expect(ring.toArrays().times).toHaveLength(0);
    ring.push(1, 2);
    expect(ring.last()).toEqual({ time: 1, value: 2 });
  });
});
