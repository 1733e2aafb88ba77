import type { MqttService, SessionBatch } from '../services/mqtt/index.ts';
import { applyStatus } from '../features/connection/connection-store.ts';
import {
  applySubscriptionEvent,
  markAllPending,
} from '../features/subscriptions/subscriptions-store.ts';
import { applyMessageBatch } from '../features/messages/messages-store.ts';
import { applySnapshots } from '../features/charts/charts-store.ts';
import { applyPublishEvent } from '../features/publish/publish-store.ts';
import { applyTreeView } from '../features/topic-tree/topic-tree-store.ts';

/** Routes each frame's batch to the feature stores; the features never see each other. */
export function routeBatch(batch: SessionBatch): void {
  for (const event of batch.events) {
    switch (event.type) {
      case 'status':
        applyStatus(event.status);
        if (event.status.status !== 'connected') markAllPending();
        break;
      case 'subscribed':
      case 'subscribe-failed':
      case 'unsubscribed':
        applySubscriptionEvent(event);
        break;
      case 'published':
      case 'publish-failed':
        applyPublishEvent(event);
        break;
    }
  }
  applyMessageBatch(batch);
  applySnapshots(batch.series);
  applyTreeView(batch.tree);
}

export function wireSession(service: MqttService): () => void {
  return service.onBatch(routeBatch);
}
