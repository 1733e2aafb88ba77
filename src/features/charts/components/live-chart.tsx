import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { visibleText } from '../../../core/visible-text.ts';
import type { KeyboardEvent, MouseEvent, PointerEvent } from 'react';
import { plottedCsv } from '../../../core/chart-csv.ts';
import { dragSpan, panSpan, zoomSpan } from '../../../core/chart-zoom.ts';
import type { TimeSpan } from '../../../core/chart-zoom.ts';
import { Curve, Surface } from 'recharts';
import { extent, linearScale, nearestIndex, niceDomain } from '../../../core/chart-scale.ts';
import { formatClock } from '../../../core/format.ts';
import { lineColor } from '../../../core/line-palette.ts';
import { timeTicks } from '../../../core/time-ticks.ts';
import { distinctLabels } from '../../../core/topic-label.ts';
import { useElementSize } from '../../../components/ui/use-element-size.ts';
import { useColorScheme } from '../../../components/ui/use-color-scheme.ts';
import type { SeriesSnapshot } from '../../../services/mqtt/index.ts';
import { CHART_WINDOWS } from '../charts-store.ts';
import type { ChartSpec, ChartThreshold, ChartView } from '../charts-store.ts';
import { ChartLegend } from './chart-legend.tsx';
import './live-chart.css';

/** As many lines as a user may pick for one chart: one per colour of the palette. */
const MAX_CHOSEN_LINES = 20;

const MARGIN = { top: 8, right: 14, bottom: 20, left: 54 };

