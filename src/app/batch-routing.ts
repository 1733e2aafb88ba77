import type { EngineBatch, MqttService } from '../services/mqtt/index.ts';
import { applyConnectionEvents } from '../features/connections/connection-store.ts';
import { applySubscriptionEvent } from '../features/subscriptions/subscriptions-store.ts';
import { applyStreamBatches } from '../features/messages/messages-store.ts';
import { applySnapshots } from '../features/charts/charts-store.ts';
import { applyPublishEvent } from '../features/publish/publish-store.ts';
import { applyTreeView } from '../features/topic-tree/topic-tree-store.ts';
import { applyRecordingEvent } from '../features/recordings/recordings-store.ts';
import { applyBrokerStats } from '../features/broker-stats/broker-stats-store.ts';
import type { Workspace } from './workspace.ts';

/** Routes each frame's batch to the stores of the connection it came from. */
export function routeBatch(workspace: Workspace, batch: EngineBatch): void {
  const { bundles, publish, charts, messageView } = workspace;
  for (const connection of batch.connections) {
    const bundle = bundles.get(connection.connectionId);
    if (!bundle) continue;
    if (connection.events.length > 0) {
      applyConnectionEvents(bundle.status, connection.events);
      for (const event of connection.events) {
        applySubscriptionEvent(bundle.subscriptions, event);
        applyPublishEvent(publish.store, event);
        applyRecordingEvent(workspace.recordings.store, connection.connectionId, event);
      }
    }
    applyTreeView(bundle.tree, connection.tree);
    applyBrokerStats(workspace.brokerStats, connection);
    applySnapshots(charts.data, connection.series);
  }
  applyStreamBatches(
    messageView,
    batch,
    (id) => bundles.get(id)?.stream,
    () => [...bundles.values()].map((bundle) => bundle.stream),
  );
}

export function wireBatches(service: MqttService, workspace: Workspace): () => void {
  return service.onBatch((batch) => routeBatch(workspace, batch));
}
