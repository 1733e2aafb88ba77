/**
 * The arithmetic of a line chart: domains, linear scales and round tick values. Kept apart from
 * drawing so that a redraw is a few multiplications per point.
 */

export interface Domain {
  min: number;
  max: number;
}

/** Maps `domain` onto `range` linearly; a domain of one value maps to the middle of the range. */
export function linearScale(domain: Domain, rangeStart: number, rangeEnd: number) {
  const span = domain.max - domain.min;
  if (span === 0) {
    const middle = (rangeStart + rangeEnd) / 2;
    return () => middle;
  }
  if (!Number.isFinite(span)) {
    // From -1e308 to 1e308 the span itself overflows: work in halves, which do not.
    const half = (rangeEnd - rangeStart) / (domain.max / 2 - domain.min / 2);
    return (value: number) => rangeStart + (value / 2 - domain.min / 2) * half;
  }
  const factor = (rangeEnd - rangeStart) / span;
  return (value: number) => rangeStart + (value - domain.min) * factor;
}

/** The smallest and largest value over several arrays; null when all are empty. */
export function extent(arrays: readonly ArrayLike<number>[]): Domain | null {
  let min = Infinity;
  let max = -Infinity;
  for (const values of arrays) {
    for (let i = 0; i < values.length; i += 1) {
      const value = values[i] as number;
      if (value < min) min = value;
      if (value > max) max = value;
    }
  }
  return min <= max ? { min, max } : null;
}

/** A step of 1, 2, 2.5 or 5 times a power of ten, so ticks read as round numbers. */
function niceStep(roughStep: number): number {
  const power = 10 ** Math.floor(Math.log10(roughStep));
  const fraction = roughStep / power;
  const nice =
    fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * A value domain widened to round tick values, with at most about `tickCount` ticks.
 * A flat series (one value) gets a small band around it, so its line sits mid-chart.
 */
export function niceDomain(domain: Domain, tickCount = 5): { domain: Domain; ticks: number[] } {
  let { min, max } = domain;
  if (min === max) {
    const pad = Math.abs(min) * 0.01 || 1;
    min -= pad;
    max += pad;
  }
  const intervals = Math.max(1, tickCount - 1);
  // Divided before subtracting: values near ±1.8e308 would overflow their difference.
  const step = niceStep(max / intervals - min / intervals);
  const niceMin = Math.max(-Number.MAX_VALUE, Math.floor(min / step) * step);
  const niceMax = Math.min(Number.MAX_VALUE, Math.ceil(max / step) * step);
  const ticks: number[] = [];
  // Rounded to the step's precision so 0.1 + 0.2 prints as 0.3.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  // Bounded: near ±1.8e308 the sum can reach Infinity, which is never past the end.
  for (let value = niceMin; value <= niceMax + step / 2 && ticks.length <= 4 * intervals + 1;) {
    ticks.push(Number(value.toFixed(decimals)));
    const next = value + step;
    if (!Number.isFinite(next)) {
      if (ticks.at(-1) !== niceMax) ticks.push(Number(niceMax.toFixed(decimals)));
      break;
    }
    value = next;
  }
  return { domain: { min: niceMin, max: niceMax }, ticks };
}

/** `count` evenly spaced times across a domain, ends included. */
export function evenTicks(domain: Domain, count: number): number[] {
  if (count < 2 || domain.min === domain.max) return [domain.min];
  const step = (domain.max - domain.min) / (count - 1);
  return Array.from({ length: count }, (_, i) => domain.min + i * step);
}

/** Index of the value in a sorted array closest to `target` (binary search). */
export function nearestIndex(sorted: ArrayLike<number>, target: number): number {
  let low = 0;
  let high = sorted.length - 1;
  if (high < 0) return -1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] as number) < target) low = middle + 1;
    else high = middle;
  }
  if (low > 0 && target - (sorted[low - 1] as number) < (sorted[low] as number) - target)
    return low - 1;
  return low;
}
