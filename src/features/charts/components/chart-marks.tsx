import type { ChartBand, ChartThreshold } from '../../../core/chart-look.ts';

/** Left and right ends of the plot, in pixels. */
interface Span {
  left: number;
  right: number;
}

/** The bands in view, as translucent rectangles (drawn behind the grid and the lines). */
export function ChartBands(
  props: Span & { bands: { band: ChartBand; top: number; bottom: number }[] },
) {
  const { bands, left, right } = props;
  return bands.map(({ band, top, bottom }, index) => (
    <g key={index} className="chart-band">
      <rect
        x={left}
        width={right - left}
        y={top}
        height={bottom - top}
        fill={band.color}
        fillOpacity={0.14}
      />
      {band.label && bottom - top >= 12 && (
        <text x={left + 4} y={top + 11} fill={band.color}>
          {band.label}
        </text>
      )}
    </g>
  ));
}

/** The threshold lines, dashed, each labelled at its right end with its label and value. */
export function ChartThresholds(
  props: Span & {
    thresholds: readonly ChartThreshold[];
    /** The pixel row of a value. */
    y: (value: number) => number;
    top: number;
    format: (value: number) => string;
  },
) {
  const { thresholds, left, right, y: yOf, top, format } = props;
  return thresholds.map((threshold, index) => {
    const y = yOf(threshold.value);
    const value = format(threshold.value);
    return (
      <g key={index} className="chart-threshold">
        <line
          x1={left}
          x2={right}
          y1={y}
          y2={y}
          stroke={threshold.color}
          // Inline: the card grid's `.chart-grid line` rule would grey it out.
          style={{ stroke: threshold.color }}
        />
        <text
          x={right - 2}
          // Below a line at the top of the plot, above any other.
          y={y - top < 12 ? y + 12 : y - 3}
          textAnchor="end"
          fill={threshold.color}
        >
          {threshold.label ? `${threshold.label} ${value}` : value}
        </text>
      </g>
    );
  });
}
