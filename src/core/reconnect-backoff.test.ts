import { describe, expect, it } from 'vitest';
import {
  MAX_RECONNECT_DELAY_MS,
  MIN_RECONNECT_DELAY_MS,
  reconnectDelayMs,
} from './reconnect-backoff.ts';

describe('reconnectDelayMs', () => {
  it('waits the profile period first, then doubles', () => {
    expect([1, 2, 3, 4].map((attempt) => reconnectDelayMs(2, attempt))).toEqual([
      2_000, 4_000, 8_000, 16_000,
    ]);
  });

  it('after a lost connection, ramps up to the period before doubling', () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => reconnectDelayMs(2, attempt, true))).toEqual([
      250, 500, 1_000, 2_000, 4_000, 8_000,
    ]);
  });

  it('never waits less than 100 ms, however short the period', () => {
    expect(reconnectDelayMs(0.4, 1, true)).toBe(MIN_RECONNECT_DELAY_MS);
  });

  it('never waits longer than 30 seconds, however many attempts failed', () => {
    expect(reconnectDelayMs(2, 6)).toBe(MAX_RECONNECT_DELAY_MS);
    expect(reconnectDelayMs(2, 1_000)).toBe(MAX_RECONNECT_DELAY_MS);
    expect(reconnectDelayMs(2, 1_000, true)).toBe(MAX_RECONNECT_DELAY_MS);
  });

  it('keeps a period longer than the ceiling as the user set it', () => {
    expect(reconnectDelayMs(60, 1)).toBe(60_000);
  });

  it('means no reconnect for a period of 0', () => {
    expect(reconnectDelayMs(0, 3)).toBe(0);
    expect(reconnectDelayMs(0, 3, true)).toBe(0);
  });
});
