import { describe, expect, it } from 'vitest';
import { evenTicks, extent, linearScale, nearestIndex, niceDomain } from './chart-scale.ts';

describe('linearScale', () => {
  it('maps the domain ends onto the range ends, inverted for a y axis', () => {
    const y = linearScale({ min: 10, max: 20 }, 100, 0);
    expect([y(10), y(15), y(20)]).toEqual([100, 50, 0]);
  });

  it('puts a single value in the middle', () => {
    expect(linearScale({ min: 5, max: 5 }, 0, 80)(5)).toBe(40);
  });
});

describe('extent', () => {
  it('spans several arrays', () => {
    expect(extent([new Float64Array([3, 9]), [1, 4]])).toEqual({ min: 1, max: 9 });
  });

  it('is null when there is nothing', () => {
    expect(extent([[], new Float64Array(0)])).toBeNull();
  });
});

describe('values at the ends of what a double holds', () => {
  it('gives finite ticks and coordinates from -1e308 to 1e308, never a broken axis', () => {
    for (const domain of [
      { min: 20, max: 1e308 },
      { min: -1e308, max: 1e308 },
      { min: -Number.MAX_VALUE, max: Number.MAX_VALUE },
    ]) {
      const nice = niceDomain(domain);
      expect(nice.ticks.length).toBeGreaterThanOrEqual(2);
      expect(nice.ticks.every(Number.isFinite)).toBe(true);
      expect(nice.domain.min).toBeLessThanOrEqual(domain.min);
      expect(nice.domain.max).toBeGreaterThanOrEqual(domain.max);
      const y = linearScale(nice.domain, 200, 0);
      expect(y(nice.domain.min)).toBeCloseTo(200);
      expect(y(nice.domain.max)).toBeCloseTo(0);
      expect(y(nice.domain.min / 2 + nice.domain.max / 2)).toBeCloseTo(100);
    }
  });
});

describe('niceDomain', () => {
  it('widens to round ticks', () => {
    expect(niceDomain({ min: 12.3, max: 28.9 })).toEqual({
      domain: { min: 10, max: 30 },
      ticks: [10, 15, 20, 25, 30],
    });
  });

  it('keeps small steps readable', () => {
    const { ticks } = niceDomain({ min: 1008.12, max: 1008.83 });
    expect(ticks).toEqual([1008, 1008.2, 1008.4, 1008.6, 1008.8, 1009]);
  });

  it('gives a flat series a band around its value', () => {
    const { domain, ticks } = niceDomain({ min: 50, max: 50 });
    expect(domain.min).toBeLessThan(50);
    expect(domain.max).toBeGreaterThan(50);
    expect(ticks.length).toBeGreaterThan(1);
  });

  it('handles negative values', () => {
    expect(niceDomain({ min: -7, max: 3 }).ticks).toEqual([-7.5, -5, -2.5, 0, 2.5, 5]);
  });
});

describe('evenTicks', () => {
  it('includes both ends', () => {
    expect(evenTicks({ min: 0, max: 90 }, 4)).toEqual([0, 30, 60, 90]);
  });
});

describe('nearestIndex', () => {
  it('finds the closest value', () => {
    const times = [10, 20, 30, 40];
    expect([
      nearestIndex(times, 0),
      nearestIndex(times, 24),
      nearestIndex(times, 26),
      nearestIndex(times, 99),
    ]).toEqual([0, 1, 2, 3]);
  });

  it('is -1 for an empty array', () => {
    expect(nearestIndex([], 5)).toBe(-1);
  });
});
