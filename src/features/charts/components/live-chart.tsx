import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { visibleText } from '../../../core/visible-text.ts';
import type { KeyboardEvent, MouseEvent, PointerEvent } from 'react';
import { plottedCsv } from '../../../core/chart-csv.ts';
import { dragSpan, liveSpan, panSpan, zoomSpan } from '../../../core/chart-zoom.ts';
import type { TimeSpan } from '../../../core/chart-zoom.ts';
import { Surface } from 'recharts';
import { areaPath, envelopePaths, linePath } from '../../../core/chart-path.ts';
import { extent, linearScale, nearestIndex, niceDomain } from '../../../core/chart-scale.ts';
import { formatClock } from '../../../core/format.ts';
import { lineColor } from '../../../core/line-palette.ts';
import { timeTicks } from '../../../core/time-ticks.ts';
import { describeLineKey, lineKey, lineLabels, seriesLabel } from '../../../core/chart-series.ts';
import { useElementSize } from '../../../components/ui/use-element-size.ts';
import { useColorScheme } from '../../../components/ui/theme.ts';
import type { SeriesSnapshot } from '../../../services/mqtt/index.ts';
import type { ChartSpec, ChartView } from '../charts-store.ts';
import {
  CHART_STYLES,
  bandInDomain,
  chartLookOf,
  isChartStyle,
  lookValues,
  roomForOpenBands,
} from '../../../core/chart-look.ts';
import type { ChartLook } from '../../../core/chart-look.ts';
import { ChartLegend } from './chart-legend.tsx';
import { ChartWindowSelect } from './chart-window-select.tsx';
import { ChartLookForm } from './chart-look-form.tsx';
import { ChartBands, ChartThresholds } from './chart-marks.tsx';
import { ChartStats } from './chart-stats.tsx';
import { formatValue } from '../chart-format.ts';
import './live-chart.css';

/** As many lines as a user may pick for one chart: one per colour of the palette. */
const MAX_CHOSEN_LINES = 20;

/** A line's width in pixels, stroked or filled as an envelope. */
const LINE_WIDTH = 1.8;

const MARGIN = { top: 8, right: 14, bottom: 20, left: 54 };

interface LiveChartProps {
  spec: ChartSpec;
  /**
   * Whether the min, average, max and last of each line are shown (default yes); a widget too
   * short for them leaves them out rather than hiding them, so each redraw skips their table.
   */
  withStats?: boolean;
  snapshot: SeriesSnapshot | undefined;
  /** Draw exactly these topics, or (null) the first to arrive. */
  onChooseTopics: (topics: string[] | null) => void;
  /** The window shown while live, in ms. */
  windowMs: number;
  onWindow: (windowMs: number) => void;
  /** Changes the style, the threshold lines or the bands (what `patch` names). */
  onLook: (patch: Partial<ChartLook>) => void;
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

const formatTick = (value: number) => String(Number(value.toFixed(3)));

/** A file name for what is exported from the chart, e.g. `Room-temperature-2026-….csv`. */
function exportName(title: string, extension: string): string {
  const name = title.replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '') || 'chart';
  return `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.${extension}`;
}

/**
 * One chart: a line per matching topic, redrawn only when a new snapshot arrives.
 * Drawn on recharts' Surface with our own scales and path strings rather than its LineChart
 * (30 to 50 ms per update on a 2-core machine, bench/profile.ts) or its Curve (a point object
 * per point and d3's generator: most of a 24-hour redraw, bench case chart-24h).
 */
