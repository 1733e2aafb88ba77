import type { ChartSpec } from '../features/charts/charts-store.ts';

/** The dashboard a first visit shows when the embedded simulator runs (see server/simulator.ts). */
export const DEMO_CHARTS: Omit<ChartSpec, 'id' | 'connectionId'>[] = [
  { title: 'Temperature', filter: 'demo/+/+/temperature', jsonPath: '', unit: '°C' },
  {
    title: 'Greenhouse humidity',
    filter: 'demo/greenhouse/+/telemetry',
    jsonPath: 'humidity',
    unit: '%',
  },
  {
    title: 'Warehouse pressure',
    filter: 'demo/warehouse/+/telemetry',
    jsonPath: 'pressure',
    unit: 'hPa',
  },
  { title: 'Battery', filter: 'demo/+/+/telemetry', jsonPath: 'battery', unit: '%' },
];
