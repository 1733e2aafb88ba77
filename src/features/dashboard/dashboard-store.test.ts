import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../../core/test-storage.ts';
import {
  activeDashboard,
  addDashboard,
  createDashboardStore,
  DASHBOARDS_STORAGE_KEY,
  duplicateWidget,
  loadDashboards,
  moveWidget,
  moveWidgetTo,
  newWidget,
  resizeWidget,
  keepSharedDashboard,
  saveWidget,
  shownDashboard,
} from './dashboard-store.ts';

function freshStore() {
  const { storage } = memoryStorage();
  const store = createDashboardStore(storage, loadDashboards(storage).state);
  return { storage, store };
}

const ids = (store: ReturnType<typeof freshStore>['store']) =>
  activeDashboard(store.getState())?.widgets.map((w) => w.title);

function withThree() {
  const fresh = freshStore();
  addDashboard(fresh.store, 'Main');
  for (const title of ['a', 'b', 'c'])
    saveWidget(fresh.store, { ...newWidget('gauge', 'c1'), title, filter: 'x' });
  return fresh;
}

describe('dashboards store', () => {
  it('saves every change and loads it back after a reload', () => {
    const { storage, store } = withThree();
    const reloaded = loadDashboards(storage);
    expect(reloaded.problems).toEqual([]);
    expect(reloaded.state).toEqual({
      dashboards: store.getState().dashboards,
      activeId: store.getState().activeId,
    });
  });

  it('drops a damaged dashboard alone, saying which, and loads the rest', () => {
    const { storage } = withThree();
    const saved = JSON.parse(storage.getItem(DASHBOARDS_STORAGE_KEY) ?? '') as {
      dashboards: unknown[];
    };
    saved.dashboards.push({ id: 'broken', name: 'Broken', widgets: [{ kind: 'gauge' }] });
    storage.setItem(DASHBOARDS_STORAGE_KEY, JSON.stringify(saved));
    const { state, problems } = loadDashboards(storage);
    expect(state.dashboards.map((d) => d.name)).toEqual(['Main']);
    expect(problems).toEqual([expect.stringMatching(/dashboard "Broken" could not be read/)]);
  });

  it('resets what is not JSON at all, with a notice', () => {
    const { storage } = memoryStorage();
    storage.setItem(DASHBOARDS_STORAGE_KEY, '{oops');
    expect(loadDashboards(storage).problems).toHaveLength(1);
    expect(loadDashboards(storage).state.dashboards).toEqual([]);
  });

  it('moves widgets by a place, to another widget, and not past either end', () => {
    const { store } = withThree();
    const [a, , c] = activeDashboard(store.getState())?.widgets ?? [];
    moveWidget(store, c!.id, -1);
    expect(ids(store)).toEqual(['a', 'c', 'b']);
    moveWidget(store, a!.id, -5);
    expect(ids(store)).toEqual(['a', 'c', 'b']);
    moveWidgetTo(store, a!.id, c!.id);
    expect(ids(store)).toEqual(['c', 'a', 'b']);
    moveWidgetTo(store, c!.id, a!.id);
    expect(ids(store)).toEqual(['a', 'c', 'b']);
  });

  it('duplicates a widget right after it, as a copy of its own', () => {
    const { store } = withThree();
    const [a] = activeDashboard(store.getState())?.widgets ?? [];
    resizeWidget(store, a!.id, 2, 2);
    duplicateWidget(store, a!.id);
    const widgets = activeDashboard(store.getState())?.widgets ?? [];
    expect(ids(store)).toEqual(['a', 'a (copy)', 'b', 'c']);
    const [original, copy] = widgets;
    expect(copy!.id).not.toBe(original!.id);
    expect(copy).toMatchObject({ kind: 'gauge', filter: 'x', width: 2, height: 2 });
    // Changing the copy leaves the original as it was.
    resizeWidget(store, copy!.id, 1, 1);
    expect(activeDashboard(store.getState())?.widgets[0]).toMatchObject({ width: 2, height: 2 });
  });

  it('keeps sizes on the grid', () => {
    const { store } = withThree();
    const [a] = activeDashboard(store.getState())?.widgets ?? [];
    resizeWidget(store, a!.id, 9, 0);
    expect(activeDashboard(store.getState())?.widgets[0]).toMatchObject({ width: 4, height: 1 });
  });
});

describe('a dashboard opened from a link', () => {
  it('is shown instead of the saved ones, never saved, and kept as a copy on request', () => {
    const { store, storage } = withThree();
    const shared = {
      id: 'from-link',
      name: 'Shared plant',
      widgets: [{ ...newWidget('gauge', 'c1'), id: 'w-shared', title: 's', filter: 'y' }],
    };
    store.setState({ shared });
    expect(shownDashboard(store.getState())?.name).toBe('Shared plant');
    expect(storage.getItem(DASHBOARDS_STORAGE_KEY)).not.toContain('Shared plant');

    keepSharedDashboard(store);
    const state = store.getState();
    expect(state.shared).toBeNull();
    expect(state.dashboards.map((d) => d.name)).toEqual(['Main', 'Shared plant']);
    const kept = shownDashboard(state);
    expect(kept?.name).toBe('Shared plant');
    expect(kept?.widgets.map((w) => w.title)).toEqual(['s']);
    expect(kept?.widgets[0]?.id).not.toBe('w-shared');
    expect(storage.getItem(DASHBOARDS_STORAGE_KEY)).toContain('Shared plant');
  });
});
