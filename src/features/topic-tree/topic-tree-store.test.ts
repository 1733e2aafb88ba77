import { describe, expect, it } from 'vitest';
import type { ConnectionHandle } from '../../services/mqtt/index.ts';
import { createTopicTreeStore } from './topic-tree-store.ts';

/** A handle that only records what the tree store tells the worker. */
function recordingHandle() {
  const sent: string[] = [];
  const handle = {
    connectionId: 'c1',
    expandTopics: (paths: string[]) => sent.push(`expand ${paths.join(',')}`),
    searchTopics: (text: string) => sent.push(`search ${text}`),
  } as Partial<ConnectionHandle> as ConnectionHandle;
  return { handle, sent };
}

describe('createTopicTreeStore', () => {
  it('tells the worker what to search for, and only when it changes', () => {
    const { handle, sent } = recordingHandle();
    const store = createTopicTreeStore(handle);
    store.setSearch('temp');
    store.setSearch('temp');
    store.setSearch('');
    expect(sent).toEqual(['expand ', 'search temp', 'search ']);
  });

  it('keeps the open branches apart from the search', () => {
    const { handle, sent } = recordingHandle();
    const store = createTopicTreeStore(handle);
    store.toggle('plant');
    store.setSearch('a');
    expect(store.getState()).toMatchObject({ expanded: ['plant'], search: 'a' });
    expect(sent).toEqual(['expand ', 'expand plant', 'search a']);
  });
});
