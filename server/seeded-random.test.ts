import { describe, expect, it } from 'vitest';
import { hashUnit, mulberry32 } from './seeded-random.ts';

describe('mulberry32', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const take = (seed: number) => Array.from({ length: 5 }, mulberry32(seed));
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
    for (const value of take(7)) expect(value >= 0 && value < 1).toBe(true);
  });
});

describe('hashUnit', () => {
  it('is a pure function of seed and index, also for indexes beyond 32 bits', () => {
    const ms = Date.UTC(2025, 10, 26);
    expect(hashUnit(1, ms)).toBe(hashUnit(1, ms));
    expect(hashUnit(1, ms)).not.toBe(hashUnit(1, ms + 1));
    expect(hashUnit(1, ms)).not.toBe(hashUnit(1, ms + 2 ** 32));
    expect(hashUnit(1, ms)).not.toBe(hashUnit(2, ms));
  });

  it('spreads values over [0, 1)', () => {
    const values = Array.from({ length: 1000 }, (_, i) => hashUnit(9, i));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });
});
