import { createStore } from 'zustand/vanilla';
import { persist } from 'zustand/middleware';
import type { TopicTreeView } from '../../services/mqtt/index.ts';

interface TopicTreeState {
  view: TopicTreeView;
  /** Paths the user opened, remembered across reloads. */
  expanded: string[];
}

export const topicTreeStore = createStore<TopicTreeState>()(
  persist(
    (): TopicTreeState => ({ view: { rows: [], hiddenRows: 0, totalTopics: 0 }, expanded: [] }),
    { name: 'mqtt-scope:topic-tree', partialize: ({ expanded }) => ({ expanded }) },
  ),
);

export function applyTreeView(view: TopicTreeView | null): void {
  if (view) topicTreeStore.setState({ view });
}

export function toggleExpanded(path: string): void {
  topicTreeStore.setState(({ expanded }) => ({
    expanded: expanded.includes(path) ? expanded.filter((p) => p !== path) : [...expanded, path],
  }));
}

export function expandPaths(paths: string[]): void {
  topicTreeStore.setState(({ expanded }) => ({ expanded: [...new Set([...expanded, ...paths])] }));
}
