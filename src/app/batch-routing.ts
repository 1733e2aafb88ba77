import type { ConnectionEvent, EngineBatch, MqttService } from '../services/mqtt/index.ts';
import { applyConnectionEvents } from '../features/connections/connection-store.ts';
import { applySubscriptionEvent } from '../features/subscriptions/subscriptions-store.ts';
import { applyStreamBatches, clearView } from '../features/messages/messages-store.ts';
import { notify } from '../components/ui/notices.tsx';
import { applySnapshots } from '../features/charts/charts-store.ts';
import { applyLatest, applyRates } from '../features/dashboard/dashboard-store.ts';
import { applyPublishEvent, stopRunningRepeats } from '../features/publish/publish-store.ts';
import { applyTreeView } from '../features/topic-tree/topic-tree-store.ts';
import { applyRecordingEvent } from '../features/recordings/recordings-store.ts';
import { applyReplayEvent, stopRunningReplays } from '../features/recordings/replay-store.ts';
import { applyBrokerStats } from '../features/broker-stats/broker-stats-store.ts';
import { applyDecoderEvent } from '../features/decoders/decoders-store.ts';
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
        applyReplayEvent(workspace.recordings.replays, connection.connectionId, event);
        applyDecoderEvent(workspace.decoders.status, connection.connectionId, event);
      }
    }
    applyTreeView(bundle.tree, connection.tree);
    applyBrokerStats(workspace.brokerStats, connection);
    applySnapshots(charts.data, connection.series);
    applyLatest(workspace.dashboard.data, connection.latest);
    applyRates(workspace.dashboard.data, connection.rates);
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

/** Errors said at most this often: a fault that repeats per message must not flood the page. */
const ERROR_NOTICE_INTERVAL_MS = 5_000;

/** Says what happened to the worker itself, and starts the view afresh after a restart. */
export function wireEngineTrouble(service: MqttService, workspace: Workspace): () => void {
  let lastErrorAt = -Infinity;
  return service.onTrouble((trouble) => {
    if (trouble.kind === 'error') {
      const now = performance.now();
      if (now - lastErrorAt < ERROR_NOTICE_INTERVAL_MS) return;
      lastErrorAt = now;
      notify(
        workspace.notices,
        'error',
        `The engine hit an error and carried on: ${trouble.message}`,
      );
      return;
    }
    const bundles = [...workspace.bundles.values()];
    // Until the new worker reports, no connection is up and no subscription is acknowledged:
    // the old worker's "Connected" and "active" no longer hold.
    for (const bundle of bundles) {
      const { status } = bundle.status.getState();
      if (status.status !== 'connected' && status.status !== 'reconnecting') continue;
      const event: ConnectionEvent = {
        type: 'status',
        status: { status: 'connecting', url: status.url, attempt: 1 },
      };
      applyConnectionEvents(bundle.status, [event]);
      applySubscriptionEvent(bundle.subscriptions, event);
    }
    stopRunningRepeats(workspace.publish.store, 'The MQTT worker was restarted.');
    stopRunningReplays(workspace.recordings.replays, 'The MQTT worker was restarted.');
    // The new worker numbers messages afresh: rows of the old one would open the wrong detail.
    clearView(
      workspace.messageView,
      bundles.map((bundle) => bundle.stream),
      bundles.map((bundle) => bundle.handle),
      workspace.messages.search,
    );
    const count = trouble.connectionIds.length;
    notify(
      workspace.notices,
      'warn',
      `The engine stopped answering (${trouble.reason}) and was restarted: ${count} connection${count === 1 ? '' : 's'}, with subscriptions and charts, restored. Messages recorded before the restart are gone.`,
    );
  });
}
