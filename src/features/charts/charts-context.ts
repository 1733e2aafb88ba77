import { createStoreContext } from '../../components/store-context.tsx';
import type { ChartDataStore, ChartSpec, ChartsStore } from './charts-store.ts';

/** A connection a chart may read, as the chart forms and cards name it. */
export interface ChartConnection {
  id: string;
  name: string;
  color: string;
}

export interface ChartsRuntime {
  charts: ChartsStore;
  data: ChartDataStore;
  /** Topics seen so far on a connection; read only while the add-chart form is open. */
  listTopics(connectionId: string): readonly string[];
  /** Puts a copy of the chart on the dashboard shown, as a widget. */
  addToDashboard(chart: ChartSpec): void;
}

export const ChartsContext = createStoreContext<ChartsRuntime>('ChartsContext');
