import { number, SpecProblem } from '../spec-reader.ts';
import type { Fields } from '../spec-reader.ts';

/** The sparkline's span can be at most what the worker keeps: three minutes of samples. */
export const MAX_RATE_HISTORY_SECONDS = 180;
export const MIN_RATE_HISTORY_SECONDS = 10;

/**
 * Messages per second on a topic filter (all matching topics together), in large type, with a
 * sparkline of the last minutes. It reads no payload: the JSON field does not apply.
 */
export interface RateOptions {
  kind: 'rate';
  decimals: number;
  /** How far back the sparkline reaches, in seconds (one point per second). */
  historySeconds: number;
}

export const RATE_DEFAULTS: RateOptions = { kind: 'rate', decimals: 1, historySeconds: 120 };

export function readRate(fields: Fields): RateOptions {
  const decimals = number(fields, 'decimals');
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 3)
    throw new SpecProblem('"decimals" must be a whole number from 0 to 3');
  const historySeconds = number(fields, 'historySeconds');
  if (
    !Number.isInteger(historySeconds) ||
    historySeconds < MIN_RATE_HISTORY_SECONDS ||
    historySeconds > MAX_RATE_HISTORY_SECONDS
  )
    throw new SpecProblem(
      `"historySeconds" must be a whole number from ${MIN_RATE_HISTORY_SECONDS} to ${MAX_RATE_HISTORY_SECONDS}`,
    );
  return { kind: 'rate', decimals, historySeconds };
}

/** What the widget says under the number: how quiet the filter is, or what the number means. */
export function rateNote(
  perSecond: number,
  lastMessageAt: number | null,
  now: number,
): { text: string; quiet: boolean } {
  if (perSecond > 0) return { text: 'over the last 5 s', quiet: false };
  if (lastMessageAt === null) return { text: 'No messages yet', quiet: true };
  const seconds = Math.max(0, Math.round((now - lastMessageAt) / 1000));
  if (seconds < 120) return { text: `No messages for ${seconds} s`, quiet: true };
  if (seconds < 7200)
    return { text: `No messages for ${Math.floor(seconds / 60)} min`, quiet: true };
  return { text: `No messages for ${Math.floor(seconds / 3600)} h`, quiet: true };
}
