import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../../core/test-storage.ts';
import type { ConnectionHandle, SeriesView } from '../../services/mqtt/index.ts';
import { savedCharts, syncChartsWithWorker } from './chart-sync.ts';
import {
  DEFAULT_CHART_WINDOW_MS,
  addChart,
  chartWindow,
  chooseChartTopics,
  createChartDataStore,
  createChartsStore,
  setChartLook,
  setChartView,
  setChartWindow,
} from './charts-store.ts';

const spec = { connectionId: 'p1', title: 't', filter: 'a/+', jsonPath: '', unit: '' };

describe('the lines a chart draws', () => {
  it('are saved when the user picks them, and forgotten when they reset', () => {
    const { storage } = memoryStorage();
    const store = createChartsStore(() => 'legacy', undefined, storage);
    const chart = addChart(store, spec);
    chooseChartTopics(store, chart.id, ['a/2', 'a/9']);
    const reloaded = createChartsStore(() => 'legacy', undefined, storage);
    expect(reloaded.getState().charts[0]?.topics).toEqual(['a/2', 'a/9']);
    chooseChartTopics(store, chart.id, null);
    expect(store.getState().charts[0]).not.toHaveProperty('topics');
  });

  it('drop a saved chart whose picked topics are not text, and tell the user', () => {
    const { storage } = memoryStorage({
      'mqtt-scope:charts': JSON.stringify({
        state: {
          charts: [
            { ...spec, id: 'c1', topics: [1, 2] },
            { ...spec, id: 'c2' },
          ],
        },
        version: 1,
      }),
    });
    let dropped = 0;
    const store = createChartsStore(
      () => 'legacy',
      (count) => (dropped += count),
      storage,
    );
    expect(store.getState().charts.map((c) => c.id)).toEqual(['c2']);
    expect(dropped).toBe(1);
  });
});

describe('the window a chart shows', () => {
  it('is saved with the chart, and a chart saved before windows existed shows the default', () => {
    const { storage } = memoryStorage({
      'mqtt-scope:charts': JSON.stringify({
        state: { charts: [{ ...spec, id: 'old' }] },
        version: 1,
      }),
    });
    const store = createChartsStore(() => 'legacy', undefined, storage);
    const old = store.getState().charts[0];
    expect(old && chartWindow(old)).toBe(DEFAULT_CHART_WINDOW_MS);
    setChartWindow(store, 'old', 3_600_000);
    const reloaded = createChartsStore(() => 'legacy', undefined, storage);
    const saved = reloaded.getState().charts[0];
    expect(saved && chartWindow(saved)).toBe(3_600_000);
    // A window that is not one of the choices reads as the default.
    expect(chartWindow({ ...spec, id: 'x', windowMs: 1234 })).toBe(DEFAULT_CHART_WINDOW_MS);
  });
});

describe('syncChartsWithWorker', () => {
  it('sends a new view without dropping the history, and a new source afresh', () => {
    const calls: string[] = [];
    const handle = {
      watchSeries: (id: string, _f: string, _p: string, _t?: string[], view?: SeriesView) =>
        calls.push(`watch ${id} ${view?.windowMs} ${view?.points} ${view?.range?.from ?? 'live'}`),
      unwatchSeries: (id: string) => calls.push(`unwatch ${id}`),
    } as unknown as ConnectionHandle;
    const { storage } = memoryStorage();
    const store = createChartsStore(() => 'legacy', undefined, storage);
    const data = createChartDataStore();
    const stop = syncChartsWithWorker(savedCharts(store), () => handle, data);
    const chart = addChart(store, spec);
    setChartView(data, chart.id, { points: 800 });
    setChartWindow(store, chart.id, 60_000);
    setChartView(data, chart.id, { range: { from: 1, to: 2 } });
    setChartView(data, chart.id, { range: undefined });
    store.setState(({ charts }) => ({ charts: charts.map((c) => ({ ...c, filter: 'b/+' })) }));
    stop();
    const id = chart.id;
    expect(calls).toEqual([
      `watch ${id} 300000 900 live`,
      `watch ${id} 300000 800 live`,
      `watch ${id} 60000 800 live`,
      `watch ${id} 60000 800 1`,
      `watch ${id} 60000 800 live`,
      `unwatch ${id}`,
      `watch ${id} 60000 800 live`,
    ]);
  });
});

describe('the look of a chart', () => {
  const red = '#dc2626';
  const saved = (charts: unknown[]) =>
    memoryStorage({ 'mqtt-scope:charts': JSON.stringify({ state: { charts }, version: 1 }) });

  it('saves style, threshold lines and bands across a reload, and forgets defaults', () => {
    const { storage } = memoryStorage();
    const store = createChartsStore(() => 'legacy', undefined, storage);
    const chart = addChart(store, spec);
    const thresholds = [
      { value: 25, color: red, label: 'alarm' },
      { value: 10, color: '#2563eb' },
    ];
    const bands = [{ from: 18, to: 24, color: '#22c55e', label: 'normal' }];
    setChartLook(store, chart.id, { style: 'step', thresholds });
    setChartLook(store, chart.id, { bands });
    const reloaded = createChartsStore(() => 'legacy', undefined, storage).getState().charts[0];
    expect(reloaded).toMatchObject({ style: 'step', thresholds, bands });
    setChartLook(store, chart.id, { style: 'line', thresholds: [], bands: [] });
    const plain = store.getState().charts[0];
    expect(plain).not.toHaveProperty('style');
    expect(plain).not.toHaveProperty('thresholds');
    expect(plain).not.toHaveProperty('bands');
  });

  it('reads the single threshold of a chart saved by an earlier version as its only line', () => {
    const { storage } = saved([{ ...spec, id: 'old', threshold: { value: 25, color: red } }]);
    const store = createChartsStore(() => 'legacy', undefined, storage);
    const old = store.getState().charts[0];
    expect(old?.thresholds).toEqual([{ value: 25, color: red }]);
    expect(old).not.toHaveProperty('threshold');
  });

  it('drops a saved chart whose threshold or band is damaged, and tells the user', () => {
    const { storage } = saved([
      { ...spec, id: 'c1', threshold: { value: 'x', color: 'red' } },
      { ...spec, id: 'c2', bands: [{ from: 30, to: 20, color: red }] },
      { ...spec, id: 'c3', thresholds: [{ value: null, color: red }] },
      { ...spec, id: 'c4', style: 'pie' },
      { ...spec, id: 'ok', bands: [{ from: 30, color: red }] },
    ]);
    let dropped = 0;
    const loaded = createChartsStore(
      () => 'legacy',
      (n) => (dropped += n),
      storage,
    );
    expect(loaded.getState().charts.map((chart) => chart.id)).toEqual(['ok']);
    expect(dropped).toBe(4);
  });
});
