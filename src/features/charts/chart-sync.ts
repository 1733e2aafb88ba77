import type { ConnectionHandle, SeriesSource, SeriesView } from '../../services/mqtt/index.ts';
import { chartWindow } from './charts-store.ts';
import type { ChartDataStore, ChartSpec, ChartView, ChartsStore } from './charts-store.ts';

const sameSource = (a: ChartSpec, b: ChartSpec) =>
  a.connectionId === b.connectionId &&
  a.filter === b.filter &&
  a.jsonPath === b.jsonPath &&
  (a.topics ?? []).join('\n') === (b.topics ?? []).join('\n') &&
  (a.topics === undefined) === (b.topics === undefined) &&
  sameSources(a.extraSeries, b.extraSeries);

/** Extra series read the same topics and fields (their names only label the lines). */
function sameSources(a: ChartSpec['extraSeries'], b: ChartSpec['extraSeries']): boolean {
  return JSON.stringify(sourcesOf(a)) === JSON.stringify(sourcesOf(b));
}

const sourcesOf = (series: ChartSpec['extraSeries']): SeriesSource[] =>
  (series ?? []).map(({ filter, jsonPath }) => ({ filter, jsonPath }));

/** What the worker is asked to send for a chart: its saved window, its width and any zoom. */
function seriesView(chart: ChartSpec, view: ChartView | undefined): SeriesView {
  const shown: SeriesView = { windowMs: chartWindow(chart), points: view?.points || 900 };
  return view?.range ? { ...shown, range: view.range } : shown;
}

const sameView = (a: SeriesView, b: SeriesView) =>
  a.windowMs === b.windowMs &&
  a.points === b.points &&
  a.range?.from === b.range?.from &&
  a.range?.to === b.range?.to;

/** Charts from one place (the Charts panel, a dashboard), and word when they change. */
export interface ChartList {
  current(): readonly ChartSpec[];
  subscribe(onChange: () => void): () => void;
}

/** The charts of the Charts panel. */
export function savedCharts(store: ChartsStore): ChartList {
  return {
    current: () => store.getState().charts,
    subscribe: (onChange) =>
      store.subscribe((state, previous) => {
        if (state.charts !== previous.charts) onChange();
      }),
  };
}

/**
 * Keeps the worker watching exactly the series that the charts show, each on its connection,
 * with the window, width and zoom each chart shows (a new view keeps the worker's history).
 * Each list is synced on its own and touches only the series of its own charts.
 */
export function syncChartsWithWorker(
  list: ChartList,
  handleFor: (connectionId: string) => ConnectionHandle,
  data?: ChartDataStore,
): () => void {
  let watched = new Map<string, { chart: ChartSpec; view: SeriesView }>();
  const sync = () => {
    const charts = list.current();
    const views = data?.getState().views ?? {};
    const next = new Map(
      charts.map((chart) => [chart.id, { chart, view: seriesView(chart, views[chart.id]) }]),
    );
    for (const [id, { chart }] of watched) {
      const kept = next.get(id);
      if (!kept || !sameSource(kept.chart, chart)) handleFor(chart.connectionId).unwatchSeries(id);
    }
    for (const [id, { chart, view }] of next) {
      const before = watched.get(id);
      if (!before || !sameSource(before.chart, chart) || !sameView(before.view, view)) {
        handleFor(chart.connectionId).watchSeries(
          chart.id,
          chart.filter,
          chart.jsonPath,
          chart.topics,
          view,
          sourcesOf(chart.extraSeries),
        );
      }
    }
    watched = next;
  };
  sync();
  const stopCharts = list.subscribe(sync);
  const stopViews = data?.subscribe((state, previous) => {
    if (state.views !== previous.views) sync();
  });
  return () => {
    stopCharts();
    stopViews?.();
  };
}
