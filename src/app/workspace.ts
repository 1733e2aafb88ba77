import { createNoticesStore, notify } from '../components/ui/notices.tsx';
import type { NoticesStore } from '../components/ui/notices.tsx';
import { profileUrl } from '../core/broker-url.ts';
import { pickProfileColor } from '../core/connection-profile.ts';
import { guardedStorage, jsonCheckedStorage } from '../core/guarded-storage.ts';
import type { KeyValueStorage, WriteFailure } from '../core/guarded-storage.ts';
import type { ConnectionProfile } from '../core/connection-profile.ts';
import type { ConnectionHandle, MqttService, RecorderBudget } from '../services/mqtt/index.ts';
import { DEFAULT_RECORDER_BUDGET } from '../core/recorder/message-store.ts';
import { createRecorderBudgetStore } from '../features/messages/recorder-budget-store.ts';
import type { RecordingsRuntime } from '../features/recordings/recordings-context.ts';
import { createReplayStore } from '../features/recordings/replay-store.ts';
import { createBrokerStatsStore } from '../features/broker-stats/broker-stats-store.ts';
import type { BrokerStatsStore } from '../features/broker-stats/broker-stats-store.ts';
import {
  addRecording,
  createRecordingsStore,
  focusRecording,
  removeRecording,
} from '../features/recordings/recordings-store.ts';
import {
  createKeptRecordings,
  keepOpenedRecording,
} from '../features/recordings/kept-recordings.ts';
import { forgetKeptCopy } from '../features/recordings/recordings-store.ts';
import type { FileStore } from '../services/file-store/file-store.ts';
import { openIndexedDbFileStore } from '../services/file-store/indexed-db-file-store.ts';
import { createConnectionStore } from '../features/connections/connection-store.ts';
import type { ConnectionStore } from '../features/connections/connection-store.ts';
import type { ConnectionsRuntime } from '../features/connections/connections-context.ts';
import {
  addProfile,
  createProfilesStore,
  loadProfiles,
  removeProfile,
  updateProfile,
} from '../features/connections/profiles-store.ts';
import type { ProfilesStore } from '../features/connections/profiles-store.ts';
import {
  createSubscriptionsStore,
  subscriptionColorFor,
  subscriptionsStorageKey,
} from '../features/subscriptions/subscriptions-store.ts';
import type { SubscriptionsStore } from '../features/subscriptions/subscriptions-store.ts';
import { createConnectionStream, createMessageView } from '../features/messages/messages-store.ts';
import type { ConnectionStream, MessageView } from '../features/messages/messages-store.ts';
import type { MessagesRuntime } from '../features/messages/messages-context.ts';
import {
  createTopicTreeStore,
  topicTreeStorageKey,
} from '../features/topic-tree/topic-tree-store.ts';
import type { TopicTreeStore } from '../features/topic-tree/topic-tree-store.ts';
import {
  addChart,
  createChartDataStore,
  createChartsStore,
} from '../features/charts/charts-store.ts';
import type { ChartsRuntime } from '../features/charts/charts-context.ts';
import { savedCharts, syncChartsWithWorker } from '../features/charts/chart-sync.ts';
import {
  activeDashboard,
  createDashboardStore,
  createWidgetDataStore,
  loadDashboards,
  newId,
  saveWidget,
} from '../features/dashboard/dashboard-store.ts';
import type { WidgetSpec } from '../features/dashboard/dashboard-model.ts';
import { widgetOfChart } from '../features/dashboard/widgets/chart/chart-spec.ts';
import type { DashboardRuntime } from '../features/dashboard/dashboard-context.ts';
import { shownChartWidgets, syncWidgetsWithWorker } from '../features/dashboard/widget-sync.ts';
import { createPublishStore } from '../features/publish/publish-store.ts';
import { createTemplatesStore } from '../features/publish/publish-templates.ts';
import type { PublishRuntime } from '../features/publish/publish-context.ts';
import {
  createDecoderStatusStore,
  protoTypesOf,
  syncDecodersWithWorker,
} from '../features/decoders/decoders-store.ts';
import type { DecodersRuntime } from '../features/decoders/decoders-context.ts';

/** The stores of one connection, made together when its profile appears. */
export interface ConnectionBundle {
  id: string;
  handle: ConnectionHandle;
  status: ConnectionStore;
  subscriptions: SubscriptionsStore;
  stream: ConnectionStream;
  tree: TopicTreeStore;
}

