import { notify } from '../components/ui/notices.tsx';
import { parseBrokerUrl, profileUrl } from '../core/broker-url.ts';
import { createProfile, pickProfileColor } from '../core/connection-profile.ts';
import type { ConnectionProfile } from '../core/connection-profile.ts';
import { cloneDecoderSettings } from '../core/decoder-settings.ts';
import { readScopeConfig } from '../core/scope-config.ts';
import type { ScopeConfig } from '../core/scope-config.ts';
import { validateTopicFilter } from '../core/topic-filter.ts';
import {
  canConnectWithoutAsking,
  connectProfile,
  restoreOpenConnections,
} from '../features/connections/connection-actions.ts';
import { setNeedsPassword } from '../features/connections/connection-store.ts';
import { focusProfile, updateProfile } from '../features/connections/profiles-store.ts';
import { addImportedDashboard } from '../features/dashboard/dashboard-store.ts';
import { importDashboard } from '../features/dashboard/dashboard-file.ts';
import { isDashboardLink } from '../features/dashboard/dashboard-link.ts';
import {
  DEMO_DASHBOARD_URL,
  DEMO_DECODERS,
  DEMO_SPARKPLUG_FILTER,
  DEMO_SPARKPLUG_NODE,
} from './demo-layout.ts';
import { rebirthPayload, rebirthTopic } from '../core/sparkplug-rebirth.ts';
import type { SubscriptionsStore } from '../features/subscriptions/subscriptions-store.ts';
import { openSharedDashboard } from './shared-dashboard-link.ts';
import type { Workspace } from './workspace.ts';

const EMBEDDED_URL_KEY = 'mqtt-scope:embedded-broker-url';

/** What `npm start` tells the page about the broker it started; absent on plain static hosting. */
async function loadScopeConfig(): Promise<ScopeConfig | null> {
  try {
    const response = await fetch('/scope-config.json', { cache: 'no-store' });
    if (!response.ok) return null;
    return readScopeConfig(await response.json(), location.hostname);
  } catch {
    return null;
  }
}

function profileFromUrl(
  url: string,
  name: string,
  colors: readonly string[],
): ConnectionProfile | null {
  const parsed = parseBrokerUrl(url);
  if (!parsed.ok) return null;
  const { scheme, host, port, path } = parsed;
  return createProfile({ name, scheme, host, port, path, color: pickProfileColor(colors) });
}

/**
 * The demo's edge node was born before the page subscribed, and its DDATA names metrics by alias
 * only: once the subscription is active, ask it once for its BIRTHs (Node Control/Rebirth, as a
 * Sparkplug host does), so the first visit shows metric names and charts them.
 */
function askDemoNodeForBirths(
  workspace: Workspace,
  connectionId: string,
  subscriptions: SubscriptionsStore,
): void {
  const isActive = () =>
    subscriptions
      .getState()
      .subscriptions.some((s) => s.filter === DEMO_SPARKPLUG_FILTER && s.status.state === 'active');
  const ask = () => {
    const { group, edgeNode } = DEMO_SPARKPLUG_NODE;
    workspace.connections
      .handleFor(connectionId)
      .publish(rebirthTopic(group, edgeNode), rebirthPayload(Date.now()), 0, false);
  };
  if (isActive()) return ask();
  const stop = subscriptions.subscribe(() => {
    if (!isActive()) return;
    stop();
    ask();
  });
}

/**
 * The demo's dashboard is a file in public/ in the export format (it can be imported elsewhere,
 * and is edited as one): read like an import, its widgets on the demo connection.
 */
async function addDemoDashboard(workspace: Workspace, connectionId: string): Promise<void> {
  const { store } = workspace.dashboard;
  try {
    const response = await fetch(DEMO_DASHBOARD_URL);
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    const read = importDashboard(await response.text());
    if (!read.ok) throw new Error(read.reason);
    // The user may have made a dashboard of their own while the file was on its way.
    if (store.getState().dashboards.length > 0) return;
    addImportedDashboard(store, read.dashboard, () => connectionId);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    notify(workspace.notices, 'warn', `The demo dashboard could not be loaded: ${reason}`);
  }
}

/**
 * A first visit to `npm start`: a profile for the embedded broker, subscribed to the
 * simulator's topics, with its charts, connected.
 */
