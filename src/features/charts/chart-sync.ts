import type { MqttService } from '../../services/mqtt/index.ts';
import { chartsStore } from './charts-store.ts';
import type { ChartSpec } from './charts-store.ts';

/** Keeps the worker watching exactly the series that the charts show. Returns a stop function. */
export function syncChartsWithSession(service: MqttService): () => void {
  let watched = new Map<string, ChartSpec>();
  const sync = (charts: ChartSpec[]) => {
    const next = new Map(charts.map((chart) => [chart.id, chart]));
    for (const [id, chart] of watched) {
      const kept = next.get(id);
      if (!kept || kept.filter !== chart.filter || kept.jsonPath !== chart.jsonPath)
        service.unwatchSeries(id);
    }
    for (const [id, chart] of next) {
      const before = watched.get(id);
      if (!before || before.filter !== chart.filter || before.jsonPath !== chart.jsonPath) {
        service.watchSeries(id, chart.filter, chart.jsonPath);
      }
    }
    watched = next;
  };
  sync(chartsStore.getState().charts);
  return chartsStore.subscribe((state, previous) => {
    if (state.charts !== previous.charts) sync(state.charts);
  });
}
