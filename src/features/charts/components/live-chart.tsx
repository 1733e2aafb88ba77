import { memo, useMemo, useState } from 'react';
import { visibleText } from '../../../core/visible-text.ts';
import type { MouseEvent } from 'react';
import { Curve, Surface } from 'recharts';
import { extent, linearScale, nearestIndex, niceDomain } from '../../../core/chart-scale.ts';
import { formatClock } from '../../../core/format.ts';
import { lineColor } from '../../../core/line-palette.ts';
import { timeTicks } from '../../../core/time-ticks.ts';
import { distinctLabels } from '../../../core/topic-label.ts';
import { useElementSize } from '../../../components/ui/use-element-size.ts';
import { useColorScheme } from '../../../components/ui/use-color-scheme.ts';
import type { SeriesSnapshot } from '../../../services/mqtt/index.ts';
import type { ChartSpec } from '../charts-store.ts';
import { ChartLegend } from './chart-legend.tsx';

/** As many lines as a user may pick for one chart: one per colour of the palette. */
const MAX_CHOSEN_LINES = 20;

const MARGIN = { top: 8, right: 14, bottom: 20, left: 54 };

interface LiveChartProps {
  spec: ChartSpec;
  snapshot: SeriesSnapshot | undefined;
  /** Draw exactly these topics, or (null) the first to arrive. */
  onChooseTopics: (topics: string[] | null) => void;
}

/** Pixels per time label: `HH:MM:SS` needs about 60 at 11 px, a dated one about 90. */
function axisTicks(min: number, max: number, width: number) {
  const ticks = timeTicks(min, max, Math.max(2, Math.floor(width / 84)));
  if (!ticks.some((tick) => tick.label.length > 8)) return ticks;
  return timeTicks(min, max, Math.max(2, Math.floor(width / 120)));
}

/** Up to two decimals, as sent: 118.25 stays 118.25, 21.4 is not padded to 21.40. */
function formatValue(value: number, unit: string): string {
  return `${Number(value.toFixed(2))}${unit ? ` ${unit}` : ''}`;
}

const formatTick = (value: number) => String(Number(value.toFixed(3)));

/**
 * One chart: a line per matching topic, redrawn only when a new snapshot arrives.
 * Drawn with recharts' Surface and Curve rather than its LineChart: LineChart costs 30 to 50 ms
 * per update on a 2-core machine (bench/profile.ts), which drops frames several times a second;
 * these primitives with our own scales take about a millisecond.
 */
