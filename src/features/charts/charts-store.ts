import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { KeyValueStorage } from '../../core/guarded-storage.ts';
import type { SeriesSnapshot } from '../../services/mqtt/index.ts';

export interface ChartSpec {
  id: string;
  /** The connection whose messages the chart reads. */
  connectionId: string;
  title: string;
  /** Topic filter; each matching topic becomes one line. */
  filter: string;
  /** Where the number is in a JSON payload; empty when the payload itself is the number. */
  jsonPath: string;
  unit: string;
  /** The topics the user chose to draw; absent draws the first that arrive. */
  topics?: string[];
}

export interface ChartsState {
  charts: ChartSpec[];
}

export type ChartsStore = StoreApi<ChartsState>;
/** What the worker drew; live only, so a redraw never writes to localStorage. */
export type ChartDataStore = StoreApi<{ snapshots: Record<string, SeriesSnapshot> }>;

export const CHARTS_STORAGE_VERSION = 1;

function isChartSpec(value: unknown): value is ChartSpec {
  const spec = value as Partial<ChartSpec> | null;
  return (
    typeof spec === 'object' &&
    spec !== null &&
    ['id', 'connectionId', 'title', 'filter', 'jsonPath', 'unit'].every(
      (key) => typeof (spec as Record<string, unknown>)[key] === 'string',
    ) &&
    (spec.topics === undefined ||
      (Array.isArray(spec.topics) && spec.topics.every((topic) => typeof topic === 'string')))
  );
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
        const kept = charts.filter(isChartSpec);
        if (kept.length < charts.length) onDropped(charts.length - kept.length);
        return { ...current, charts: kept };
      },
    }),
  );
}

export function createChartDataStore(): ChartDataStore {
  return createStore(() => ({ snapshots: {} as Record<string, SeriesSnapshot> }));
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

export function removeChart(store: ChartsStore, data: ChartDataStore, id: string): void {
  store.setState(({ charts }) => ({ charts: charts.filter((chart) => chart.id !== id) }));
  data.setState(({ snapshots }) => {
    const { [id]: _removed, ...rest } = snapshots;
    return { snapshots: rest };
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
