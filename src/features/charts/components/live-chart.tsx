import { memo, useMemo } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { BaseTickContentProps } from 'recharts';
import { formatClock } from '../../../core/format.ts';
import { wildcardLabel } from '../../../core/topic-label.ts';
import type { SeriesSnapshot } from '../../../services/mqtt/index.ts';
import type { ChartSpec } from '../charts-store.ts';

export const LINE_COLORS = [
  '#38bdf8',
  '#f472b6',
  '#a3e635',
  '#fbbf24',
  '#c084fc',
  '#fb7185',
  '#2dd4bf',
  '#f97316',
  '#e879f9',
  '#60a5fa',
  '#facc15',
  '#34d399',
];

interface Point {
  t: number;
  v: number;
}

interface LiveChartProps {
  spec: ChartSpec;
  snapshot: SeriesSnapshot | undefined;
}

function toPoints(times: Float64Array, values: Float64Array): Point[] {
  const points = new Array<Point>(times.length);
  for (let i = 0; i < times.length; i += 1) points[i] = { t: times[i] ?? 0, v: values[i] ?? 0 };
  return points;
}

/**
 * A plain SVG label: recharts' own tick measures every word of every label in the DOM on each
 * redraw, which forces a layout of the page several times a second.
 */
function tickRenderer(format: (value: number) => string, dx: number, dy: number) {
  function Tick({ x, y, payload, textAnchor }: BaseTickContentProps) {
    return (
      <text
        x={Number(x) + dx}
        y={Number(y) + dy}
        textAnchor={textAnchor}
        fill="var(--muted)"
        fontSize={11}
      >
        {format(Number(payload.value))}
      </text>
    );
  }
  return Tick;
}

const formatAxisValue = (value: number) => String(Number(value.toFixed(2)));
const TimeTick = tickRenderer(formatClock, 0, 12);
const ValueTick = tickRenderer(formatAxisValue, -2, 4);

function formatValue(value: number, unit: string): string {
  const digits = Number.isInteger(value) ? 0 : Math.abs(value) >= 100 ? 1 : 2;
  return `${value.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
}

/** One chart: a line per matching topic, redrawn only when a new snapshot arrives. */
function LiveChart({ spec, snapshot }: LiveChartProps) {
  const lines = useMemo(
    () =>
      (snapshot?.lines ?? []).map((line, index) => ({
        key: line.topic,
        label: wildcardLabel(spec.filter, line.topic),
        color: LINE_COLORS[index % LINE_COLORS.length] ?? '#38bdf8',
        points: toPoints(line.times, line.values),
        last: line.values.length > 0 ? line.values[line.values.length - 1] : undefined,
      })),
    [snapshot, spec.filter],
  );
  const pointCount = lines.reduce((sum, line) => sum + line.points.length, 0);

  return (
    <figure className="chart" aria-label={`Chart ${spec.title}`} data-points={pointCount}>
      {lines.length === 0 ? (
        <p className="chart-empty">
          Waiting for numbers on <code>{spec.filter}</code>
          {spec.jsonPath && (
            <>
              {' '}
              in field <code>{spec.jsonPath}</code>
            </>
          )}
          …
        </p>
      ) : (
        <div className="chart-plot">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart margin={{ top: 8, right: 30, bottom: 0, left: 4 }}>
              <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
              <XAxis
                dataKey="t"
                type="number"
                domain={['dataMin', 'dataMax']}
                tick={TimeTick}
                stroke="var(--muted)"
                // A numeric interval skips recharts' measuring of every tick to thin them out.
                interval={0}
                tickCount={5}
              />
              <YAxis
                type="number"
                domain={['auto', 'auto']}
                stroke="var(--muted)"
                width={54}
                interval={0}
                tick={ValueTick}
              />
              <Tooltip
                labelFormatter={(value) => formatClock(Number(value))}
                formatter={(value) => formatValue(Number(value), spec.unit)}
                contentStyle={{
                  background: 'var(--panel-raised)',
                  border: '1px solid var(--border)',
                }}
              />
              {lines.map((line) => (
                <Line
                  key={line.key}
                  data={line.points}
                  dataKey="v"
                  name={line.label}
                  stroke={line.color}
                  strokeWidth={1.8}
                  dot={false}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
      {lines.length > 0 && (
        <figcaption className="chart-legend">
          {lines.map((line) => (
            <span key={line.key} className="legend-item" title={line.key}>
              <span
                className="legend-swatch"
                style={{ background: line.color }}
                aria-hidden="true"
              />
              <span className="legend-label">{line.label}</span>
              {line.last !== undefined && (
                <span className="legend-value">{formatValue(line.last, spec.unit)}</span>
              )}
            </span>
          ))}
        </figcaption>
      )}
    </figure>
  );
}

export default memo(LiveChart);
