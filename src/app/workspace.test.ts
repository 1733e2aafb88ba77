import { describe, expect, it } from 'vitest';
import { createProfile } from '../core/connection-profile.ts';
import { memoryStorage } from '../core/test-storage.ts';
import { addChart } from '../features/charts/charts-store.ts';
import type { ConnectionHandle, MqttService } from '../services/mqtt/index.ts';
import { createWorkspace } from './workspace.ts';

/** A service whose handles accept every command and record the subscriptions sent. */
function fakeService() {
  const subscribed: string[] = [];
  const connection = (connectionId: string) =>
    new Proxy({ connectionId } as ConnectionHandle, {
      get: (target, key) =>
        key === 'connectionId'
          ? target.connectionId
          : key === 'subscribe'
            ? (filter: string) => subscribed.push(filter)
            : () => 0,
    });
  const service = {
    connection,
    search: new Proxy({}, { get: () => () => 0 }),
    onBatch: () => () => undefined,
    onTrouble: () => () => undefined,
  } as unknown as MqttService;
  return { service, subscribed };
}

describe('saving when the browser refuses', () => {
  it('keeps every change in memory and tells the user once what could not be saved', () => {
    const { storage, map, state } = memoryStorage();
    const { service, subscribed } = fakeService();
    const workspace = createWorkspace(service, storage);
    const profile = createProfile({ name: 'Plant', host: 'broker.example' });
    workspace.connections.add(profile);

    state.full = true;
    const bundle = workspace.bundles.get(profile.id);
    bundle?.subscriptions.subscribeTo('plant/#', 1);
    bundle?.subscriptions.subscribeTo('hall/#', 0);
    addChart(workspace.charts.charts, {
      connectionId: profile.id,
      filter: 'plant/t',
      jsonPath: '',
      title: 't',
      unit: '',
    });

    // Nothing in memory is lost, and the worker was still told.
    expect(bundle?.subscriptions.getState().subscriptions.map((s) => s.filter)).toEqual([
      'plant/#',
      'hall/#',
    ]);
    expect(subscribed).toEqual(['plant/#', 'hall/#']);
    expect(workspace.charts.charts.getState().charts).toHaveLength(1);
    // One notice per entry, naming what was not saved and why.
    expect(workspace.notices.getState().notices.map((n) => n.text)).toEqual([
      `Changes to the subscriptions of "Plant" could not be saved: the browser's storage for this site is full. They stay in effect until you close or reload the page.`,
      `Changes to the charts could not be saved: the browser's storage for this site is full. They stay in effect until you close or reload the page.`,
    ]);

    // Once there is room again, the next change is saved.
    state.full = false;
    bundle?.subscriptions.subscribeTo('yard/#', 0);
    expect(map.get(`mqtt-scope:subscriptions:${profile.id}`)).toContain('yard/#');
  });
});

describe('a saved entry that is not JSON', () => {
  it('resets that entry alone on the next visit, and says which', () => {
    const { storage, map } = memoryStorage();
    const first = createWorkspace(fakeService().service, storage);
    const profile = createProfile({ name: 'Plant', host: 'broker.example' });
    first.connections.add(profile);
    first.bundles.get(profile.id)?.subscriptions.subscribeTo('plant/#', 1);
    addChart(first.charts.charts, {
      connectionId: profile.id,
      filter: 'plant/t',
      jsonPath: '',
      title: 't',
      unit: '',
    });
    // A write torn half-way (the tab was closed during it), then a returning visit.
    const key = `mqtt-scope:subscriptions:${profile.id}`;
    map.set(key, (map.get(key) ?? '').slice(0, 20));

    const again = createWorkspace(fakeService().service, storage);

    expect(again.notices.getState().notices.map((n) => n.text)).toEqual([
      'The saved entry for the subscriptions of "Plant" was not readable and was reset.',
    ]);
    expect(again.bundles.get(profile.id)?.subscriptions.getState().subscriptions).toEqual([]);
    expect(map.has(key)).toBe(false);
    // What was readable is all still there.
    expect(again.profiles.getState().profiles.map((p) => p.name)).toContain('Plant');
    expect(again.charts.charts.getState().charts).toHaveLength(1);
  });
});
