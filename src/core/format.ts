/** Small display formatters shared by the message list, charts and status bar. */

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function clock(d: Date): string {
  return `${pad(d.getHours(), 2)}:${pad(d.getMinutes(), 2)}:${pad(d.getSeconds(), 2)}`;
}

/**
 * Local wall-clock time with milliseconds, `HH:MM:SS.mmm`: messages arrive many per
 * second, so seconds alone would not order them.
 */
export function formatTime(ms: number): string {
  if (!Number.isFinite(ms)) return '--:--:--.---';
  const d = new Date(ms);
  return `${clock(d)}.${pad(d.getMilliseconds(), 3)}`;
}

/**
 * Local wall-clock time to the second, `HH:MM:SS`, for chart axis ticks where
 * milliseconds would crowd the labels.
 */
export function formatClock(ms: number): string {
  return Number.isFinite(ms) ? clock(new Date(ms)) : '--:--:--';
}

const RATE_UNITS = ['', 'k', 'M', 'G'] as const;

/**
 * A message rate for a status line: `0/s`, `0.5/s`, `950/s`, `12.3k/s`, `1.2M/s`.
 * Rates below 10 keep one decimal so a slow sensor does not read as `0/s`.
 */
export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond) || perSecond <= 0) return '0/s';
  if (perSecond < 9.95) {
    const rounded = Math.round(perSecond * 10) / 10;
    return `${rounded === 0 ? 0 : rounded}/s`;
  }
  if (perSecond < 999.5) return `${Math.round(perSecond)}/s`;
  let value = perSecond / 1000;
  let unit = 1;
  // Step up while one decimal would round to 1000 (999.96k shows as 1.0M).
  while (value >= 999.95 && unit < RATE_UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(1)}${RATE_UNITS[unit]}/s`;
}
