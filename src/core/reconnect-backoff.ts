/** The longest wait between two reconnect attempts. */
export const MAX_RECONNECT_DELAY_MS = 30_000;

/**
 * How long to wait before reconnect attempt `attempt` (1 for the first retry): the profile's
 * period, doubled after each failure up to 30 s, so a broker that is down for an hour is not
 * hammered every two seconds, and one that restarts is back within seconds.
 */
export function reconnectDelayMs(periodSeconds: number, attempt: number): number {
  if (periodSeconds <= 0) return 0;
  const base = periodSeconds * 1_000;
  const doublings = Math.min(Math.max(0, attempt - 1), 16);
  return Math.max(base, Math.min(MAX_RECONNECT_DELAY_MS, base * 2 ** doublings));
}
