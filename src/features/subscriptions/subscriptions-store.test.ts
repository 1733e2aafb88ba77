import { describe, expect, it } from 'vitest';
import type { ConnectionHandle } from '../../services/mqtt/index.ts';
import { DEFAULT_SUBSCRIBE_OPTIONS } from '../../core/subscription-options.ts';
import {
  applySubscriptionEvent,
  createSubscriptionsStore,
  readSavedSubscriptions,
  subscriptionColorFor,
} from './subscriptions-store.ts';

function fakeHandle() {
  const sent: string[] = [];
  const handle = {
    connectionId: 'c1',
    subscribe: (filter: string, qos: number, options?: { subscriptionId: number | null }) =>
      sent.push(`sub ${filter} ${qos} ${options?.subscriptionId ?? '-'}`),
    unsubscribe: (filter: string) => sent.push(`unsub ${filter}`),
  } as unknown as ConnectionHandle;
  return { handle, sent };
}

describe('subscriptions store', () => {
  it('switching a subscription off unsubscribes but keeps it, and on again re-subscribes', () => {
    const { handle, sent } = fakeHandle();
    const store = createSubscriptionsStore(handle);
    store.subscribeTo('plant/#', 1, {
      options: { ...DEFAULT_SUBSCRIBE_OPTIONS, subscriptionId: 7 },
    });
    store.setEnabled('plant/#', false);
    expect(store.getState().subscriptions[0]).toMatchObject({
      filter: 'plant/#',
      enabled: false,
      status: { state: 'disabled' },
    });
    // A late SUBACK does not switch it back on.
    applySubscriptionEvent(store, {
      type: 'subscribed',
      filter: 'plant/#',
      grantedQos: 1,
      restored: false,
    });
    expect(store.getState().subscriptions[0]?.status.state).toBe('disabled');
    store.setEnabled('plant/#', true);
    expect(sent).toEqual(['sub plant/# 1 7', 'unsub plant/#', 'sub plant/# 1 7']);
  });

  it('colours a row by the most specific switched-on subscription, $share included', () => {
    const { handle } = fakeHandle();
    const store = createSubscriptionsStore(handle);
    store.subscribeTo('plant/#', 0, { color: '#00ff00' });
    store.subscribeTo('$share/group/plant/+/temp', 0, { color: '#ff0000' });
    expect(subscriptionColorFor(store, 'plant/a/temp')).toBe('#ff0000');
    expect(subscriptionColorFor(store, 'plant/a/humidity')).toBe('#00ff00');
    store.setEnabled('$share/group/plant/+/temp', false);
    expect(subscriptionColorFor(store, 'plant/a/temp')).toBe('#00ff00');
    expect(subscriptionColorFor(store, 'other')).toBeNull();
  });

  it('reads version 1 entries with defaults and drops a broken one alone', () => {
    const { kept, dropped } = readSavedSubscriptions({
      subscriptions: [
        { filter: 'a/#', qos: 1 },
        {
          filter: 'b',
          qos: 0,
          color: '#123456',
          alias: 'Bee',
          enabled: false,
          options: { noLocal: true },
        },
        { filter: 'a/#/b', qos: 0 },
      ],
    });
    expect(dropped).toBe(1);
    expect(kept[0]).toMatchObject({ filter: 'a/#', qos: 1, enabled: true, alias: '' });
    expect(kept[1]).toMatchObject({
      filter: 'b',
      color: '#123456',
      alias: 'Bee',
      enabled: false,
      status: { state: 'disabled' },
      options: { ...DEFAULT_SUBSCRIBE_OPTIONS, noLocal: true },
    });
  });
});
