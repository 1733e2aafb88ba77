import { describe, expect, it } from 'vitest';
import { formatClock, formatRate, formatTime } from './format.ts';

describe('formatTime', () => {
  it('shows local time with milliseconds, zero-padded', () => {
    expect(formatTime(new Date(2024, 0, 2, 3, 4, 5, 6).getTime())).toBe('03:04:05.006');
    expect(formatTime(new Date(2024, 11, 31, 23, 59, 59, 999).getTime())).toBe('23:59:59.999');
  });

  it('shows a placeholder for a time that is not a number', () => {
    expect(formatTime(Number.NaN)).toBe('--:--:--.---');
  });
});

describe('formatClock', () => {
  it('shows local time to the second for axis ticks', () => {
    expect(formatClock(new Date(2024, 0, 2, 3, 4, 5, 678).getTime())).toBe('03:04:05');
    expect(formatClock(Number.NaN)).toBe('--:--:--');
  });
});

describe('formatRate', () => {
  it.each([
    [0, '0/s'],
    [-3, '0/s'],
    [Number.NaN, '0/s'],
    [0.01, '0/s'],
    [0.5, '0.5/s'],
    [2, '2/s'],
    [9.94, '9.9/s'],
    [9.96, '10/s'],
    [950, '950/s'],
    [999.4, '999/s'],
    [999.6, '1.0k/s'],
    [12_345, '12.3k/s'],
    [999_960, '1.0M/s'],
    [1_234_567, '1.2M/s'],
  ])('formats %d per second as %j', (rate, expected) => {
    expect(formatRate(rate)).toBe(expected);
  });
});