/** Everything the page holds: the worker's handle, the profiles, and a bundle per connection. */
export interface Workspace {
  notices: NoticesStore;
  /** Where every saved entry is written; a write the browser refuses becomes a notice. */
  storage: KeyValueStorage;
  profiles: ProfilesStore;
  bundles: Map<string, ConnectionBundle>;
  messageView: MessageView;
  connections: ConnectionsRuntime;
  messages: MessagesRuntime;
  charts: ChartsRuntime;
  dashboard: DashboardRuntime;
  publish: PublishRuntime;
  recordings: RecordingsRuntime;
  brokerStats: BrokerStatsStore;
  decoders: DecodersRuntime;
}

/** Ids of the worker connections that hold an opened recording. */
const RECORDING_ID_PREFIX = 'recording-';

/** The previous release kept these for its one broker; they now belong to its profile. */
const LEGACY_KEYS = [
  ['mqtt-scope:subscriptions', subscriptionsStorageKey],
  ['mqtt-scope:topic-tree', topicTreeStorageKey],
] as const;

function moveLegacyEntries(storage: KeyValueStorage, connectionId: string): void {
  for (const [legacyKey, keyFor] of LEGACY_KEYS) {
    const value = storage.getItem(legacyKey);
    if (value === null) continue;
    storage.setItem(keyFor(connectionId), value);
    storage.removeItem(legacyKey);
  }
}

/** What a saved entry holds, for a sentence: 'the charts', 'the subscriptions of "Plant"'. */
function savedEntryLabel(key: string, connectionName: (id: string) => string | null): string {
  const [, kind = '', id = ''] = key.split(':');
  const of = (what: string) => {
    const name = connectionName(id);
    return name === null ? what : `${what} of "${name}"`;
  };
  switch (kind) {
    case 'connections':
      return 'the connections';
    case 'subscriptions':
      return of('the subscriptions');
    case 'topic-tree':
      return of('the open branches of the topic tree');
    case 'charts':
      return 'the charts';
    case 'dashboards':
      return 'the dashboards';
    case 'publish':
      return 'the publish draft';
    case 'publish-templates':
      return 'the publish templates';
    case 'recorder-budget':
      return 'the recorder budget';
    default:
      return 'a setting';
  }
}

function writeFailedText(what: string, why: WriteFailure): string {
  const cause =
    why === 'full'
      ? "the browser's storage for this site is full"
      : 'the browser does not let this page save (private browsing, or storage turned off)';
  return `Changes to ${what} could not be saved: ${cause}. They stay in effect until you close or reload the page.`;
}

