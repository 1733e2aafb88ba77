import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { KeyValueStorage } from '../../core/guarded-storage.ts';
import type { LatestValue, MessageRate } from '../../services/mqtt/index.ts';
import { MAX_HEIGHT, MAX_WIDTH, readDashboard, WIDGET_DEFAULTS } from './dashboard-model.ts';
import type { Dashboard, WidgetKind, WidgetSpec } from './dashboard-model.ts';
import { isFields, SpecProblem } from './widgets/spec-reader.ts';

export interface DashboardState {
  dashboards: Dashboard[];
  activeId: string | null;
  /** Whether the widgets show their move, resize, edit and remove buttons. */
  editing: boolean;
  /** A dashboard opened from a link: shown read-only instead of the saved ones; never saved. */
  shared: Dashboard | null;
  /** Why a dashboard link was not opened, for the user to read. */
  sharedProblem: string | null;
}

/** What is saved of the dashboards. */
export type SavedDashboards = Pick<DashboardState, 'dashboards' | 'activeId'>;

export type DashboardStore = StoreApi<DashboardState>;
/** The newest values each widget reads, by widget id; live only, never saved. */
export type WidgetDataStore = StoreApi<{
  values: Record<string, LatestValue[]>;
  /** Rate widgets' messages per second, by widget id. */
  rates: Record<string, MessageRate>;
}>;

export const DASHBOARDS_STORAGE_KEY = 'mqtt-scope:dashboards';
export const DASHBOARDS_STORAGE_VERSION = 1;

