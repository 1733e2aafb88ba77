import { useMemo } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { NoticeArea, notify } from '../components/ui/notices.tsx';
import { PanelBoundary } from '../components/ui/panel.tsx';
import { ConnectionsContext } from '../features/connections/connections-context.ts';
import { ConnectionsPanel } from '../features/connections/components/connections-panel.tsx';
import { ConnectionPanel } from '../features/connections/components/connection-panel.tsx';
import { ConnectionStatusBadge } from '../features/connections/components/connection-status.tsx';
import { SubscriptionsContext } from '../features/subscriptions/subscriptions-context.ts';
import { SubscriptionsPanel } from '../features/subscriptions/components/subscriptions-panel.tsx';
import { MessagesContext } from '../features/messages/messages-context.ts';
import { MessagesPanel } from '../features/messages/components/messages-panel.tsx';
import { runSearch } from '../features/messages/messages-store.ts';
import { EMPTY_QUERY } from '../core/recorder/message-query.ts';
import { ChartsContext } from '../features/charts/charts-context.ts';
import { ChartsPanel } from '../features/charts/components/charts-panel.tsx';
import { DashboardContext } from '../features/dashboard/dashboard-context.ts';
import { DashboardPanel } from '../features/dashboard/components/dashboard-panel.tsx';
import { PublishContext } from '../features/publish/publish-context.ts';
import { PublishPanel } from '../features/publish/components/publish-panel.tsx';
import { TopicTreeContext } from '../features/topic-tree/topic-tree-context.ts';
import { TopicTreePanel } from '../features/topic-tree/components/topic-tree-panel.tsx';
import { RecordingsContext } from '../features/recordings/recordings-context.ts';
import { RecordingsPanel } from '../features/recordings/components/recordings-panel.tsx';
import { BrokerStatsPanel } from '../features/broker-stats/components/broker-stats-panel.tsx';
import { DecodersContext } from '../features/decoders/decoders-context.ts';
import { DecodersPanel } from '../features/decoders/components/decoders-panel.tsx';
import { protoTypesOf } from '../features/decoders/decoders-store.ts';
import { choiceValue, decoderChoices, pickOfValue } from '../core/decoders/decoder-choices.ts';
import { ruleForFilter, withFilterDecoder } from '../core/decoder-settings.ts';
import type { ConnectionProfile } from '../core/connection-profile.ts';
import type { SubscriptionDecoders } from '../features/subscriptions/components/subscriptions-panel.tsx';
import { rebirthPayload, rebirthTopic } from '../core/sparkplug-rebirth.ts';
import type { Workspace } from './workspace.ts';
import { ThemeSelect } from '../components/ui/theme-select.tsx';

/** A subscription's "show as": a decoder rule for exactly its filter, saved with the profile. */
function useSubscriptionDecoders(
  workspace: Workspace,
  profile: ConnectionProfile,
): SubscriptionDecoders {
  const status = useStore(workspace.decoders.status, (state) => state.byConnection[profile.id]);
  const { decoders } = profile;
  return useMemo(
    () => ({
      choices: decoderChoices(protoTypesOf(status)),
      valueOf(filter) {
        const rule = ruleForFilter(decoders, filter);
        return rule ? choiceValue(rule) : 'auto';
      },
      set(filter, value) {
        workspace.decoders.update(profile.id, (settings) =>
          withFilterDecoder(settings, filter, pickOfValue(value)),
        );
      },
    }),
    [workspace, profile.id, decoders, status],
  );
}

function FocusedSubscriptions({
  workspace,
  profile,
}: {
  workspace: Workspace;
  profile: ConnectionProfile;
}) {
  const decoders = useSubscriptionDecoders(workspace, profile);
  return <SubscriptionsPanel connectionName={profile.name} decoders={decoders} />;
}

