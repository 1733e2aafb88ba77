import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../../../../core/test-storage.ts';
import { syncChartsWithWorker } from '../../../charts/chart-sync.ts';
import { createChartDataStore } from '../../../charts/charts-store.ts';
import type { ConnectionHandle } from '../../../../services/mqtt/index.ts';
import { readWidget } from '../../dashboard-model.ts';
import type { WidgetSpec } from '../../dashboard-model.ts';
import {
  addDashboard,
  createDashboardStore,
  loadDashboards,
  newWidget,
  saveWidget,
  shownDashboard,
  updateWidget,
  DASHBOARDS_STORAGE_KEY,
} from '../../dashboard-store.ts';
import { shownChartWidgets } from '../../widget-sync.ts';
import { chartOfWidget } from './chart-spec.ts';

type ChartWidget = Extract<WidgetSpec, { kind: 'chart' }>;
const chartWidget: ChartWidget = {
  ...(newWidget('chart', 'c1') as ChartWidget),
  id: 'w-chart',
  title: 'Temperature',
  filter: 'plant/+/temperature',
  unit: '°C',
};

describe('a time chart widget', () => {
  it('reads back from saved JSON, and refuses a window it does not offer or a bad topic list', () => {
    const saved: unknown = JSON.parse(
      JSON.stringify({ ...chartWidget, topics: ['plant/a/temperature'] }),
    );
    expect(readWidget(saved)).toEqual({ ...chartWidget, topics: ['plant/a/temperature'] });
    expect(() => readWidget({ ...chartWidget, windowMs: 1234 })).toThrow(
      /"windowMs" must be one of/,
    );
    expect(() => readWidget({ ...chartWidget, topics: 'plant/a' })).toThrow(
      /"topics" must be a list/,
    );
    expect(() => readWidget({ ...chartWidget, topics: [''] })).toThrow(/"topics"/);
    // Its look is the Charts panel chart's: read the same way, refused the same way.
    const look = {
      style: 'area',
      thresholds: [{ value: 30, color: '#ff0000', label: 'alarm' }],
      bands: [{ from: 18, to: 24, color: '#00aa00' }],
    };
    expect(readWidget({ ...chartWidget, ...look })).toEqual({ ...chartWidget, ...look });
    expect(() =>
      readWidget({ ...chartWidget, bands: [{ from: 5, to: 1, color: '#00aa00' }] }),
    ).toThrow(/"bands"/);
  });

  it('is the Charts panel chart for the chart sync: same filter, field, unit and window', () => {
    expect(chartOfWidget({ ...chartWidget, windowMs: 3_600_000 })).toEqual({
      id: 'w-chart',
      connectionId: 'c1',
      title: 'Temperature',
      filter: 'plant/+/temperature',
      jsonPath: '',
      unit: '°C',
      windowMs: 3_600_000,
    });
    // Untitled, it is named by what it reads.
    expect(chartOfWidget({ ...chartWidget, title: '' }).title).toBe('plant/+/temperature');
  });

  it('saves a changed window and chosen lines, and forgets the choice when it goes back', () => {
    const { storage } = memoryStorage();
    const store = createDashboardStore(storage, loadDashboards(storage).state);
    addDashboard(store, 'Main');
    saveWidget(store, chartWidget);
    updateWidget(store, chartWidget, { windowMs: 900_000, topics: ['plant/a/temperature'] });
    const reloaded = loadDashboards(storage).state.dashboards[0]?.widgets[0];
    expect(reloaded).toMatchObject({ windowMs: 900_000, topics: ['plant/a/temperature'] });
    updateWidget(store, chartWidget, { topics: undefined });
    expect(storage.getItem(DASHBOARDS_STORAGE_KEY)).not.toContain('"topics"');
  });

  it('changes a shared dashboard in memory only', () => {
    const { storage } = memoryStorage();
    const store = createDashboardStore(storage, loadDashboards(storage).state);
    store.setState({ shared: { id: 'link', name: 'Shared', widgets: [chartWidget] } });
    updateWidget(store, chartWidget, { windowMs: 60_000 });
    expect(shownDashboard(store.getState())?.widgets[0]).toMatchObject({ windowMs: 60_000 });
    expect(storage.getItem(DASHBOARDS_STORAGE_KEY)).toBeNull();
  });

  it('has the worker watch its series while shown, and stop when removed or hidden', () => {
    const { storage } = memoryStorage();
    const store = createDashboardStore(storage, loadDashboards(storage).state);
    const calls: string[] = [];
    const handle = {
      watchSeries: (id: string, filter: string) => calls.push(`watch ${id} ${filter}`),
      unwatchSeries: (id: string) => calls.push(`unwatch ${id}`),
    } as unknown as ConnectionHandle;
    syncChartsWithWorker(shownChartWidgets(store), () => handle, createChartDataStore());
    const main = addDashboard(store, 'Main');
    saveWidget(store, chartWidget);
    saveWidget(store, {
      ...newWidget('gauge', 'c1'),
      id: 'w-gauge',
      filter: 'plant/a/temperature',
    });
    expect(calls).toEqual(['watch w-chart plant/+/temperature']);
    addDashboard(store, 'Empty');
    expect(calls.at(-1)).toBe('unwatch w-chart');
    store.setState({ activeId: main.id });
    expect(calls.at(-1)).toBe('watch w-chart plant/+/temperature');
  });
});
