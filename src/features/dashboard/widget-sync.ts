import type { ConnectionHandle } from '../../services/mqtt/index.ts';
import type { ChartList } from '../charts/chart-sync.ts';
import { chartOfWidget } from './widgets/chart/chart-spec.ts';
import { SPARKLINE_VIEW, sparklineId } from './widgets/big-number/big-number-spec.ts';
import { shownDashboard } from './dashboard-store.ts';
import type { DashboardStore } from './dashboard-store.ts';
import type { WidgetSpec } from './dashboard-model.ts';

const hasSparkline = (w: WidgetSpec) => w.kind === 'big-number' && w.sparkline;

const sameFeed = (a: WidgetSpec, b: WidgetSpec) =>
  a.connectionId === b.connectionId &&
  a.filter === b.filter &&
  a.jsonPath === b.jsonPath &&
  (a.kind === 'rate') === (b.kind === 'rate') &&
  hasSparkline(a) === hasSparkline(b);

/** What a widget asks the worker for: a rate, or the newest values (and a big number's line). */
function watchFeed(handle: ConnectionHandle, widget: WidgetSpec): void {
  if (widget.kind === 'rate') return handle.watchRate(widget.id, widget.filter);
  handle.watchLatest(widget.id, widget.filter, widget.jsonPath);
  if (hasSparkline(widget)) {
    const id = sparklineId(widget.id);
    handle.watchSeries(id, widget.filter, widget.jsonPath, undefined, SPARKLINE_VIEW);
  }
}

function unwatchFeed(handle: ConnectionHandle, widget: WidgetSpec): void {
  if (widget.kind === 'rate') return handle.unwatchRate(widget.id);
  handle.unwatchLatest(widget.id);
  if (hasSparkline(widget)) handle.unwatchSeries(sparklineId(widget.id));
}

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
      if (!kept || !sameFeed(kept, widget)) unwatchFeed(handleFor(widget.connectionId), widget);
    }
    for (const [id, widget] of next) {
      const before = watched.get(id);
      if (!before || !sameFeed(before, widget)) watchFeed(handleFor(widget.connectionId), widget);
    }
    watched = next;
  };
  // A chart reads a series (features/charts/chart-sync.ts), not the newest values.
  const latestOf = (widgets: readonly WidgetSpec[]) => widgets.filter((w) => w.kind !== 'chart');
  let shown = shownDashboard(store.getState())?.widgets ?? [];
  sync(latestOf(shown));
  return store.subscribe((state) => {
    const widgets = shownDashboard(state)?.widgets ?? [];
    if (widgets === shown) return;
    shown = widgets;
    sync(latestOf(widgets));
  });
}

/** The time charts of the dashboard on screen, as the chart sync takes them. */
export function shownChartWidgets(store: DashboardStore): ChartList {
  const charts = (widgets: readonly WidgetSpec[]) =>
    widgets.flatMap((widget) => (widget.kind === 'chart' ? [chartOfWidget(widget)] : []));
  return {
    current: () => charts(shownDashboard(store.getState())?.widgets ?? []),
    subscribe: (onChange) => {
      let shown = shownDashboard(store.getState())?.widgets;
      return store.subscribe((state) => {
        const widgets = shownDashboard(state)?.widgets;
        if (widgets === shown) return;
        shown = widgets;
        onChange();
      });
    },
  };
}
