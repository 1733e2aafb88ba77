import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../../core/test-storage.ts';
import { addChart, chooseChartTopics, createChartsStore } from './charts-store.ts';

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
