import { ConnectionPanel } from '../features/connection/components/connection-panel.tsx';
import { ConnectionStatusBadge } from '../features/connection/components/connection-status.tsx';
import { SubscriptionsPanel } from '../features/subscriptions/components/subscriptions-panel.tsx';
import { MessagesPanel } from '../features/messages/components/messages-panel.tsx';
import { listKnownTopics } from '../features/messages/messages-store.ts';
import { ChartsPanel } from '../features/charts/components/charts-panel.tsx';
import { PublishPanel } from '../features/publish/components/publish-panel.tsx';
import { TopicTreePanel } from '../features/topic-tree/components/topic-tree-panel.tsx';

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <img src="/logo.svg" alt="" width={26} height={26} />
          <h1>MQTT Scope</h1>
        </div>
        <ConnectionStatusBadge />
      </header>
      <aside className="sidebar">
        <ConnectionPanel />
        <SubscriptionsPanel />
        <PublishPanel />
      </aside>
      <main className="workspace">
        <ChartsPanel listTopics={listKnownTopics} />
        <div className="stream-row">
          <TopicTreePanel />
          <MessagesPanel />
        </div>
      </main>
    </div>
  );
}
