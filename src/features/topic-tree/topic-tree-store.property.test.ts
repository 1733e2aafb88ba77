import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsedJson } from '../../core/test-arbitraries.ts';
import { memoryStorage } from '../../core/test-storage.ts';
import type { ConnectionHandle } from '../../services/mqtt/index.ts';
import { createTopicTreeStore, topicTreeStorageKey } from './topic-tree-store.ts';

describe('saved open branches of the topic tree, for any stored JSON', () => {
  it('loading never throws, and opens only paths', () => {
    const state = fc.oneof(
      fc.array(parsedJson(), { maxLength: 5 }).map((expanded) => ({ expanded })),
      parsedJson({ keys: ['expanded'] }),
    );
    fc.assert(
      fc.property(state, fc.constantFrom(0, 1, 5), (saved, version) => {
        const { storage } = memoryStorage({
          [topicTreeStorageKey('c1')]: JSON.stringify({ state: saved, version }),
        });
        const opened: string[][] = [];
        const handle = {
          connectionId: 'c1',
          expandTopics: (paths: string[]) => opened.push(paths),
          searchTopics: () => undefined,
        } as unknown as ConnectionHandle;
        const store = createTopicTreeStore(handle, storage);
        for (const path of store.getState().expanded) expect(typeof path).toBe('string');
        expect(opened.at(-1)).toEqual(store.getState().expanded);
      }),
    );
  });
});
