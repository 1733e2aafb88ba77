import { describe, expect, it } from 'vitest';
import { formatAge, formatDuration, formatInterval, formatRate } from './row-format.ts';

describe('formatAge', () => {
  it('says how long ago in the largest whole unit', () => {
    expect(formatAge(400)).toBe('now');
    expect(formatAge(3_200)).toBe('3 s ago');
    expect(formatAge(59_999)).toBe('59 s ago');
    expect(formatAge(5 * 60_000 + 10)).toBe('5 min ago');
    expect(formatAge(3 * 3_600_000)).toBe('3 h ago');
    expect(formatAge(2 * 86_400_000)).toBe('2 d ago');
  });

  it('treats a time slightly in the future as now', () => {
    expect(formatAge(-50)).toBe('now');
  });
});

describe('formatDuration', () => {
  it('rounds down to whole units', () => {
    expect(formatDuration(12_900)).toBe('12 s');
    expect(formatDuration(61_000)).toBe('1 min');
  });
});

describe('formatRate', () => {
  it('keeps one decimal for slow topics and groups fast ones', () => {
    expect(formatRate(0)).toBe('0/s');
    expect(formatRate(0.04)).toBe('<0.1/s');
    expect(formatRate(1)).toBe('1.0/s');
    expect(formatRate(9.94)).toBe('9.9/s');
    expect(formatRate(9.96)).toBe('10/s');
    expect(formatRate(12_345.4)).toBe('12,345/s');
  });
});

describe('formatInterval', () => {
  it('uses milliseconds, seconds or minutes', () => {
    expect(formatInterval(100)).toBe('100 ms');
    expect(formatInterval(1_000)).toBe('1.0 s');
    expect(formatInterval(90_000)).toBe('1.5 min');
  });
});
