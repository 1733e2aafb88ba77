import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { KeyValueStorage } from '../../core/guarded-storage.ts';
import type { ConnectionHandle, TopicTreeView } from '../../services/mqtt/index.ts';

export interface TopicTreeState {
  /** The paths the user opened, remembered across reloads. */
  expanded: string[];
  /** The rows the worker sent for those paths; live only. */
  view: TopicTreeView;
  /** The text the tree is searched by; not saved: a reload shows the whole tree. */
  search: string;
}

export type TopicTreeStore = StoreApi<TopicTreeState> & {
  toggle(path: string): void;
  expand(paths: string[]): void;
  setSearch(text: string): void;
};

const EMPTY_VIEW: TopicTreeView = {
  rows: [],
  hiddenRows: 0,
  totalTopics: 0,
  staleTopics: 0,
  filter: '',
  matchedTopics: 0,
};

export const topicTreeStorageKey = (connectionId: string) =>
  `mqtt-scope:topic-tree:${connectionId}`;

/**
 * One connection's topic tree; the worker is told which nodes are open whenever that changes.
 * The open nodes are saved in `storage` (localStorage unless given).
 */
export function createTopicTreeStore(
  handle: ConnectionHandle,
  storage?: KeyValueStorage,
): TopicTreeStore {
  const store = createStore<TopicTreeState>()(
    persist(
      () => ({
        expanded: [] as string[],
        view: EMPTY_VIEW,
        search: '',
      }),
      {
        name: topicTreeStorageKey(handle.connectionId),
        storage: createJSONStorage(() => storage ?? localStorage),
        version: 1,
        // Version 0 had the same shape; merge checks every field either way.
        migrate: (saved) => saved as never,
        partialize: ({ expanded }) => ({ expanded }),
        // A damaged entry opens the tree collapsed rather than failing.
        merge: (saved, current) => {
          const expanded = (saved as { expanded?: unknown } | null)?.expanded;
          const paths = Array.isArray(expanded)
            ? expanded.filter((p): p is string => typeof p === 'string')
            : [];
          return { ...current, expanded: paths };
        },
      },
    ),
  );
  handle.expandTopics(store.getState().expanded);
  store.subscribe((state, previous) => {
    if (state.expanded !== previous.expanded) handle.expandTopics(state.expanded);
    if (state.search !== previous.search) handle.searchTopics(state.search);
  });
  const setExpanded = (update: (expanded: string[]) => string[]) =>
    store.setState(({ expanded }) => ({ expanded: update(expanded) }));
  return Object.assign(store, {
    toggle: (path: string) =>
      setExpanded((expanded) =>
        expanded.includes(path) ? expanded.filter((p) => p !== path) : [...expanded, path],
      ),
    expand: (paths: string[]) => setExpanded((expanded) => [...new Set([...expanded, ...paths])]),
    setSearch: (search: string) => store.setState({ search }),
  });
}

export function applyTreeView(store: TopicTreeStore, view: TopicTreeView | null): void {
  if (view) store.setState({ view });
}