function LiveChart({ spec, snapshot, onChooseTopics }: LiveChartProps) {
  const [plot, attachPlot] = useElementSize<HTMLDivElement>();
  const [hoverX, setHoverX] = useState<number | null>(null);
  const [off, setOff] = useState<ReadonlySet<string>>(() => new Set());
  const scheme = useColorScheme();
  const toggle = (topic: string) =>
    setOff((before) => {
      const next = new Set(before);
      if (!next.delete(topic)) next.add(topic);
      return next;
    });

  const lines = useMemo(() => {
    const snapshotLines = snapshot?.lines ?? [];
    const labels = distinctLabels(
      spec.filter,
      snapshotLines.map((line) => line.topic),
    );
    return snapshotLines.map((line, index) => ({
      ...line,
      label: visibleText(labels[index] ?? line.topic),
      color: lineColor(index, scheme),
      last: line.values.length > 0 ? line.values[line.values.length - 1] : undefined,
    }));
  }, [snapshot, spec.filter, scheme]);

  const shown = useMemo(() => lines.filter((line) => !off.has(line.topic)), [lines, off]);

  const geometry = useMemo(() => {
    const timeDomain = extent(shown.map((line) => line.times));
    const valueDomain = extent(shown.map((line) => line.values));
    if (!timeDomain || !valueDomain || plot.width === 0) return null;
    const { domain, ticks: valueTicks } = niceDomain(valueDomain);
    const x = linearScale(timeDomain, MARGIN.left, plot.width - MARGIN.right);
    const y = linearScale(domain, plot.height - MARGIN.bottom, MARGIN.top);
    const curves = shown.map((line) =>
      Array.from(line.times, (time, i) => ({ x: x(time), y: y(line.values[i] ?? 0) })),
    );
    const width = plot.width - MARGIN.left - MARGIN.right;
    const times = axisTicks(timeDomain.min, timeDomain.max, width);
    return { timeDomain, valueTicks, timeTicks: times, x, y, curves };
  }, [shown, plot.width, plot.height]);

  const legendLines = useMemo(
    () =>
      lines.map((line) => ({
        topic: line.topic,
        label: line.label,
        color: line.color,
        last: line.last === undefined ? undefined : formatValue(line.last, spec.unit),
      })),
    [lines, spec.unit],
  );
  const pointCount = shown.reduce((sum, line) => sum + line.times.length, 0);
  const hover = geometry && hoverX !== null ? describeHover(hoverX) : null;

  function describeHover(atX: number) {
    if (!geometry) return null;
    const { timeDomain } = geometry;
    const fraction = (atX - MARGIN.left) / (plot.width - MARGIN.left - MARGIN.right);
    const time =
      timeDomain.min + Math.min(1, Math.max(0, fraction)) * (timeDomain.max - timeDomain.min);
    const readings = shown.map((line) => {
      const index = nearestIndex(line.times, time);
      return { key: line.topic, label: line.label, color: line.color, value: line.values[index] };
    });
    return { x: geometry.x(time), time, readings };
  }

  const onMouseMove = (event: MouseEvent<HTMLDivElement>) =>
    setHoverX(event.clientX - event.currentTarget.getBoundingClientRect().left);

  return (
    <figure
      className="chart"
      aria-label={`Chart ${spec.title}`}
      data-points={pointCount}
      data-lines={shown.length}
    >
      {lines.length === 0 ? (
        <p className="chart-empty">
          {/* One flex item: the text wraps as a sentence, not word by word. */}
          <span>
            Waiting for numbers on <code>{spec.filter}</code>
            {spec.jsonPath && (
              <>
                {' '}
                in field <code>{spec.jsonPath}</code>
              </>
            )}
            …
          </span>
        </p>
      ) : (
        <div
          className="chart-plot"
          ref={attachPlot}
          onMouseMove={onMouseMove}
          onMouseLeave={() => setHoverX(null)}
        >
          {geometry && (
            <Surface width={plot.width} height={plot.height}>
              <g className="chart-grid">
                {geometry.valueTicks.map((tick) => (
                  <line
                    key={tick}
                    x1={MARGIN.left}
                    x2={plot.width - MARGIN.right}
                    y1={geometry.y(tick)}
                    y2={geometry.y(tick)}
                  />
                ))}
              </g>
              <g className="chart-axis" textAnchor="end">
                {geometry.valueTicks.map((tick) => (
                  <text key={tick} x={MARGIN.left - 6} y={geometry.y(tick) + 4}>
                    {formatTick(tick)}
                  </text>
                ))}
              </g>
              <g className="chart-axis">
                {geometry.timeTicks.map((tick) => {
                  const x = geometry.x(tick.time);
                  // A label too near an edge is anchored inside the plot, never cut off.
                  const half = tick.label.length * 3.3;
                  const anchor =
                    x - half < MARGIN.left - 8 ? 'start' : x + half > plot.width ? 'end' : 'middle';
                  return (
                    <text key={tick.time} x={x} y={plot.height - 4} textAnchor={anchor}>
                      {tick.label}
                    </text>
                  );
                })}
              </g>
              {shown.map((line, index) => (
                <Curve
                  key={line.topic}
                  type="linear"
                  points={geometry.curves[index]}
                  stroke={line.color}
                  strokeWidth={1.8}
                  fill="none"
                />
              ))}
              {hover && (
                <line
                  className="chart-cursor"
                  x1={hover.x}
                  x2={hover.x}
                  y1={MARGIN.top}
                  y2={plot.height - MARGIN.bottom}
                />
              )}
            </Surface>
          )}
        </div>
      )}
      {hover && (
        <div
          className={`chart-tooltip${hover.readings.length > 4 ? ' chart-tooltip-wide' : ''}`}
          // Anchored to the side of the plot away from the cursor.
          style={hover.x > plot.width / 2 ? { left: MARGIN.left + 4 } : { right: MARGIN.right + 4 }}
        >
          <div className="chart-tooltip-time">{formatClock(hover.time)}</div>
          {hover.readings.map((reading) => (
            <div key={reading.key}>
              <span
                className="legend-swatch"
                style={{ background: reading.color }}
                aria-hidden="true"
              />{' '}
              {reading.label}{' '}
              <strong>
                {reading.value === undefined ? '–' : formatValue(reading.value, spec.unit)}
              </strong>
            </div>
          ))}
        </div>
      )}
      {(lines.length > 0 || (snapshot?.hiddenTopics.length ?? 0) > 0) && (
        <ChartLegend
          title={spec.title}
          lines={legendLines}
          off={off}
          onToggle={toggle}
          hiddenTopics={snapshot?.hiddenTopics ?? []}
          chosen={spec.topics !== undefined}
          onChoose={onChooseTopics}
          maxChosen={MAX_CHOSEN_LINES}
        />
      )}
    </figure>
  );
}

export default memo(LiveChart);