function LiveChart(props: LiveChartProps) {
  const { spec, snapshot, onChooseTopics, windowMs, onWindow, onLook, view, onView } = props;
  const withStats = props.withStats ?? true;
  const [editingLook, setEditingLook] = useState(false);
  const [png, setPng] = useState<
    { state: 'idle' } | { state: 'drawing' } | { state: 'failed'; reason: string }
  >({ state: 'idle' });
  const figureRef = useRef<HTMLElement>(null);
  const look = useMemo(
    () => chartLookOf({ style: spec.style, thresholds: spec.thresholds, bands: spec.bands }),
    [spec.style, spec.thresholds, spec.bands],
  );
  // A few numbers, recomputed only when the look changes, never per point or per frame.
  const keptInView = useMemo(() => lookValues(look), [look]);
  const [plot, attachPlot] = useElementSize<HTMLDivElement>();
  const [hoverX, setHoverX] = useState<number | null>(null);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const zoomed = view?.range;
  const [off, setOff] = useState<ReadonlySet<string>>(() => new Set());
  const scheme = useColorScheme();
  /** Lines are switched off by key: one topic may draw a line in each of several series. */
  const toggle = (key: string) =>
    setOff((before) => {
      const next = new Set(before);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  const { filter, jsonPath, seriesName, extraSeries } = spec;
  const named = useMemo(
    () => ({ filter, jsonPath, seriesName, extraSeries }),
    [filter, jsonPath, seriesName, extraSeries],
  );
  const lines = useMemo(() => {
    const snapshotLines = snapshot?.lines ?? [];
    const labels = lineLabels(named, snapshotLines);
    const several = (named.extraSeries?.length ?? 0) > 0;
    return snapshotLines.map((line, index) => ({
      ...line,
      key: lineKey(line.topic, line.source ?? 0),
      label: visibleText(labels[index] ?? line.topic),
      ...(several ? { series: seriesLabel(named, line.source ?? 0) } : {}),
      color: lineColor(index, scheme),
      last: line.stats?.last,
    }));
  }, [snapshot, named, scheme]);
  const describeLine = useCallback((key: string) => describeLineKey(named, key), [named]);

  const shown = useMemo(() => lines.filter((line) => !off.has(line.key)), [lines, off]);

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

  // The span asked for: the zoom, or the window (from the oldest point while it fills, so the
  // lines do not start as a sliver at the right edge). All lines count, drawn or switched off,
  // so toggling one never moves the axis.
  const timeDomain = useMemo(() => {
    if (!snapshot || !(snapshot.to > snapshot.from)) return extent(shown.map((line) => line.times));
    const asked = { from: snapshot.from, to: snapshot.to };
    let oldest = Infinity;
    for (const line of snapshot.lines) oldest = Math.min(oldest, line.times[0] ?? Infinity);
    const { from, to } = zoomed ? asked : liveSpan(asked, oldest);
    return { min: from, max: to };
  }, [snapshot, shown, zoomed]);

  const geometry = useMemo(() => {
    // A zoom on a span with no points still draws its axes (and can be panned out of).
    // Thresholds and band ends are always in view, so the user sees how far the lines are from them.
    const valueDomain = extent([...shown.map((line) => line.values), keptInView]) ?? {
      min: 0,
      max: 1,
    };
    if (!timeDomain || plot.width === 0) return null;
    const { domain, ticks: valueTicks } = niceDomain(roomForOpenBands(valueDomain, look.bands));
    const x = linearScale(timeDomain, MARGIN.left, plot.width - MARGIN.right);
    const y = linearScale(domain, plot.height - MARGIN.bottom, MARGIN.top);
    // Path strings straight from the typed arrays: no point objects per redraw (chart-path.ts).
    const shape = look.style === 'step' ? 'step' : 'line';
    // A line with a point or more per pixel column is filled as its min/max envelope: the same
    // pixels as a stroke, at a fraction of the raster cost (chart-path.ts, bench chart-24h).
    const plotWidth = plot.width - MARGIN.left - MARGIN.right;
    const paths = shown.map((line) =>
      line.times.length >= plotWidth
        ? { dense: true, ...envelopePaths(line.times, line.values, x, y, LINE_WIDTH / 2) }
        : { dense: false, fill: '', connectors: linePath(line.times, line.values, x, y, shape) },
    );
    const baseY = plot.height - MARGIN.bottom;
    const areas =
      look.style === 'area'
        ? shown.map((line) => areaPath(line.times, line.values, x, y, baseY))
        : [];
    const width = plot.width - MARGIN.left - MARGIN.right;
    const times = axisTicks(timeDomain.min, timeDomain.max, width);
    const bands = look.bands.flatMap((band) => {
      const inView = bandInDomain(band, domain);
      return inView ? [{ band, top: y(inView.max), bottom: y(inView.min) }] : [];
    });
    return { timeDomain, valueTicks, timeTicks: times, x, y, paths, areas, bands };
  }, [shown, plot.width, plot.height, timeDomain, keptInView, look.bands, look.style]);

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
    link.download = exportName(spec.title, 'csv');
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  };

  /** Draws the plot, its title and legend names into a PNG; the drawing code loads on click. */
  const exportPng = async () => {
    const svg = figureRef.current?.querySelector<SVGSVGElement>('.chart-plot svg');
    if (!svg) return;
    setPng({ state: 'drawing' });
    try {
      const { chartPng } = await import('../chart-png.ts');
      const blob = await chartPng(svg, {
        title: spec.title,
        legend: shown.map((line) => ({ label: line.label, color: line.color })),
        scale: window.devicePixelRatio || 1,
      });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = exportName(spec.title, 'png');
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 0);
      setPng({ state: 'idle' });
    } catch (error) {
      setPng({ state: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
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
        key: line.key,
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
      return { key: line.key, label: line.label, color: line.color, value: line.values[index] };
    });
    return { x: geometry.x(time), time, readings };
  }

  const onMouseMove = (event: MouseEvent<HTMLDivElement>) =>
    setHoverX(event.clientX - event.currentTarget.getBoundingClientRect().left);

  return (
    <figure
      ref={figureRef}
      className="chart"
      aria-label={`Chart ${spec.title}`}
      data-style={look.style}
      data-points={pointCount}
      data-lines={shown.length}
      data-span-ms={span ? span.to - span.from : undefined}
      data-window-ms={zoomed ? undefined : windowMs}
    >
      <div className="chart-toolbar" role="toolbar" aria-label={`View of ${spec.title}`}>
        <ChartWindowSelect
          className="chart-window"
          value={windowMs}
          onChange={(next) => {
            onWindow(next);
            backToLive();
          }}
        />
        <label className="chart-window">
          <span>Style</span>
          <select
            value={look.style}
            onChange={(event) => {
              if (isChartStyle(event.target.value)) onLook({ style: event.target.value });
            }}
          >
            {CHART_STYLES.map((option) => (
              <option key={option.value} value={option.value}>
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
            aria-expanded={editingLook}
            aria-label={`Lines and bands of ${spec.title}`}
            title="Threshold lines at values and coloured bands between values"
            onClick={() => setEditingLook((open) => !open)}
          >
            Lines &amp; bands
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
          <button
            type="button"
            className="button-ghost"
            aria-label={`Export PNG of ${spec.title}`}
            title="Export the chart as a PNG image"
            disabled={!geometry || png.state === 'drawing'}
            onClick={() => void exportPng()}
          >
            PNG
          </button>
          {zoomed && (
            <button type="button" className="button-secondary" onClick={backToLive}>
              Back to live
            </button>
          )}
        </span>
      </div>
      {png.state === 'failed' && (
        <p className="form-error" role="alert">
          The PNG could not be drawn: {png.reason}
        </p>
      )}
      {editingLook && (
        <ChartLookForm
          title={spec.title}
          thresholds={look.thresholds}
          bands={look.bands}
          onSave={(patch) => {
            onLook(patch);
            setEditingLook(false);
          }}
          onCancel={() => setEditingLook(false)}
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
                <ChartBands
                  bands={geometry.bands}
                  left={MARGIN.left}
                  right={plot.width - MARGIN.right}
                />
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
                {/* Fills first, all behind every line; translucent so the lines behind show. */}
                {geometry.areas.map((area, index) => (
                  <path
                    key={shown[index]?.key ?? index}
                    className="chart-area-fill"
                    d={area}
                    stroke="none"
                    fill={shown[index]?.color}
                    fillOpacity={0.16}
                  />
                ))}
                {geometry.paths.map(({ dense, fill, connectors }, index) => (
                  <g key={shown[index]?.key ?? index} className="chart-line-group">
                    {dense && (
                      <path
                        className="chart-line chart-line-dense"
                        d={fill}
                        fill={shown[index]?.color}
                        stroke="none"
                      />
                    )}
                    {connectors && (
                      <path
                        className={dense ? 'chart-line-bridge' : 'chart-line'}
                        d={connectors}
                        stroke={shown[index]?.color}
                        strokeWidth={LINE_WIDTH}
                        strokeLinejoin="bevel"
                        fill="none"
                      />
                    )}
                  </g>
                ))}
                {/* Over the lines, so a label is never hidden under an area. */}
                <ChartThresholds
                  thresholds={look.thresholds}
                  left={MARGIN.left}
                  right={plot.width - MARGIN.right}
                  top={MARGIN.top}
                  y={geometry.y}
                  format={(value) => formatValue(value, spec.unit)}
                />
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
      {withStats && lines.length > 0 && (
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
          describe={describeLine}
          maxChosen={MAX_CHOSEN_LINES}
        />
      )}
    </figure>
  );
}

export default memo(LiveChart);
