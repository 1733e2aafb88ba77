import './sparkline.css';

const WIDTH = 100;
const HEIGHT = 24;

interface SparklineData {
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  /** The x span drawn, left edge to right edge. */
  from: number;
  to: number;
  /** A value always in view (0 for a rate), so a steady rate does not look like zero. */
  floor?: number;
}

/**
 * The polyline's points in a 100 × 24 box: y scaled to the values' range (a flat line in the
 * middle), points that are not finite numbers left out.
 */
export function sparklinePoints({ xs, ys, from, to, floor }: SparklineData): string[] {
  let low = floor ?? Infinity;
  let high = floor ?? -Infinity;
  for (let i = 0; i < ys.length; i += 1) {
    const y = ys[i] ?? NaN;
    if (!Number.isFinite(y)) continue;
    low = Math.min(low, y);
    high = Math.max(high, y);
  }
  const points: string[] = [];
  if (!(high >= low) || !(to > from)) return points;
  const flat = high === low;
  for (let i = 0; i < ys.length; i += 1) {
    const x = xs[i] ?? NaN;
    const y = ys[i] ?? NaN;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const px = ((x - from) / (to - from)) * WIDTH;
    // One unit of margin top and bottom, so the stroke is not cut.
    const py = flat ? HEIGHT / 2 : HEIGHT - 1 - ((y - low) / (high - low)) * (HEIGHT - 2);
    points.push(`${round(px)},${round(py)}`);
  }
  return points;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * A small line of recent values under a reading: no axes, no labels, hidden from assistive
 * technology (the widget says the value and its trend in words).
 */
export function Sparkline(data: SparklineData) {
  const points = sparklinePoints(data);
  return (
    <svg
      className="sparkline"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      {points.length > 1 && (
        <polyline points={points.join(' ')} fill="none" vectorEffect="non-scaling-stroke" />
      )}
    </svg>
  );
}
