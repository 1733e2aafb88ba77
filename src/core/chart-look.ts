/**
 * How a time chart looks, apart from its data: the style of its lines, threshold lines and
 * coloured bands. Pure reading, validation and geometry, shared by the charts panel and any
 * widget that draws the same chart.
 */

import type { Domain } from './chart-scale.ts';

export type ChartStyle = 'line' | 'area' | 'step';

/** The styles a chart offers, with their names. */
export const CHART_STYLES: readonly { value: ChartStyle; label: string }[] = [
  { value: 'line', label: 'Line' },
  { value: 'area', label: 'Area' },
  { value: 'step', label: 'Step' },
];

/** A horizontal line at `value`, in `color` (`#rrggbb`), with an optional short label. */
export interface ChartThreshold {
  value: number;
  color: string;
  label?: string;
}

/**
 * A translucent band between two values, e.g. a normal range. An absent end is open: the band
 * reaches the edge of the plot on that side (JSON has no Infinity, so "open" is "absent").
 * When both ends are given, `from < to`; at least one end is given.
 */
export interface ChartBand {
  from?: number;
  to?: number;
  color: string;
  label?: string;
}

export interface ChartLook {
  style: ChartStyle;
  thresholds: ChartThreshold[];
  bands: ChartBand[];
}

export const MAX_THRESHOLDS = 5;
export const MAX_BANDS = 5;
/** Labels are drawn in the plot, so they stay short. */
export const MAX_LOOK_LABEL = 24;
/** Beyond this a value cannot be shown with the axis's precision. */
export const LOOK_VALUE_LIMIT = 1e15;

const EMPTY: never[] = [];
/** The look of a chart that sets nothing: lines, no thresholds, no bands. */
export const DEFAULT_CHART_LOOK: Readonly<ChartLook> = {
  style: 'line',
  thresholds: EMPTY,
  bands: EMPTY,
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isLookValue = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= LOOK_VALUE_LIMIT;
const isColor = (value: unknown): value is string =>
  typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value);
const isLabel = (value: unknown) =>
  value === undefined || (typeof value === 'string' && value.length <= MAX_LOOK_LABEL);

export const isChartStyle = (value: unknown): value is ChartStyle =>
  CHART_STYLES.some((style) => style.value === value);

export const isChartThreshold = (value: unknown): value is ChartThreshold =>
  isRecord(value) && isLookValue(value.value) && isColor(value.color) && isLabel(value.label);

export const isChartBand = (value: unknown): value is ChartBand =>
  isRecord(value) &&
  (value.from === undefined || isLookValue(value.from)) &&
  (value.to === undefined || isLookValue(value.to)) &&
  (value.from !== undefined || value.to !== undefined) &&
  (value.from === undefined || value.to === undefined || value.from < value.to) &&
  isColor(value.color) &&
  isLabel(value.label);

/**
 * The look saved on `saved` (a chart spec or a widget's), or null when a part of it is damaged.
 * Absent fields read as the default. A chart saved before several thresholds existed has a lone
 * `threshold`: it becomes the only entry of `thresholds` (unless `thresholds` is also there).
 */
export function readChartLook(saved: Record<string, unknown>): ChartLook | null {
  const { style = 'line', thresholds, bands = EMPTY, threshold } = saved;
  if (!isChartStyle(style)) return null;
  if (threshold !== undefined && !isChartThreshold(threshold)) return null;
  const lines = thresholds ?? (threshold === undefined ? EMPTY : [threshold]);
  if (!Array.isArray(lines) || lines.length > MAX_THRESHOLDS || !lines.every(isChartThreshold)) {
    return null;
  }
  if (!Array.isArray(bands) || bands.length > MAX_BANDS || !bands.every(isChartBand)) return null;
  return { style, thresholds: lines, bands };
}

/**
 * `target` with `patch` applied, keeping only what differs from the default (a line chart with
 * no thresholds saves no look fields at all) and dropping a legacy lone `threshold`.
 */
export function withChartLook<T extends Partial<ChartLook>>(
  target: T,
  patch: Partial<ChartLook>,
): T {
  const next: Partial<ChartLook> & { threshold?: unknown } = { ...target, ...patch };
  delete next.threshold;
  if (next.style === 'line') delete next.style;
  if (next.thresholds?.length === 0) delete next.thresholds;
  if (next.bands?.length === 0) delete next.bands;
  return next as T;
}

/** The look with defaults for what `spec` leaves out; the arrays are the spec's own. */
export function chartLookOf(spec: Partial<ChartLook>): ChartLook {
  return {
    style: spec.style ?? 'line',
    thresholds: spec.thresholds ?? EMPTY,
    bands: spec.bands ?? EMPTY,
  };
}

/**
 * The values the value axis must include so every threshold and every closed band end is in
 * view; a few numbers, independent of the points drawn.
 */
export function lookValues(look: Pick<ChartLook, 'thresholds' | 'bands'>): Float64Array {
  const values: number[] = look.thresholds.map((threshold) => threshold.value);
  for (const band of look.bands) {
    if (band.from !== undefined) values.push(band.from);
    if (band.to !== undefined) values.push(band.to);
  }
  return Float64Array.from(values);
}

/**
 * `domain` widened so a band with an open end beyond it shows: a band "above 30" on a chart whose
 * highest value is 30 would otherwise be a line of no height. It gains a tenth of the span.
 */
export function roomForOpenBands(domain: Domain, bands: readonly ChartBand[]): Domain {
  const room = (domain.max - domain.min) / 10 || Math.abs(domain.max) / 10 || 1;
  let { min, max } = domain;
  for (const band of bands) {
    if (band.to === undefined && band.from !== undefined && band.from >= max) {
      max = band.from + room;
    }
    if (band.from === undefined && band.to !== undefined && band.to <= min) {
      min = band.to - room;
    }
  }
  return { min, max };
}

/** The part of `band` inside `domain` (open ends reach its edges); null when none of it is. */
export function bandInDomain(band: ChartBand, domain: Domain): Domain | null {
  const min = Math.max(band.from ?? -Infinity, domain.min);
  const max = Math.min(band.to ?? Infinity, domain.max);
  return min < max ? { min, max } : null;
}

export type LookNumber = { ok: true; value: number | undefined } | { ok: false; error: string };

/**
 * A number typed into the look editor. Empty is `undefined` (an open band end) when `optional`;
 * text, NaN and Infinity are refused with a message to show beside the field.
 */
export function parseLookNumber(text: string, optional: boolean): LookNumber {
  const trimmed = text.trim();
  if (trimmed === '') {
    return optional ? { ok: true, value: undefined } : { ok: false, error: 'Give a value.' };
  }
  const value = Number(trimmed);
  if (Number.isNaN(value)) return { ok: false, error: 'Not a number: write e.g. 25 or -3.5.' };
  if (!Number.isFinite(value)) {
    return {
      ok: false,
      error: optional ? 'Must be finite: leave it empty for an open end.' : 'Must be finite.',
    };
  }
  if (Math.abs(value) > LOOK_VALUE_LIMIT) {
    return { ok: false, error: `Must be between -${LOOK_VALUE_LIMIT} and ${LOOK_VALUE_LIMIT}.` };
  }
  return { ok: true, value };
}

/** Why a band with these ends cannot be drawn, or null when it can. */
export function bandEndsError(from: number | undefined, to: number | undefined): string | null {
  if (from === undefined && to === undefined) return 'Give From, To or both.';
  if (from !== undefined && to !== undefined && from >= to) {
    return `Must be more than From (${from}).`;
  }
  return null;
}