function setUpDemo(workspace: Workspace, config: ScopeConfig | null): void {
  const { connections } = workspace;
  const demo = Boolean(config?.brokerUrl && config.demo);
  const found = config?.brokerUrl ? profileFromUrl(config.brokerUrl, 'Demo broker', []) : null;
  const profile = found
    ? { ...found, decoders: demo ? cloneDecoderSettings(DEMO_DECODERS) : found.decoders }
    : createProfile({ name: 'Local broker' });
  connections.add(profile);
  if (config && demo) {
    const subscriptions = workspace.bundles.get(profile.id)?.subscriptions;
    subscriptions?.subscribeTo(config.demoFilter, 0);
    // The simulator's Sparkplug B edge node: decoded by its topic namespace.
    subscriptions?.subscribeTo(DEMO_SPARKPLUG_FILTER, 0);
    if (subscriptions) askDemoNodeForBirths(workspace, profile.id, subscriptions);
    if (workspace.dashboard.store.getState().dashboards.length === 0)
      void addDemoDashboard(workspace, profile.id);
    workspace.bundles.get(profile.id)?.tree.expand(['demo']);
  }
  if (!config?.brokerUrl) return;
  // Started with --username: ask for the login rather than be refused without one.
  if (config.loginRequired) setNeedsPassword(connections.statusFor(profile.id), true);
  else connectProfile(connections, profile.id);
}

/**
 * `?url=wss://host:8884/mqtt&topic=sensors/%23` adds that connection beside the open ones (or
 * finds it among the saved ones), connects and subscribes. Secrets never travel in a link: a
 * password in it is ignored, and a broker that needs one asks for it.
 */
function openLink(workspace: Workspace, params: URLSearchParams): void {
  const url = params.get('url');
  if (!url) return;
  const { connections, notices } = workspace;
  const parsed = parseBrokerUrl(url);
  if (!parsed.ok) {
    notify(notices, 'error', `The link's broker URL was not opened: ${parsed.reason}`);
    return;
  }
  if (parsed.password || params.has('password')) {
    notify(
      notices,
      'warn',
      'The link carried a password, which was ignored: passwords are never taken from a link. Enter it in the connection form.',
    );
  }
  const { profiles } = connections.profiles.getState();
  const target = profileUrl(parsed);
  const username = params.get('username') ?? parsed.username ?? '';
  let profile = profiles.find(
    (p) => profileUrl(p) === target && (!username || p.username === username),
  );
  if (!profile) {
    profile = createProfile({
      scheme: parsed.scheme,
      host: parsed.host,
      port: parsed.port,
      path: parsed.path,
      username,
      color: pickProfileColor(profiles.map((p) => p.color)),
    });
    connections.add(profile);
  }
  focusProfile(connections.profiles, profile.id);
  for (const topic of params.getAll('topic')) {
    const check = validateTopicFilter(topic);
    if (check.ok) workspace.bundles.get(profile.id)?.subscriptions.subscribeTo(topic, 0);
    else
      notify(notices, 'error', `The link's topic "${topic}" was not subscribed: ${check.reason}`);
  }
  if (canConnectWithoutAsking(profile)) connectProfile(connections, profile.id);
  else setNeedsPassword(connections.statusFor(profile.id), true);
}

/**
 * Restores the saved connections (reconnecting those that were open), sets up the demo on a
 * first visit to `npm start`, and opens a connection link or a shared dashboard's link.
 */
export async function startWorkspace(workspace: Workspace, location: Location): Promise<void> {
  const { connections } = workspace;
  const config = await loadScopeConfig();
  const embeddedUrl = config?.brokerUrl ?? null;
  const previousEmbeddedUrl = workspace.storage.getItem(EMBEDDED_URL_KEY);
  if (embeddedUrl) workspace.storage.setItem(EMBEDDED_URL_KEY, embeddedUrl);

  if (connections.profiles.getState().profiles.length === 0) setUpDemo(workspace, config);
  else {
    if (embeddedUrl && previousEmbeddedUrl && embeddedUrl !== previousEmbeddedUrl) {
      // The embedded broker moved to another port since last time: follow it.
      const moved = parseBrokerUrl(embeddedUrl);
      for (const profile of connections.profiles.getState().profiles) {
        if (profileUrl(profile) === previousEmbeddedUrl && moved.ok) {
          updateProfile(connections.profiles, profile.id, {
            port: moved.port,
            host: moved.host,
            path: moved.path,
          });
        }
      }
    }
    restoreOpenConnections(connections);
  }

  const params = new URLSearchParams(location.search);
  if (params.has('url')) {
    openLink(workspace, params);
    // The link has done its work: a reload must not add its subscriptions again.
    history.replaceState(null, '', location.pathname + location.hash);
  }
  if (isDashboardLink(location.hash)) await openSharedDashboard(workspace, location.hash);
  // A link pasted into the address bar of an open page changes only the fragment.
  window.addEventListener('hashchange', () => {
    if (isDashboardLink(location.hash)) void openSharedDashboard(workspace, location.hash);
  });
}
