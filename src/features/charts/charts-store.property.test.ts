import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsedJson, recordOf } from '../../core/test-arbitraries.ts';
import { memoryStorage } from '../../core/test-storage.ts';
import { createChartsStore } from './charts-store.ts';

const FIELDS = ['id', 'connectionId', 'title', 'filter', 'jsonPath', 'unit'];
const good = { id: 'c1', connectionId: 'p1', title: 't', filter: 'a/#', jsonPath: 'v', unit: '°C' };
const chart = fc.oneof(
  recordOf(FIELDS).map((fields) => ({ ...good, ...fields })),
  parsedJson({ keys: FIELDS }),
  fc.constant(good),
);
const state = fc.oneof(
  fc.array(chart, { maxLength: 5 }).map((charts) => ({ charts })),
  parsedJson({ keys: ['charts', ...FIELDS] }),
);

describe('saved charts, for any stored JSON', () => {
  it('loading never throws: each chart is well-formed, and the user is told what was dropped', () => {
    fc.assert(
      fc.property(state, fc.constantFrom(0, 1, 2), (saved, version) => {
        const { storage } = memoryStorage({
          'mqtt-scope:charts': JSON.stringify({ state: saved, version }),
        });
        let told = 0;
        const store = createChartsStore(
          () => 'legacy',
          (count) => (told += count),
          storage,
        );
        const charts = store.getState().charts;
        for (const c of charts)
          for (const field of FIELDS)
            expect(typeof (c as unknown as Record<string, unknown>)[field]).toBe('string');
        const list = (saved as { charts?: unknown } | null)?.charts;
        expect(told).toBe(Array.isArray(list) ? list.length - charts.length : 0);
      }),
    );
  });
});
