const grouped = new Intl.NumberFormat('en-US');

/** "12 s", "5 min", "3 h", "2 d": the largest whole unit, coarse enough to tick once a second. */
export function formatDuration(ms: number): string {
  const seconds = Math.floor(Math.max(0, ms) / 1000);
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3_600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3_600)} h`;
  return `${Math.floor(seconds / 86_400)} d`;
}

/** "now", "12 s ago", "5 min ago"… */
export function formatAge(ms: number): string {
  return ms < 1_000 ? 'now' : `${formatDuration(ms)} ago`;
}

/** Messages per second: one decimal while it is small, "<0.1/s" for a trickle. */
export function formatRate(perSecond: number): string {
  if (perSecond <= 0) return '0/s';
  if (perSecond < 0.1) return '<0.1/s';
  if (Math.round(perSecond * 10) < 100) return `${perSecond.toFixed(1)}/s`;
  return `${grouped.format(Math.round(perSecond))}/s`;
}

/** A topic's usual interval, for the stale marker's explanation. */
export function formatInterval(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}
