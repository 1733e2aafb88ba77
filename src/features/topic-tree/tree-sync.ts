import type { MqttService } from '../../services/mqtt/index.ts';
import { topicTreeStore } from './topic-tree-store.ts';

/** Tells the worker which tree nodes are open, now and whenever that changes. */
export function syncTreeWithSession(service: MqttService): () => void {
  service.expandTopics(topicTreeStore.getState().expanded);
  return topicTreeStore.subscribe((state, previous) => {
    if (state.expanded !== previous.expanded) service.expandTopics(state.expanded);
  });
}
