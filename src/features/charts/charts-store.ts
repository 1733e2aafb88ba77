import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { KeyValueStorage } from '../../core/guarded-storage.ts';
import type { SeriesSnapshot } from '../../services/mqtt/index.ts';
import { readChartLook, withChartLook } from '../../core/chart-look.ts';
import type { ChartBand, ChartLook, ChartStyle, ChartThreshold } from '../../core/chart-look.ts';
import { readChartSeries, withChartSeries } from '../../core/chart-series.ts';
import type { ChartSeriesFields } from '../../core/chart-series.ts';

/** A chart: its own series (filter, field, unit), any more series (ChartSeriesFields), its look. */
export interface ChartSpec extends ChartSeriesFields {
  id: string;
  /** The connection whose messages the chart reads. */
  connectionId: string;
  title: string;
  /** Topic filter; each matching topic becomes one line. */
  filter: string;
  /** Where the number is in a JSON payload; empty when the payload itself is the number. */
  jsonPath: string;
  unit: string;
  /** The lines the user chose to draw (their keys, see core/chart-series); absent draws the first that arrive. */
  topics?: string[];
  /** How much time the chart shows, in ms (one of CHART_WINDOWS); absent is the default. */
  windowMs?: number;
  /** How the lines are drawn; absent is `line`. */
  style?: ChartStyle;
  /** Horizontal lines at values (at most MAX_THRESHOLDS); absent is none. */
  thresholds?: ChartThreshold[];
  /** Translucent bands between values, behind the lines; absent is none. */
  bands?: ChartBand[];
}

// The look is pure and shared with the dashboard's chart widget: defined in core, named here.
export type { ChartBand, ChartLook, ChartStyle, ChartThreshold } from '../../core/chart-look.ts';
export { isChartBand, isChartThreshold, readChartLook } from '../../core/chart-look.ts';

const MINUTE = 60_000;
/** The windows a chart offers, with their names. */
export const CHART_WINDOWS: readonly { ms: number; label: string }[] = [
  { ms: MINUTE, label: '1 min' },
  { ms: 5 * MINUTE, label: '5 min' },
  { ms: 15 * MINUTE, label: '15 min' },
  { ms: 60 * MINUTE, label: '1 h' },
  { ms: 6 * 60 * MINUTE, label: '6 h' },
  { ms: 24 * 60 * MINUTE, label: '24 h' },
];
/** What charts saved before windows existed show. */
export const DEFAULT_CHART_WINDOW_MS = 5 * MINUTE;

export const chartWindow = (spec: ChartSpec): number =>
  CHART_WINDOWS.some((option) => option.ms === spec.windowMs)
    ? (spec.windowMs as number)
    : DEFAULT_CHART_WINDOW_MS;

/** What a chart on screen shows besides its saved window: how wide it is, and any zoom. */
export interface ChartView {
  /** Points per line the plot can draw (about two per pixel column). */
  points: number;
  /** Zoomed and paused on this span; absent is live. */
  range?: { from: number; to: number };
}

export interface ChartsState {
  charts: ChartSpec[];
}

export type ChartsStore = StoreApi<ChartsState>;
/** What the worker drew; live only, so a redraw never writes to localStorage. */
export type ChartDataStore = StoreApi<{
  snapshots: Record<string, SeriesSnapshot>;
  /** Per chart id; live only, like the snapshots. */
  views: Record<string, ChartView>;
}>;

export const CHARTS_STORAGE_VERSION = 1;

/**
 * A saved chart as this version reads it, or null when it is damaged. A chart saved with the
 * single `threshold` of earlier versions comes back with it as its only entry of `thresholds`.
 */
function readChartSpec(value: unknown): ChartSpec | null {
  const spec = value as Partial<ChartSpec> | null;
  const wellFormed =
    typeof spec === 'object' &&
    spec !== null &&
    ['id', 'connectionId', 'title', 'filter', 'jsonPath', 'unit'].every(
      (key) => typeof (spec as Record<string, unknown>)[key] === 'string',
    ) &&
    (spec.topics === undefined ||
      (Array.isArray(spec.topics) && spec.topics.every((topic) => typeof topic === 'string'))) &&
    (spec.windowMs === undefined || typeof spec.windowMs === 'number');
  if (!wellFormed) return null;
  const look = readChartLook(spec as Record<string, unknown>);
  const series = readChartSeries(spec as Record<string, unknown>);
  if (!look || typeof series === 'string') return null;
  return withChartSeries(withChartLook(spec as ChartSpec, look), series);
}