export function createWorkspace(
  service: MqttService,
  browserStorage: KeyValueStorage = localStorage,
  /** Where opened recordings are kept across reloads (rejected: nothing is kept). */
  keptFiles: Promise<FileStore> = openIndexedDbFileStore('mqtt-scope-recordings'),
): Workspace {
  const notices = createNoticesStore();
  // Set once the profiles are loaded; a write that fails before then names no connection.
  let named: ProfilesStore | null = null;
  const connectionName = (id: string) =>
    named?.getState().profiles.find((p) => p.id === id)?.name ?? null;
  // Every saved entry goes through this one guard: a refused write is told, never thrown.
  const storage = guardedStorage(browserStorage, (key, why) =>
    notify(notices, 'warn', writeFailedText(savedEntryLabel(key, connectionName), why)),
  );
  // The stores' entries are JSON: one that is not resets alone, and says so.
  const storeStorage = jsonCheckedStorage(storage, (key) =>
    notify(
      notices,
      'warn',
      `The saved entry for ${savedEntryLabel(key, connectionName)} was not readable and was reset.`,
    ),
  );
  const loaded = loadProfiles(storage);
  for (const problem of loaded.problems) notify(notices, 'warn', problem);
  if (loaded.migratedLegacyId) moveLegacyEntries(storage, loaded.migratedLegacyId);
  const profiles = createProfilesStore(storage, loaded.state);
  named = profiles;
  const bundles = new Map<string, ConnectionBundle>();
  const recorderBudget = createRecorderBudgetStore(storeStorage);
  const isDefaultBudget = (budget: RecorderBudget) =>
    budget.maxMessages === DEFAULT_RECORDER_BUDGET.maxMessages &&
    budget.maxBytes === DEFAULT_RECORDER_BUDGET.maxBytes &&
    budget.maxPayloadBytes === DEFAULT_RECORDER_BUDGET.maxPayloadBytes;
  recorderBudget.subscribe(({ budget }) => {
    for (const bundle of bundles.values()) bundle.handle.setRecorderBudget(budget);
  });

  const makeBundle = (profile: ConnectionProfile): ConnectionBundle => {
    const handle = service.connection(profile.id);
    const { budget } = recorderBudget.getState();
    if (!isDefaultBudget(budget)) handle.setRecorderBudget(budget);
    const bundle: ConnectionBundle = {
      id: profile.id,
      handle,
      status: createConnectionStore(),
      subscriptions: createSubscriptionsStore(
        handle,
        (count) =>
          notify(
            notices,
            'warn',
            `${count} saved subscription(s) of "${profile.name}" could not be read and were removed.`,
          ),
        storeStorage,
      ),
      stream: createConnectionStream(profile.id),
      tree: createTopicTreeStore(handle, storeStorage),
    };
    bundles.set(profile.id, bundle);
    bundle.subscriptions.sendAll();
    return bundle;
  };
  const bundleFor = (id: string): ConnectionBundle => {
    const existing = bundles.get(id);
    if (existing) return existing;
    const profile = profiles.getState().profiles.find((p) => p.id === id);
    // A command for a connection that has no profile (yet): give it stores all the same.
    return makeBundle(profile ?? ({ id, name: id } as ConnectionProfile));
  };
  for (const profile of profiles.getState().profiles) makeBundle(profile);

  const chartsStore = createChartsStore(
    () => loaded.migratedLegacyId ?? profiles.getState().profiles[0]?.id ?? 'unknown',
    (count) =>
      notify(notices, 'warn', `${count} saved chart(s) could not be read and were removed.`),
    storeStorage,
  );
  const chartData = createChartDataStore();
  const decoderStatus = createDecoderStatusStore();
  syncDecodersWithWorker(profiles, (id) => bundleFor(id).handle);
  syncChartsWithWorker(savedCharts(chartsStore), (id) => service.connection(id), chartData);
  const savedDashboards = loadDashboards(storage);
  for (const problem of savedDashboards.problems) notify(notices, 'warn', problem);
  const dashboardStore = createDashboardStore(storage, savedDashboards.state);
  syncWidgetsWithWorker(dashboardStore, (id) => service.connection(id));
  syncChartsWithWorker(
    shownChartWidgets(dashboardStore),
    (id) => service.connection(id),
    chartData,
  );
  const messageView = createMessageView();

  const connections: ConnectionsRuntime = {
    profiles,
    notices,
    statusFor: (id) => bundleFor(id).status,
    handleFor: (id) => bundleFor(id).handle,
    add(profile, subscriptions = []) {
      addProfile(profiles, profile);
      const bundle = makeBundle(profile);
      for (const { filter, qos } of subscriptions) bundle.subscriptions.subscribeTo(filter, qos);
    },
    remove(id) {
      removeProfile(profiles, id);
      bundles.delete(id);
      for (const [, keyFor] of LEGACY_KEYS) storage.removeItem(keyFor(id));
      chartsStore.setState(({ charts }) => ({
        charts: charts.filter((chart) => chart.connectionId !== id),
      }));
    },
  };

  const recordingsStore = createRecordingsStore();
  let recordingCount = 0;
  // A broker put in focus takes the tree and the charts back from a recording.
  profiles.subscribe((state, previous) => {
    if (state.focusedId !== previous.focusedId) focusRecording(recordingsStore, null);
  });
  const kept = createKeptRecordings(keptFiles, { tell: (text) => notify(notices, 'warn', text) });
  const readingKept = new Set<string>();
  const recordings: RecordingsRuntime = {
    store: recordingsStore,
    kept,
    open(file, { keep = true, keptId } = {}) {
      recordingCount += 1;
      const id = `${RECORDING_ID_PREFIX}${Date.now().toString(36)}-${recordingCount}`;
      const colors = [
        ...profiles.getState().profiles.map((p) => p.color),
        ...recordingsStore.getState().recordings.map((r) => r.color),
      ];
      const bundle = makeBundle({ id, name: file.name } as ConnectionProfile);
      addRecording(recordingsStore, {
        id,
        name: file.name,
        color: pickProfileColor(colors),
        state: { state: 'loading' },
        file,
        ...(keptId && { keep: { state: 'kept', keptId } }),
      });
      bundle.handle.openRecording(file);
      if (keep && !keptId) keepOpenedRecording(recordingsStore, kept, id, file);
    },
    openKept(keptId) {
      // A second click while the copy is read must not open it twice.
      if (readingKept.has(keptId)) return;
      readingKept.add(keptId);
      void kept
        .read(keptId)
        .then((file) => file && recordings.open(file, { keptId }))
        .finally(() => readingKept.delete(keptId));
    },
    removeKept(keptId) {
      forgetKeptCopy(recordingsStore, keptId);
      void kept.remove(keptId);
    },
    close(id) {
      bundles.get(id)?.handle.close();
      bundles.delete(id);
      removeRecording(recordingsStore, id);
      for (const [, keyFor] of LEGACY_KEYS) storage.removeItem(keyFor(id));
      chartsStore.setState(({ charts }) => ({
        charts: charts.filter((chart) => chart.connectionId !== id),
      }));
    },
    replays: createReplayStore(),
    replay: (targetId, file, speed, topicPrefix) =>
      bundleFor(targetId).handle.replay(file, speed, topicPrefix),
    controlReplay: (targetId, action) => bundleFor(targetId).handle.controlReplay(action),
  };
  // Charts of a recording open before a reload have nothing to read any more.
  chartsStore.setState(({ charts }) => ({
    charts: charts.filter((chart) => !chart.connectionId.startsWith(RECORDING_ID_PREFIX)),
  }));

  return {
    notices,
    storage,
    profiles,
    bundles,
    recordings,
    brokerStats: createBrokerStatsStore(),
    decoders: {
      status: decoderStatus,
      update(connectionId, change) {
        const profile = profiles.getState().profiles.find((p) => p.id === connectionId);
        if (profile) updateProfile(profiles, connectionId, { decoders: change(profile.decoders) });
      },
    },
    messageView,
    connections,
    messages: {
      view: messageView,
      streamFor: (id) => bundles.get(id)?.stream,
      handleFor: (id) => bundleFor(id).handle,
      search: service.search,
      budget: recorderBudget,
      subscriptionColor(connectionId, topic) {
        const bundle = bundles.get(connectionId);
        return bundle ? subscriptionColorFor(bundle.subscriptions, topic) : null;
      },
      protoTypes: (connectionId) =>
        protoTypesOf(decoderStatus.getState().byConnection[connectionId]),
      chartField(connectionId, topic, jsonPath) {
        addChart(chartsStore, {
          connectionId,
          filter: topic,
          jsonPath,
          title: jsonPath ? `${jsonPath} · ${topic}` : topic,
          unit: '',
        });
        notify(notices, 'info', `Added a chart of ${jsonPath || 'the payload'} on ${topic}.`);
      },
    },
    dashboard: {
      store: dashboardStore,
      data: createWidgetDataStore(),
      tell: (level, text) => notify(notices, level, text),
      brokerUrlFor: (id) => {
        const profile = profiles.getState().profiles.find((p) => p.id === id);
        return profile ? profileUrl(profile) : null;
      },
    },
    charts: {
      charts: chartsStore,
      data: chartData,
      listTopics: (id) => bundles.get(id)?.stream.knownTopics ?? [],
      addToDashboard(chart) {
        saveWidget(dashboardStore, widgetOfChart(chart, newId('widget')) as WidgetSpec);
        const target = activeDashboard(dashboardStore.getState());
        notify(notices, 'info', `Added "${chart.title}" to the dashboard "${target?.name ?? ''}".`);
      },
    },
    publish: {
      store: createPublishStore(storeStorage),
      templates: createTemplatesStore(
        (count) =>
          notify(notices, 'warn', `${count} saved template(s) could not be read and were removed.`),
        storeStorage,
      ),
      handleFor: (id) => bundleFor(id).handle,
      statusFor: (id) => bundleFor(id).status,
      subscribeFor(id, filter) {
        const { subscriptions } = bundleFor(id);
        const known = subscriptions.getState().subscriptions.some((s) => s.filter === filter);
        if (!known) subscriptions.subscribeTo(filter, 1);
      },
    },
  };
}
