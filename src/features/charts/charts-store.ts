import { createStore } from 'zustand/vanilla';
import { persist } from 'zustand/middleware';
import type { SeriesSnapshot } from '../../services/mqtt/index.ts';

export interface ChartSpec {
  id: string;
  title: string;
  /** Topic filter; each matching topic becomes one line. */
  filter: string;
  /** Where the number is in a JSON payload; empty when the payload itself is the number. */
  jsonPath: string;
  unit: string;
}

/** What the user set up; saved. */
export const chartsStore = createStore<{ charts: ChartSpec[] }>()(
  persist(() => ({ charts: [] as ChartSpec[] }), { name: 'mqtt-scope:charts' }),
);

/** What the worker drew; live only, so a redraw never writes to localStorage. */
export const chartDataStore = createStore<{ snapshots: Record<string, SeriesSnapshot> }>()(() => ({
  snapshots: {},
}));

let nextId = 0;
function newChartId(): string {
  nextId += 1;
  return `chart-${Date.now().toString(36)}-${nextId}`;
}

export function addChart(spec: Omit<ChartSpec, 'id'>): ChartSpec {
  const chart = { ...spec, id: newChartId() };
  chartsStore.setState(({ charts }) => ({ charts: [...charts, chart] }));
  return chart;
}

export function removeChart(id: string): void {
  chartsStore.setState(({ charts }) => ({ charts: charts.filter((chart) => chart.id !== id) }));
  chartDataStore.setState(({ snapshots }) => {
    const { [id]: _removed, ...rest } = snapshots;
    return { snapshots: rest };
  });
}

export function applySnapshots(series: SeriesSnapshot[]): void {
  if (series.length === 0) return;
  chartDataStore.setState(({ snapshots }) => {
    const next = { ...snapshots };
    for (const snapshot of series) next[snapshot.seriesId] = snapshot;
    return { snapshots: next };
  });
}
