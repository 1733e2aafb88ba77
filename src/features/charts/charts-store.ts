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

interface ChartsState {
  charts: ChartSpec[];
  snapshots: Record<string, SeriesSnapshot>;
}

export const chartsStore = createStore<ChartsState>()(
  persist(() => ({ charts: [] as ChartSpec[], snapshots: {} as Record<string, SeriesSnapshot> }), {
    name: 'mqtt-scope:charts',
    partialize: ({ charts }) => ({ charts }),
  }),
);

let nextId = 0;
export function newChartId(): string {
  nextId += 1;
  return `chart-${Date.now().toString(36)}-${nextId}`;
}

export function addChart(spec: Omit<ChartSpec, 'id'>): ChartSpec {
  const chart = { ...spec, id: newChartId() };
  chartsStore.setState(({ charts }) => ({ charts: [...charts, chart] }));
  return chart;
}

export function removeChart(id: string): void {
  chartsStore.setState(({ charts, snapshots }) => {
    const { [id]: _removed, ...rest } = snapshots;
    return { charts: charts.filter((chart) => chart.id !== id), snapshots: rest };
  });
}

export function replaceCharts(charts: ChartSpec[]): void {
  chartsStore.setState({ charts, snapshots: {} });
}

export function applySnapshots(series: SeriesSnapshot[]): void {
  if (series.length === 0) return;
  chartsStore.setState(({ snapshots }) => {
    const next = { ...snapshots };
    for (const snapshot of series) next[snapshot.seriesId] = snapshot;
    return { snapshots: next };
  });
}
