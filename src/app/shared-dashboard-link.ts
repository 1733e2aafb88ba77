import { parseBrokerUrl, profileUrl } from '../core/broker-url.ts';
import { createProfile, pickProfileColor } from '../core/connection-profile.ts';
import {
  canConnectWithoutAsking,
  connectProfile,
} from '../features/connections/connection-actions.ts';
import { setNeedsPassword } from '../features/connections/connection-store.ts';
import { focusProfile } from '../features/connections/profiles-store.ts';
import { decodeDashboardLink } from '../features/dashboard/dashboard-link.ts';
import type { Workspace } from './workspace.ts';

/** The saved connection to `brokerUrl` (any user), or a new one; null when the URL does not read. */
function connectionFor(workspace: Workspace, brokerUrl: string): string | null {
  const parsed = parseBrokerUrl(brokerUrl);
  if (!parsed.ok) return null;
  const { connections } = workspace;
  const { profiles } = connections.profiles.getState();
  const target = profileUrl(parsed);
  const found = profiles.find((p) => profileUrl(p) === target);
  if (found) return found.id;
  const profile = createProfile({
    scheme: parsed.scheme,
    host: parsed.host,
    port: parsed.port,
    path: parsed.path,
    color: pickProfileColor(profiles.map((p) => p.color)),
  });
  connections.add(profile);
  return profile.id;
}

/**
 * `#dashboard=…` shows the dashboard it carries, read-only, on its broker's connection (found
 * among the saved ones or added, subscribed to the widgets' filters, connected). A link that does
 * not read says why and changes nothing.
 */
export async function openSharedDashboard(workspace: Workspace, hash: string): Promise<void> {
  const { store } = workspace.dashboard;
  const read = await decodeDashboardLink(hash);
  if (!read.ok) {
    store.setState({ sharedProblem: `The shared dashboard was not opened. ${read.reason}` });
    return;
  }
  const { connections } = workspace;
  const state = connections.profiles.getState();
  const connectionId =
    (read.brokerUrl && connectionFor(workspace, read.brokerUrl)) ??
    state.focusedId ??
    state.profiles[0]?.id ??
    null;
  if (!connectionId) {
    store.setState({
      sharedProblem: 'The shared dashboard was not opened: it names no broker to read from.',
    });
    return;
  }
  const subscriptions = workspace.bundles.get(connectionId)?.subscriptions;
  const subscribed = new Set(subscriptions?.getState().subscriptions.map((s) => s.filter));
  for (const filter of new Set(read.dashboard.widgets.map((w) => w.filter))) {
    if (!subscribed.has(filter)) subscriptions?.subscribeTo(filter, 0);
  }
  store.setState({
    shared: {
      ...read.dashboard,
      widgets: read.dashboard.widgets.map((w) => ({ ...w, connectionId })),
    },
    sharedProblem: null,
    editing: false,
  });
  focusProfile(connections.profiles, connectionId);
  if (connections.profiles.getState().open.includes(connectionId)) return;
  const profile = connections.profiles.getState().profiles.find((p) => p.id === connectionId);
  if (!profile) return;
  if (canConnectWithoutAsking(profile)) connectProfile(connections, connectionId);
  else setNeedsPassword(connections.statusFor(connectionId), true);
}
