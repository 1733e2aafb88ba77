import type { ConnectionHandle } from '../../services/mqtt/index.ts';
import type { ChartSpec, ChartsStore } from './charts-store.ts';

const sameSource = (a: ChartSpec, b: ChartSpec) =>
  a.connectionId === b.connectionId &&
  a.filter === b.filter &&
  a.jsonPath === b.jsonPath &&
  (a.topics ?? []).join('\n') === (b.topics ?? []).join('\n') &&
  (a.topics === undefined) === (b.topics === undefined);

/** Keeps the worker watching exactly the series that the charts show, each on its connection. */
export function syncChartsWithWorker(
  store: ChartsStore,
  handleFor: (connectionId: string) => ConnectionHandle,
): () => void {
  let watched = new Map<string, ChartSpec>();
  const sync = (charts: ChartSpec[]) => {
    const next = new Map(charts.map((chart) => [chart.id, chart]));
    for (const [id, chart] of watched) {
      const kept = next.get(id);
      if (!kept || !sameSource(kept, chart)) handleFor(chart.connectionId).unwatchSeries(id);
    }
    for (const [id, chart] of next) {
      const before = watched.get(id);
      if (!before || !sameSource(before, chart)) {
        handleFor(chart.connectionId).watchSeries(
          chart.id,
          chart.filter,
          chart.jsonPath,
          chart.topics,
        );
      }
    }
    watched = next;
  };
  sync(store.getState().charts);
  return store.subscribe((state, previous) => {
    if (state.charts !== previous.charts) sync(state.charts);
  });
}
