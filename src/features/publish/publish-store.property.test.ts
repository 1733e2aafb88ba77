import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsedJson, recordOf } from '../../core/test-arbitraries.ts';
import { memoryStorage } from '../../core/test-storage.ts';
import { createPublishStore } from './publish-store.ts';

describe('the saved publish draft, for any stored JSON', () => {
  it('loading never throws, and gives a draft of the right types', () => {
    const FIELDS = ['topic', 'payload', 'mode', 'qos', 'retain'];
    const state = fc.oneof(
      recordOf(FIELDS, { values: [0, 1, 2, 3, 'a/b', true, 'hex', 'file', 'json'] }).map(
        (draft) => ({ draft }),
      ),
      parsedJson({ keys: ['draft', ...FIELDS] }),
    );
    fc.assert(
      fc.property(state, fc.constantFrom(0, 1, 2), (saved, version) => {
        const { storage } = memoryStorage({
          'mqtt-scope:publish': JSON.stringify({ state: saved, version }),
        });
        const { draft, history } = createPublishStore(storage).getState();
        expect(typeof draft.topic).toBe('string');
        expect(typeof draft.payload).toBe('string');
        expect([0, 1, 2]).toContain(draft.qos);
        expect(typeof draft.retain).toBe('boolean');
        // A file is never saved: a saved draft never comes back in file mode.
        expect(['text', 'json', 'hex', 'base64']).toContain(draft.mode);
        expect(history).toEqual([]);
      }),
    );
  });
});
