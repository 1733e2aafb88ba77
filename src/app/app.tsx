import { useMemo } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { NoticeArea } from '../components/ui/notices.tsx';
import { ConnectionsContext } from '../features/connections/connections-context.ts';
import { ConnectionsPanel } from '../features/connections/components/connections-panel.tsx';
import { ConnectionPanel } from '../features/connections/components/connection-panel.tsx';
import { ConnectionStatusBadge } from '../features/connections/components/connection-status.tsx';
import { SubscriptionsContext } from '../features/subscriptions/subscriptions-context.ts';
import { SubscriptionsPanel } from '../features/subscriptions/components/subscriptions-panel.tsx';
import { MessagesContext } from '../features/messages/messages-context.ts';
import { MessagesPanel } from '../features/messages/components/messages-panel.tsx';
import { ChartsContext } from '../features/charts/charts-context.ts';
import { ChartsPanel } from '../features/charts/components/charts-panel.tsx';
import { PublishContext } from '../features/publish/publish-context.ts';
import { PublishPanel } from '../features/publish/components/publish-panel.tsx';
import { TopicTreeContext } from '../features/topic-tree/topic-tree-context.ts';
import { TopicTreePanel } from '../features/topic-tree/components/topic-tree-panel.tsx';
import type { Workspace } from './workspace.ts';

/** Composes the features: the sidebar shows the connection in focus, the workspace all of them. */
export function App({ workspace }: { workspace: Workspace }) {
  const { profiles: profilesStore } = workspace;
  const profiles = useStore(profilesStore, (state) => state.profiles);
  const { focusedId, open } = useStore(
    profilesStore,
    useShallow((state) => ({ focusedId: state.focusedId, open: state.open })),
  );
  const focused = profiles.find((profile) => profile.id === focusedId) ?? profiles[0];
  const bundle = focused ? workspace.bundles.get(focused.id) : undefined;
  const labels = useMemo(
    () => profiles.map(({ id, name, color }) => ({ id, name, color })),
    [profiles],
  );
  const streaming = useMemo(
    () => labels.filter((label) => open.includes(label.id) || label.id === focused?.id),
    [labels, open, focused?.id],
  );
  const names = useMemo(
    () => (profiles.length > 1 ? new Map(profiles.map((p) => [p.id, p.name])) : null),
    [profiles],
  );

  return (
    <ConnectionsContext.Provider value={workspace.connections}>
      <MessagesContext.Provider value={workspace.messages}>
        <ChartsContext.Provider value={workspace.charts}>
          <PublishContext.Provider value={workspace.publish}>
            <div className="app">
              <header className="app-header">
                <div className="brand">
                  <img src="/logo.svg" alt="" width={26} height={26} />
                  <h1>MQTT Scope</h1>
                </div>
                {focused && <ConnectionStatusBadge connectionId={focused.id} name={focused.name} />}
              </header>
              <NoticeArea store={workspace.notices} />
              <aside className="sidebar">
                <ConnectionsPanel />
                {focused && bundle && (
                  <SubscriptionsContext.Provider value={bundle.subscriptions}>
                    <ConnectionPanel key={focused.id} profile={focused} />
                    <SubscriptionsPanel connectionName={focused.name} />
                    <PublishPanel connection={focused} names={names} />
                  </SubscriptionsContext.Provider>
                )}
              </aside>
              <main className="workspace">
                {focused && <ChartsPanel connections={labels} focusedConnectionId={focused.id} />}
                <div className="stream-row">
                  {focused && bundle && (
                    <TopicTreeContext.Provider value={bundle.tree}>
                      <TopicTreePanel connectionName={focused.name} />
                    </TopicTreeContext.Provider>
                  )}
                  <MessagesPanel connections={streaming} />
                </div>
              </main>
            </div>
          </PublishContext.Provider>
        </ChartsContext.Provider>
      </MessagesContext.Provider>
    </ConnectionsContext.Provider>
  );
}
