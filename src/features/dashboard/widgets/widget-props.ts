import type { LatestValue } from '../../../services/mqtt/index.ts';
import type { WidgetSpec } from '../dashboard-model.ts';
import type { WidgetOptions } from '../dashboard-model.ts';

/** What every widget view is given: its spec and the newest value per topic it reads. */
export interface WidgetViewProps<K extends WidgetOptions['kind']> {
  spec: Extract<WidgetSpec, { kind: K }>;
  values: readonly LatestValue[] | undefined;
  /** The clock, for "12 s ago" and staleness; ticks once a second. */
  now: number;
}

/** The most recent reading among the topics, or undefined before the first. */
export function newest(values: readonly LatestValue[] | undefined): LatestValue | undefined {
  let found: LatestValue | undefined;
  for (const value of values ?? []) if (!found || value.time > found.time) found = value;
  return found;
}

/** `3 s ago`, `4 min ago`, `2 h ago`. */
export function ago(now: number, time: number): string {
  const seconds = Math.max(0, Math.round((now - time) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  return `${Math.floor(seconds / 3600)} h ago`;
}

/** A number with at most `decimals` decimals and its unit: `21.4 °C`. */
export function withUnit(value: number, unit: string, decimals = 2): string {
  return `${Number(value.toFixed(decimals))}${unit ? ` ${unit}` : ''}`;
}