/**
 * The charts the user set up, saved (in `storage`, localStorage unless given). Version 0 (one broker) had no connection on a chart:
 * those charts read the connection that the old single broker became.
 */
export function createChartsStore(
  legacyConnectionId: () => string,
  onDropped: (count: number) => void = () => undefined,
  storage?: KeyValueStorage,
): ChartsStore {
  return createStore<ChartsState>()(
    persist(() => ({ charts: [] as ChartSpec[] }), {
      name: 'mqtt-scope:charts',
      storage: createJSONStorage(() => storage ?? localStorage),
      version: CHARTS_STORAGE_VERSION,
      migrate: (saved, version) => {
        const charts = (saved as { charts?: unknown } | null)?.charts;
        if (version === 0 && Array.isArray(charts)) {
          return {
            charts: charts.map((chart: unknown) => ({
              ...(chart as object),
              connectionId: legacyConnectionId(),
            })),
          };
        }
        return saved as ChartsState;
      },
      merge: (saved, current) => {
        const charts = (saved as { charts?: unknown } | null)?.charts;
        if (!Array.isArray(charts)) return current;
        const kept = charts.map(readChartSpec).filter((chart) => chart !== null);
        if (kept.length < charts.length) onDropped(charts.length - kept.length);
        return { ...current, charts: kept };
      },
    }),
  );
}

export function createChartDataStore(): ChartDataStore {
  return createStore(() => ({
    snapshots: {} as Record<string, SeriesSnapshot>,
    views: {} as Record<string, ChartView>,
  }));
}

let nextId = 0;
function newChartId(): string {
  nextId += 1;
  return `chart-${Date.now().toString(36)}-${nextId}`;
}

export function addChart(store: ChartsStore, spec: Omit<ChartSpec, 'id'>): ChartSpec {
  const chart = { ...spec, id: newChartId() };
  store.setState(({ charts }) => ({ charts: [...charts, chart] }));
  return chart;
}

/** Draws exactly `topics` on the chart, or, with null, the first topics that arrive. */
export function chooseChartTopics(store: ChartsStore, id: string, topics: string[] | null): void {
  store.setState(({ charts }) => ({
    charts: charts.map((chart) => {
      if (chart.id !== id) return chart;
      const { topics: _previous, ...rest } = chart;
      return topics ? { ...rest, topics } : rest;
    }),
  }));
}

/** Saves the window a chart shows. */
export function setChartWindow(store: ChartsStore, id: string, windowMs: number): void {
  store.setState(({ charts }) => ({
    charts: charts.map((chart) => (chart.id === id ? { ...chart, windowMs } : chart)),
  }));
}

/** Changes how a chart looks: its style, threshold lines or bands (what `patch` names). */
export function setChartLook(store: ChartsStore, id: string, patch: Partial<ChartLook>): void {
  store.setState(({ charts }) => ({
    charts: charts.map((chart) => (chart.id === id ? withChartLook(chart, patch) : chart)),
  }));
}

/** Changes a chart's width or zoom (`range: undefined` goes back to live). */
export function setChartView(data: ChartDataStore, id: string, view: Partial<ChartView>): void {
  data.setState(({ views }) => {
    const before = views[id] ?? { points: 0 };
    const next: ChartView = { ...before, ...view };
    if ('range' in view && view.range === undefined) delete next.range;
    return { views: { ...views, [id]: next } };
  });
}

export function removeChart(store: ChartsStore, data: ChartDataStore, id: string): void {
  store.setState(({ charts }) => ({ charts: charts.filter((chart) => chart.id !== id) }));
  data.setState(({ snapshots, views }) => {
    const { [id]: _removed, ...rest } = snapshots;
    const { [id]: _view, ...otherViews } = views;
    return { snapshots: rest, views: otherViews };
  });
}

export function applySnapshots(data: ChartDataStore, series: readonly SeriesSnapshot[]): void {
  if (series.length === 0) return;
  data.setState(({ snapshots }) => {
    const next = { ...snapshots };
    for (const snapshot of series) next[snapshot.seriesId] = snapshot;
    return { snapshots: next };
  });
}
