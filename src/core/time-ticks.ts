/**
 * Time-axis ticks for charts: round moments (every 5 s, every 15 min, every 3 h…) chosen so the
 * labels fit the width, never repeat and read well from a 10-second window to a 24-hour one.
 * Issue 15: evenly spaced ticks on a 4-second window read `03:26:12` twice.
 */

export interface TimeTick {
  /** Milliseconds since the epoch. */
  time: number;
  label: string;
}

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The steps a time axis may use; each divides the next larger unit evenly. */
export const TIME_STEPS = [
  SECOND,
  2 * SECOND,
  5 * SECOND,
  10 * SECOND,
  15 * SECOND,
  30 * SECOND,
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
] as const;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (n: number) => String(n).padStart(2, '0');

/** The local day a moment falls on, as a number that differs between days. */
const dayKey = (d: Date) => d.getFullYear() * 10_000 + d.getMonth() * 100 + d.getDate();

/** The local offset from UTC at `time`, in milliseconds (east positive). */
const localOffset = (time: number) => -new Date(time).getTimezoneOffset() * MINUTE;

/**
 * Round ticks across `[min, max]`, at most `maxTicks` of them, labelled in local time:
 * `HH:MM:SS` when the step is under a minute, `HH:MM` otherwise, with the date (`2 Dec 00:00`)
 * on the first tick of each new day when the window crosses midnight. Ticks are strictly
 * increasing and their labels distinct. A window too short for two whole-second ticks gets one.
 */
export function timeTicks(min: number, max: number, maxTicks: number): TimeTick[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max < min) return [];
  const limit = Math.max(1, Math.floor(maxTicks));
  const span = max - min;
  const step =
    TIME_STEPS.find((candidate) => span / candidate < limit) ?? pickLongStep(span, limit);
  const times: number[] = [];
  // Aligned to local clock time, so an hourly axis reads 09:00, not 09:37 (DST shifts aside).
  let local = Math.ceil((min + localOffset(min)) / step) * step;
  for (let i = 0; i < limit; i += 1, local += step) {
    const time = local - localOffset(local);
    if (time > max) break;
    if (time >= min && (times.length === 0 || time > (times[times.length - 1] as number)))
      times.push(time);
  }
  if (times.length === 0) times.push(min);
  return labelTicks(times, step, span);
}

/** Whole days, for windows longer than `maxTicks` days. */
function pickLongStep(span: number, limit: number): number {
  return Math.ceil(span / DAY / limit + 1e-9) * DAY;
}

function labelTicks(times: number[], step: number, span: number): TimeTick[] {
  const first = new Date(times[0] as number);
  const last = new Date(times[times.length - 1] as number);
  const crossesMidnight = dayKey(first) !== dayKey(last);
  let previousDay = -1;
  return times.map((time) => {
    const d = new Date(time);
    let label = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
    if (step < MINUTE || d.getSeconds() !== 0 || (span < MINUTE && times.length === 1))
      label += `:${pad(d.getSeconds())}`;
    const day = dayKey(d);
    // Past a day, the same clock time comes back: every label then carries its date.
    if (crossesMidnight && (day !== previousDay || span >= DAY))
      label = `${d.getDate()} ${MONTHS[d.getMonth()]} ${label}`;
    previousDay = day;
    return { time, label };
  });
}