let counter = 0;
export function newId(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

/**
 * The saved dashboards, each checked on its own: one that does not read is dropped with a
 * sentence saying so, and the others load.
 */
export function loadDashboards(storage: KeyValueStorage): {
  state: SavedDashboards;
  problems: string[];
} {
  const empty = { dashboards: [], activeId: null };
  const raw = storage.getItem(DASHBOARDS_STORAGE_KEY);
  if (raw === null) return { state: empty, problems: [] };
  let saved: unknown;
  try {
    saved = JSON.parse(raw);
  } catch {
    return { state: empty, problems: ['The saved dashboards could not be read and were reset.'] };
  }
  if (!isFields(saved) || !Array.isArray(saved.dashboards)) {
    return { state: empty, problems: ['The saved dashboards could not be read and were reset.'] };
  }
  if (typeof saved.version === 'number' && saved.version > DASHBOARDS_STORAGE_VERSION) {
    return {
      state: empty,
      problems: ['The saved dashboards are from a newer MQTT Scope and were not loaded.'],
    };
  }
  const problems: string[] = [];
  const dashboards: Dashboard[] = [];
  saved.dashboards.forEach((entry: unknown, index) => {
    try {
      dashboards.push(readDashboard(entry));
    } catch (error) {
      if (!(error instanceof SpecProblem)) throw error;
      const name =
        isFields(entry) && typeof entry.name === 'string' ? `"${entry.name}"` : index + 1;
      problems.push(
        `The saved dashboard ${name} could not be read (${error.message}) and was removed.`,
      );
    }
  });
  const activeId =
    typeof saved.activeId === 'string' && dashboards.some((d) => d.id === saved.activeId)
      ? saved.activeId
      : (dashboards[0]?.id ?? null);
  return { state: { dashboards, activeId }, problems };
}

/** The dashboards store, saved to `storage` on every change of the dashboards. */
export function createDashboardStore(
  storage: KeyValueStorage,
  initial: SavedDashboards,
): DashboardStore {
  const store = createStore<DashboardState>(() => ({
    ...initial,
    editing: false,
    shared: null,
    sharedProblem: null,
  }));
  store.subscribe((state, previous) => {
    if (state.dashboards === previous.dashboards && state.activeId === previous.activeId) return;
    storage.setItem(
      DASHBOARDS_STORAGE_KEY,
      JSON.stringify({
        version: DASHBOARDS_STORAGE_VERSION,
        activeId: state.activeId,
        dashboards: state.dashboards,
      }),
    );
  });
  return store;
}

export function createWidgetDataStore(): WidgetDataStore {
  return createStore(() => ({
    values: {} as Record<string, LatestValue[]>,
    rates: {} as Record<string, MessageRate>,
  }));
}

export function applyRates(data: WidgetDataStore, rates: readonly MessageRate[]): void {
  if (rates.length === 0) return;
  data.setState(({ rates: before }) => {
    const next = { ...before };
    for (const rate of rates) next[rate.watchId] = rate;
    return { rates: next };
  });
}

export function applyLatest(
  data: WidgetDataStore,
  latest: readonly { watchId: string; values: LatestValue[] }[],
): void {
  if (latest.length === 0) return;
  data.setState(({ values }) => {
    const next = { ...values };
    for (const { watchId, values: fresh } of latest) next[watchId] = fresh;
    return { values: next };
  });
}

export function activeDashboard(state: DashboardState): Dashboard | undefined {
  return state.dashboards.find((d) => d.id === state.activeId) ?? state.dashboards[0];
}

/** The dashboard on screen: one opened from a link, else the one picked. */
export function shownDashboard(state: DashboardState): Dashboard | undefined {
  return state.shared ?? activeDashboard(state);
}

/** "Keep a copy": the shared dashboard joins the user's own, with fresh ids, and is shown. */
export function keepSharedDashboard(store: DashboardStore): void {
  const { shared } = store.getState();
  if (!shared) return;
  addDashboard(
    store,
    shared.name,
    shared.widgets.map((w) => ({ ...w, id: newId('widget') })),
  );
  store.setState({ shared: null });
}

export function addDashboard(store: DashboardStore, name: string, widgets: WidgetSpec[] = []) {
  const dashboard = { id: newId('dashboard'), name, widgets };
  store.setState(({ dashboards }) => ({
    dashboards: [...dashboards, dashboard],
    activeId: dashboard.id,
  }));
  return dashboard;
}

export function removeDashboard(store: DashboardStore, id: string): void {
  store.setState(({ dashboards, activeId }) => {
    const rest = dashboards.filter((d) => d.id !== id);
    return { dashboards: rest, activeId: activeId === id ? (rest[0]?.id ?? null) : activeId };
  });
}

export function renameDashboard(store: DashboardStore, id: string, name: string): void {
  store.setState(({ dashboards }) => ({
    dashboards: dashboards.map((d) => (d.id === id ? { ...d, name } : d)),
  }));
}

/** A fresh copy of an imported dashboard: new ids, widgets on `connectionFor` their connection. */
export function addImportedDashboard(
  store: DashboardStore,
  dashboard: Dashboard,
  connectionFor: (savedId: string) => string,
): Dashboard {
  return addDashboard(
    store,
    dashboard.name,
    dashboard.widgets.map((w) => ({
      ...w,
      id: newId('widget'),
      connectionId: connectionFor(w.connectionId),
    })),
  );
}

function changeWidgets(store: DashboardStore, change: (widgets: WidgetSpec[]) => WidgetSpec[]) {
  store.setState((state) => {
    const active = activeDashboard(state);
    if (!active) return {};
    return {
      dashboards: state.dashboards.map((d) =>
        d.id === active.id ? { ...d, widgets: change(d.widgets) } : d,
      ),
    };
  });
}

/** A new widget of `kind` with its default options, at the end of the active dashboard. */
export function newWidget(kind: WidgetKind, connectionId: string): WidgetSpec {
  return {
    id: newId('widget'),
    title: '',
    connectionId,
    filter: '',
    jsonPath: '',
    width: kind === 'table' || kind === 'chart' ? 2 : 1,
    height: kind === 'table' || kind === 'chart' ? 2 : 1,
    ...WIDGET_DEFAULTS[kind],
  };
}

/** Puts `widget` in the active dashboard: replaces the one with its id, else adds it. */
export function saveWidget(store: DashboardStore, widget: WidgetSpec): void {
  const state = store.getState();
  if (!activeDashboard(state)) addDashboard(store, 'Dashboard');
  changeWidgets(store, (widgets) =>
    widgets.some((w) => w.id === widget.id)
      ? widgets.map((w) => (w.id === widget.id ? widget : w))
      : [...widgets, widget],
  );
}

/**
 * Changes some fields of a widget where it is shown: on a shared dashboard (a chart's window,
 * say) the change lasts as long as the link is open and is never saved.
 */
export function updateWidget<W extends WidgetSpec>(
  store: DashboardStore,
  widget: W,
  patch: Partial<Omit<W, 'id' | 'kind'>>,
): void {
  const { id } = widget;
  const patched = (widgets: WidgetSpec[]) =>
    widgets.map((w) => {
      if (w.id !== id) return w;
      const next: Record<string, unknown> = { ...w, ...patch };
      // An optional field set to undefined is removed, as the saved JSON would have it.
      for (const key of Object.keys(patch)) if (next[key] === undefined) delete next[key];
      return next as unknown as WidgetSpec;
    });
  const { shared } = store.getState();
  if (shared?.widgets.some((w) => w.id === id)) {
    store.setState({ shared: { ...shared, widgets: patched(shared.widgets) } });
    return;
  }
  changeWidgets(store, patched);
}

/**
 * A copy of a widget right after it, titled as a copy: the quick way to four gauges of four
 * devices is one gauge, three copies and a new filter each.
 */
export function duplicateWidget(store: DashboardStore, id: string): void {
  changeWidgets(store, (widgets) => {
    const at = widgets.findIndex((w) => w.id === id);
    const original = widgets[at];
    if (!original) return widgets;
    const copy: WidgetSpec = {
      ...structuredClone(original),
      id: newId('widget'),
      title: original.title ? `${original.title} (copy)` : '',
    };
    return [...widgets.slice(0, at + 1), copy, ...widgets.slice(at + 1)];
  });
}

export function removeWidget(store: DashboardStore, id: string): void {
  changeWidgets(store, (widgets) => widgets.filter((w) => w.id !== id));
}

/** Moves a widget `by` places in reading order (negative: earlier). */
export function moveWidget(store: DashboardStore, id: string, by: number): void {
  changeWidgets(store, (widgets) => {
    const from = widgets.findIndex((w) => w.id === id);
    if (from < 0) return widgets;
    const to = Math.max(0, Math.min(widgets.length - 1, from + by));
    if (to === from) return widgets;
    const next = [...widgets];
    const [moved] = next.splice(from, 1);
    if (moved) next.splice(to, 0, moved);
    return next;
  });
}

/** Moves a widget to where `beforeId` is (a drop with the mouse). */
export function moveWidgetTo(store: DashboardStore, id: string, beforeId: string): void {
  changeWidgets(store, (widgets) => {
    const moved = widgets.find((w) => w.id === id);
    if (!moved || id === beforeId) return widgets;
    const from = widgets.indexOf(moved);
    const rest = widgets.filter((w) => w.id !== id);
    const target = widgets.findIndex((w) => w.id === beforeId);
    // Dropped on a later widget: it takes that widget's place, the widget moving up.
    const at = rest.findIndex((w) => w.id === beforeId) + (target > from ? 1 : 0);
    return [...rest.slice(0, at), moved, ...rest.slice(at)];
  });
}

export function resizeWidget(store: DashboardStore, id: string, width: number, height: number) {
  changeWidgets(store, (widgets) =>
    widgets.map((w) =>
      w.id === id
        ? {
            ...w,
            width: Math.max(1, Math.min(MAX_WIDTH, width)),
            height: Math.max(1, Math.min(MAX_HEIGHT, height)),
          }
        : w,
    ),
  );
}