/** The `$SYS` figures of the broker in focus; offers to subscribe to them when nothing does. */
function FocusedBrokerStats({
  workspace,
  connectionId,
}: {
  workspace: Workspace;
  connectionId: string;
}) {
  const subscriptions = SubscriptionsContext.use();
  const watching = useStore(subscriptions, (state) =>
    state.subscriptions.some((s) => s.enabled && s.filter.startsWith('$SYS')),
  );
  return (
    <BrokerStatsPanel
      store={workspace.brokerStats}
      connectionId={connectionId}
      watching={watching}
      onWatch={() => subscriptions.subscribeTo('$SYS/#', 0)}
    />
  );
}

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
  const recordings = useStore(workspace.recordings.store, (state) => state.recordings);
  const recordingId = useStore(workspace.recordings.store, (state) => state.focusedId);
  const focusedRecording = recordings.find((recording) => recording.id === recordingId);
  // What the tree and new charts read: a recording in focus, else the broker in focus.
  const viewed = focusedRecording ?? focused;
  const viewedBundle = viewed ? workspace.bundles.get(viewed.id) : undefined;
  const labels = useMemo(
    () => [...profiles, ...recordings].map(({ id, name, color }) => ({ id, name, color })),
    [profiles, recordings],
  );
  const streaming = useMemo(
    () =>
      labels.filter(
        (label) =>
          open.includes(label.id) ||
          label.id === focused?.id ||
          recordings.some((r) => r.id === label.id),
      ),
    [labels, open, focused?.id, recordings],
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
                <ThemeSelect />
              </header>
              <NoticeArea store={workspace.notices} />
              <aside className="sidebar">
                <PanelBoundary title="Connections">
                  <ConnectionsPanel />
                </PanelBoundary>
                <RecordingsContext.Provider value={workspace.recordings}>
                  <PanelBoundary title="Recordings">
                    <RecordingsPanel />
                  </PanelBoundary>
                </RecordingsContext.Provider>
                {focused && bundle && (
                  <SubscriptionsContext.Provider value={bundle.subscriptions}>
                    <PanelBoundary title="Connection">
                      <ConnectionPanel key={focused.id} profile={focused} />
                    </PanelBoundary>
                    <PanelBoundary title="Subscriptions">
                      <FocusedSubscriptions workspace={workspace} profile={focused} />
                    </PanelBoundary>
                    <PanelBoundary title="Decoders">
                      <DecodersContext.Provider value={workspace.decoders}>
                        <DecodersPanel
                          connectionId={focused.id}
                          connectionName={focused.name}
                          settings={focused.decoders}
                        />
                      </DecodersContext.Provider>
                    </PanelBoundary>
                    <PanelBoundary title="Broker statistics">
                      <FocusedBrokerStats workspace={workspace} connectionId={focused.id} />
                    </PanelBoundary>
                    <PanelBoundary title="Publish">
                      <PublishPanel connection={focused} />
                    </PanelBoundary>
                  </SubscriptionsContext.Provider>
                )}
              </aside>
              <main className="workspace">
                {focused && (
                  <DashboardContext.Provider value={workspace.dashboard}>
                    <PanelBoundary title="Dashboard">
                      <DashboardPanel connections={profiles} focusedConnectionId={focused.id} />
                    </PanelBoundary>
                  </DashboardContext.Provider>
                )}
                {viewed && (
                  <PanelBoundary title="Charts">
                    <ChartsPanel connections={labels} focusedConnectionId={viewed.id} />
                  </PanelBoundary>
                )}
                <div className="stream-row">
                  {viewed && viewedBundle && (
                    <PanelBoundary title="Topics">
                      <TopicTreeContext.Provider value={viewedBundle.tree}>
                        <TopicTreePanel
                          key={viewed.id}
                          connectionName={viewed.name}
                          onShowHistory={(topicFilter) =>
                            runSearch(
                              workspace.messages.view,
                              workspace.messages.search,
                              [viewed.id],
                              {
                                ...EMPTY_QUERY,
                                topicFilter,
                              },
                            )
                          }
                          onDeleteRetained={(topic) =>
                            workspace.connections.handleFor(viewed.id).publish(topic, '', 1, true)
                          }
                          onChart={(topic, jsonPath) =>
                            workspace.messages.chartField?.(viewed.id, topic, jsonPath)
                          }
                          onRequestRebirth={
                            focusedRecording
                              ? undefined
                              : (group, edgeNode) => {
                                  workspace.connections
                                    .handleFor(viewed.id)
                                    .publish(
                                      rebirthTopic(group, edgeNode),
                                      rebirthPayload(Date.now()),
                                      0,
                                      false,
                                    );
                                  notify(
                                    workspace.notices,
                                    'info',
                                    `Asked ${group}/${edgeNode} for its BIRTH messages (Node Control/Rebirth).`,
                                  );
                                }
                          }
                        />
                      </TopicTreeContext.Provider>
                    </PanelBoundary>
                  )}
                  <PanelBoundary title="Messages">
                    <MessagesPanel connections={streaming} />
                  </PanelBoundary>
                </div>
              </main>
            </div>
          </PublishContext.Provider>
        </ChartsContext.Provider>
      </MessagesContext.Provider>
    </ConnectionsContext.Provider>
  );
}