interface LiveChartProps {
  spec: ChartSpec;
  snapshot: SeriesSnapshot | undefined;
  /** Draw exactly these topics, or (null) the first to arrive. */
  onChooseTopics: (topics: string[] | null) => void;
  /** The window shown while live, in ms. */
  windowMs: number;
  onWindow: (windowMs: number) => void;
  /** Sets or (null) removes the threshold line. */
  onThreshold: (threshold: ChartThreshold | null) => void;
  view: ChartView | undefined;
  /** Width (points) or zoom changed; `range: undefined` is back to live. */
  onView: (view: Partial<ChartView>) => void;
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
function LiveChart(props: LiveChartProps) {
  const { spec, snapshot, onChooseTopics, windowMs, onWindow, onThreshold, view, onView } = props;
  const [editingThreshold, setEditingThreshold] = useState(false);
  const [plot, attachPlot] = useElementSize<HTMLDivElement>();
  const [hoverX, setHoverX] = useState<number | null>(null);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const zoomed = view?.range;
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
      last: line.stats?.last,
    }));
  }, [snapshot, spec.filter, scheme]);

  const shown = useMemo(() => lines.filter((line) => !off.has(line.topic)), [lines, off]);

  // About two points per pixel column; rounded so a resize by a pixel does not ask again.
  const plotWidth = Math.max(0, plot.width - MARGIN.left - MARGIN.right);
  const points = plotWidth > 0 ? Math.max(100, Math.round((plotWidth * 2) / 50) * 50) : 0;
  const lastPoints = useRef(0);
  useEffect(() => {
    if (points > 0 && points !== lastPoints.current) {
      lastPoints.current = points;
      onView({ points });
    }
  }, [points, onView]);

  // The span asked for (the window, or the zoom), not only where the points happen to be.
  const timeDomain = useMemo(
    () =>
      snapshot && snapshot.to > snapshot.from
        ? { min: snapshot.from, max: snapshot.to }
        : extent(shown.map((line) => line.times)),
    [snapshot, shown],
  );

  const geometry = useMemo(() => {
    // A zoom on a span with no points still draws its axes (and can be panned out of).
    const threshold = spec.threshold ? [Float64Array.of(spec.threshold.value)] : [];
    // The threshold is always in view, so the user sees how far the lines are from it.
    const valueDomain = extent([...shown.map((line) => line.values), ...threshold]) ?? {
      min: 0,
      max: 1,
    };
    if (!timeDomain || plot.width === 0) return null;
    const { domain, ticks: valueTicks } = niceDomain(valueDomain);
    const x = linearScale(timeDomain, MARGIN.left, plot.width - MARGIN.right);
    const y = linearScale(domain, plot.height - MARGIN.bottom, MARGIN.top);
    const curves = shown.map((line) =>
      Array.from(line.times, (time, i) => ({ x: x(time), y: y(line.values[i] ?? 0) })),
    );
    const width = plot.width - MARGIN.left - MARGIN.right;
    const times = axisTicks(timeDomain.min, timeDomain.max, width);
    return { timeDomain, valueTicks, timeTicks: times, x, y, curves };
  }, [shown, plot.width, plot.height, timeDomain, spec.threshold]);

  const span: TimeSpan | null = timeDomain ? { from: timeDomain.min, to: timeDomain.max } : null;
  const zoomTo = (next: TimeSpan | null) => {
    if (next) onView({ range: next });
  };
  const backToLive = () => onView({ range: undefined });
  const pan = (fraction: number) => span && zoomTo(panSpan(zoomed ?? span, fraction));
  const zoomBy = (factor: number) => span && zoomTo(zoomSpan(zoomed ?? span, factor));

  /** Downloads the points drawn (the lines switched on, as downsampled) as CSV. */
  const exportCsv = () => {
    const blob = new Blob([plottedCsv(shown)], { type: 'text/csv' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    const name = spec.title.replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '') || 'chart';
    link.download = `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  };

  const onPlotKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const actions: Record<string, () => void> = {
      ArrowLeft: () => pan(-0.25),
      ArrowRight: () => pan(0.25),
      '+': () => zoomBy(0.5),
      '=': () => zoomBy(0.5),
      '-': () => zoomBy(2),
      Escape: backToLive,
    };
    const action = actions[event.key];
    if (!action || (event.key === 'Escape' && !zoomed)) return;
    event.preventDefault();
    action();
  };
  const plotX = (event: PointerEvent<HTMLDivElement>) =>
    event.clientX - event.currentTarget.getBoundingClientRect().left;
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 || !geometry) return;
    event.currentTarget.setPointerCapture?.(event.pointerId);
    const x = plotX(event);
    setDrag({ from: x, to: x });
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag) setDrag({ from: drag.from, to: plotX(event) });
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag || !span) return;
    const chosen = dragSpan(drag.from, plotX(event), MARGIN.left, plot.width - MARGIN.right, span);
    setDrag(null);
    zoomTo(chosen);
  };

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
      data-span-ms={span ? span.to - span.from : undefined}
    >
      <div className="chart-toolbar" role="toolbar" aria-label={`View of ${spec.title}`}>
        <label className="chart-window">
          <span>Window</span>
          <select
            value={windowMs}
            onChange={(event) => {
              onWindow(Number(event.target.value));
              backToLive();
            }}
          >
            {CHART_WINDOWS.map((option) => (
              <option key={option.ms} value={option.ms}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <span className={`chart-mode${zoomed ? ' chart-mode-paused' : ''}`}>
          {zoomed ? `Paused ${formatClock(zoomed.from)} – ${formatClock(zoomed.to)}` : 'Live'}
        </span>
        <span className="chart-toolbar-buttons">
          <button
            type="button"
            className="button-ghost"
            aria-label="Pan back in time"
            title="Pan back (←)"
            disabled={!span}
            onClick={() => pan(-0.5)}
          >
            ◀
          </button>
          <button
            type="button"
            className="button-ghost"
            aria-label="Pan forward in time"
            title="Pan forward (→)"
            disabled={!zoomed}
            onClick={() => pan(0.5)}
          >
            ▶
          </button>
          <button
            type="button"
            className="button-ghost"
            aria-label="Zoom in"
            title="Zoom in (+), or drag across the plot"
            disabled={!span}
            onClick={() => zoomBy(0.5)}
          >
            +
          </button>
          <button
            type="button"
            className="button-ghost"
            aria-label="Zoom out"
            title="Zoom out (−)"
            disabled={!zoomed}
            onClick={() => zoomBy(2)}
          >
            −
          </button>
          <button
            type="button"
            className="button-ghost"
            aria-expanded={editingThreshold}
            aria-label={`Threshold of ${spec.title}`}
            title="A horizontal line at a value, in a colour"
            onClick={() => setEditingThreshold((open) => !open)}
          >
            Threshold
          </button>
          <button
            type="button"
            className="button-ghost"
            aria-label={`Export CSV of ${spec.title}`}
            title="Export what is plotted as CSV (time, topic, value)"
            disabled={pointCount === 0}
            onClick={exportCsv}
          >
            CSV
          </button>
          {zoomed && (
            <button type="button" className="button-secondary" onClick={backToLive}>
              Back to live
            </button>
          )}
        </span>
      </div>
      {editingThreshold && (
        <ThresholdForm
          title={spec.title}
          threshold={spec.threshold}
          onSave={(threshold) => {
            onThreshold(threshold);
            setEditingThreshold(false);
          }}
        />
      )}
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
        <div className="chart-plot-area">
          <div
            className={`chart-plot${drag ? ' chart-plot-dragging' : ''}`}
            ref={attachPlot}
            role="group"
            aria-label={`Plot of ${spec.title}: drag to zoom; arrow keys pan, + and − zoom, Escape goes back to live`}
            tabIndex={0}
            onKeyDown={onPlotKey}
            onMouseMove={onMouseMove}
            onMouseLeave={() => setHoverX(null)}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={() => setDrag(null)}
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
                      x - half < MARGIN.left - 8
                        ? 'start'
                        : x + half > plot.width
                          ? 'end'
                          : 'middle';
                    return (
                      <text key={tick.time} x={x} y={plot.height - 4} textAnchor={anchor}>
                        {tick.label}
                      </text>
                    );
                  })}
                </g>
                {spec.threshold && (
                  <g className="chart-threshold">
                    <line
                      x1={MARGIN.left}
                      x2={plot.width - MARGIN.right}
                      y1={geometry.y(spec.threshold.value)}
                      y2={geometry.y(spec.threshold.value)}
                      stroke={spec.threshold.color}
                      // Inline: the card grid's `.chart-grid line` rule would grey it out.
                      style={{ stroke: spec.threshold.color }}
                    />
                    <text
                      x={plot.width - MARGIN.right - 2}
                      y={geometry.y(spec.threshold.value) - 3}
                      textAnchor="end"
                      fill={spec.threshold.color}
                    >
                      {formatValue(spec.threshold.value, spec.unit)}
                    </text>
                  </g>
                )}
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
                {drag && Math.abs(drag.to - drag.from) >= 4 && (
                  <rect
                    className="chart-zoom-selection"
                    x={Math.min(drag.from, drag.to)}
                    width={Math.abs(drag.to - drag.from)}
                    y={MARGIN.top}
                    height={plot.height - MARGIN.top - MARGIN.bottom}
                  />
                )}
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
          {hover && (
            <div
              className={`chart-tooltip${hover.readings.length > 4 ? ' chart-tooltip-wide' : ''}`}
              // Anchored to the side of the plot away from the cursor.
              style={
                hover.x > plot.width / 2 ? { left: MARGIN.left + 4 } : { right: MARGIN.right + 4 }
              }
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
        </div>
      )}
      {lines.length > 0 && (
        <ChartStats
          title={spec.title}
          unit={spec.unit}
          lines={lines}
          manyLines={lines.length > 4}
        />
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

/** Value and colour of the chart's threshold line; an empty value removes it. */
function ThresholdForm(props: {
  title: string;
  threshold: ChartThreshold | undefined;
  onSave: (threshold: ChartThreshold | null) => void;
}) {
  const { title, threshold, onSave } = props;
  const [value, setValue] = useState(threshold ? String(threshold.value) : '');
  const [color, setColor] = useState(threshold?.color ?? '#f97316');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="chart-threshold-form"
      aria-label={`Threshold of ${title}`}
      onSubmit={(event) => {
        event.preventDefault();
        if (value.trim() === '') return onSave(null);
        const number = Number(value);
        if (!Number.isFinite(number) || Math.abs(number) > 1e15) {
          return setError('The threshold must be a number between -1e15 and 1e15.');
        }
        onSave({ value: number, color });
      }}
    >
      <label>
        <span>Threshold value</span>
        <input
          type="text"
          inputMode="decimal"
          value={value}
          onChange={(event) => setValue(event.target.value)}
          placeholder="none"
        />
      </label>
      <label>
        <span>Colour</span>
        <input type="color" value={color} onChange={(event) => setColor(event.target.value)} />
      </label>
      <button type="submit" className="button-secondary">
        Save
      </button>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </form>
  );
}

interface StatsLine {
  topic: string;
  label: string;
  color: string;
  stats: SeriesSnapshot['lines'][number]['stats'];
}

/**
 * Min, average, max and last of each line over the span shown: computed by the worker over
 * every point in the span (not only the drawn ones), with the snapshot.
 */
function ChartStats(props: {
  title: string;
  unit: string;
  lines: readonly StatsLine[];
  manyLines: boolean;
}) {
  const { title, unit, lines, manyLines } = props;
  const cell = (value: number | undefined) =>
    value === undefined ? '–' : formatValue(value, unit);
  return (
    <details className="chart-stats" open={!manyLines || undefined}>
      <summary>Min, average, max and last in view</summary>
      <table aria-label={`Statistics of ${title}`}>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Min</th>
            <th scope="col">Avg</th>
            <th scope="col">Max</th>
            <th scope="col">Last</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.topic}>
              <th scope="row">
                <span
                  className="legend-swatch"
                  style={{ background: line.color }}
                  aria-hidden="true"
                />{' '}
                {line.label}
              </th>
              <td>{cell(line.stats?.min)}</td>
              <td>{cell(line.stats?.average)}</td>
              <td>{cell(line.stats?.max)}</td>
              <td>{cell(line.stats?.last)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

export default memo(LiveChart);
