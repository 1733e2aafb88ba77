import { createStore } from 'zustand/vanilla';
import { persist } from 'zustand/middleware';
import type { TopicTreeView } from '../../services/mqtt/index.ts';

/** The paths the user opened, remembered across reloads. */
export const topicTreeStore = createStore<{ expanded: string[] }>()(
  persist(() => ({ expanded: [] as string[] }), { name: 'mqtt-scope:topic-tree' }),
);

/** The rows the worker sent for those paths; live only. */
export const topicTreeViewStore = createStore<{ view: TopicTreeView }>()(() => ({
  view: { rows: [], hiddenRows: 0, totalTopics: 0 },
}));

export function applyTreeView(view: TopicTreeView | null): void {
  if (view) topicTreeViewStore.setState({ view });
}

export function toggleExpanded(path: string): void {
  topicTreeStore.setState(({ expanded }) => ({
    expanded: expanded.includes(path) ? expanded.filter((p) => p !== path) : [...expanded, path],
  }));
}

export function expandPaths(paths: string[]): void {
  topicTreeStore.setState(({ expanded }) => ({ expanded: [...new Set([...expanded, ...paths])] }));
}
