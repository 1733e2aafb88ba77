import type { ConnectionHandle } from '../../services/mqtt/index.ts';
import { shownDashboard } from './dashboard-store.ts';
import type { DashboardStore } from './dashboard-store.ts';
import type { WidgetSpec } from './dashboard-model.ts';

const sameFeed = (a: WidgetSpec, b: WidgetSpec) =>
  a.connectionId === b.connectionId && a.filter === b.filter && a.jsonPath === b.jsonPath;

/**
 * Keeps the worker following exactly what the widgets on screen read (the dashboard shown, a shared one included):
 * each widget asks for the newest value per topic of its filter, nothing more.
 */
export function syncWidgetsWithWorker(
  store: DashboardStore,
  handleFor: (connectionId: string) => ConnectionHandle,
): () => void {
  let watched = new Map<string, WidgetSpec>();
  const sync = (widgets: readonly WidgetSpec[]) => {
    const next = new Map(widgets.map((widget) => [widget.id, widget]));
    for (const [id, widget] of watched) {
      const kept = next.get(id);
      if (!kept || !sameFeed(kept, widget)) handleFor(widget.connectionId).unwatchLatest(id);
    }
    for (const [id, widget] of next) {
      const before = watched.get(id);
      if (!before || !sameFeed(before, widget))
        handleFor(widget.connectionId).watchLatest(id, widget.filter, widget.jsonPath);
    }
    watched = next;
  };
  let shown = shownDashboard(store.getState())?.widgets ?? [];
  sync(shown);
  return store.subscribe((state) => {
    const widgets = shownDashboard(state)?.widgets ?? [];
    if (widgets === shown) return;
    shown = widgets;
    sync(widgets);
  });
}
