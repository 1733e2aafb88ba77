/**
 * Zoom and pan of a time chart, as pure arithmetic on spans of epoch milliseconds. A zoomed
 * chart is paused on its span; going back to live drops the span.
 */

export interface TimeSpan {
  from: number;
  to: number;
}

/** A zoom never goes below this span: a few points of a fast sensor still show. */
export const MIN_ZOOM_MS = 200;

/** The time under `x`, for a plot drawing `span` between pixels `left` and `right`. */
export function timeAt(x: number, left: number, right: number, span: TimeSpan): number {
  const fraction = right > left ? (x - left) / (right - left) : 0;
  return span.from + Math.min(1, Math.max(0, fraction)) * (span.to - span.from);
}

/** The span between two dragged pixels (either order); null for a click or a tiny drag. */
export function dragSpan(
  x1: number,
  x2: number,
  left: number,
  right: number,
  span: TimeSpan,
): TimeSpan | null {
  if (Math.abs(x2 - x1) < 4) return null;
  const a = timeAt(Math.min(x1, x2), left, right, span);
  const b = timeAt(Math.max(x1, x2), left, right, span);
  return withMinimum({ from: a, to: b });
}

/** Half the span (factor 0.5) or twice it (2), around its middle. */
export function zoomSpan(span: TimeSpan, factor: number): TimeSpan {
  const middle = (span.from + span.to) / 2;
  const half = ((span.to - span.from) * factor) / 2;
  return withMinimum({ from: middle - half, to: middle + half });
}

/** Moved by `fraction` of its width: -0.5 is half a span back in time. */
export function panSpan(span: TimeSpan, fraction: number): TimeSpan {
  const shift = (span.to - span.from) * fraction;
  return { from: span.from + shift, to: span.to + shift };
}

function withMinimum(span: TimeSpan): TimeSpan {
  if (span.to - span.from >= MIN_ZOOM_MS) return span;
  const middle = (span.from + span.to) / 2;
  return { from: middle - MIN_ZOOM_MS / 2, to: middle + MIN_ZOOM_MS / 2 };
}

/** Data reaching this close to the window's start (a fraction of it) fills the window. */
const FILLED = 0.02;

/**
 * What a live chart shows of its window: all of it once the data covers it, and until then the
 * span from the oldest point to the newest, widening as the data does. A chart opened a few
 * seconds ago (a first visit, a demo) reads as a chart, not as a sliver at its right edge.
 * A single point, or data that starts at the window's start, shows the whole window.
 */
export function liveSpan(window: TimeSpan, oldest: number): TimeSpan {
  const length = window.to - window.from;
  if (!(oldest < window.to) || oldest - window.from <= FILLED * length) return window;
  return { from: oldest, to: window.to };
}
