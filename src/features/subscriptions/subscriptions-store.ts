import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { persist } from 'zustand/middleware';
import { validateTopicFilter } from '../../core/topic-filter.ts';
import type { ConnectionEvent, ConnectionHandle, QoS } from '../../services/mqtt/index.ts';

export type SubscriptionState =
  { state: 'pending' } | { state: 'active'; grantedQos: QoS } | { state: 'failed'; reason: string };

export interface Subscription {
  filter: string;
  qos: QoS;
  status: SubscriptionState;
}

export interface SubscriptionsState {
  subscriptions: Subscription[];
  /** When subscriptions were last sent again after a reconnect, and how many. */
  lastRestore: { time: number; count: number } | null;
}

export type SubscriptionsStore = StoreApi<SubscriptionsState> & {
  readonly connectionId: string;
  /** Named apart from zustand's own `subscribe` (to changes), which this store also has. */
  subscribeTo(filter: string, qos: QoS): void;
  unsubscribeFrom(filter: string): void;
  /** Tells the worker about every saved subscription (after a reload). */
  sendAll(): void;
};

export const SUBSCRIPTIONS_STORAGE_VERSION = 1;
export const subscriptionsStorageKey = (connectionId: string) =>
  `mqtt-scope:subscriptions:${connectionId}`;

/**
 * Keeps only well-formed saved subscriptions, so one bad entry (edited by hand, or written by
 * a future version) never takes the others with it.
 */
export function readSavedSubscriptions(saved: unknown): { kept: Subscription[]; dropped: number } {
  const list = (saved as { subscriptions?: unknown } | null)?.subscriptions;
  if (!Array.isArray(list)) return { kept: [], dropped: saved === undefined ? 0 : 1 };
  const kept: Subscription[] = [];
  let dropped = 0;
  for (const entry of list as unknown[]) {
    const { filter, qos } = (entry ?? {}) as { filter?: unknown; qos?: unknown };
    if (
      typeof filter === 'string' &&
      validateTopicFilter(filter).ok &&
      (qos === 0 || qos === 1 || qos === 2)
    ) {
      if (!kept.some((s) => s.filter === filter))
        kept.push({ filter, qos, status: { state: 'pending' } });
    } else dropped += 1;
  }
  return { kept, dropped };
}

/** One connection's subscriptions, saved across reloads, kept in step with the worker. */
export function createSubscriptionsStore(
  handle: ConnectionHandle,
  onDropped: (count: number) => void = () => undefined,
): SubscriptionsStore {
  const store = createStore<SubscriptionsState>()(
    persist((): SubscriptionsState => ({ subscriptions: [], lastRestore: null }), {
      name: subscriptionsStorageKey(handle.connectionId),
      version: SUBSCRIPTIONS_STORAGE_VERSION,
      // Version 0 had the same shape; merge checks every field either way.
      migrate: (saved) => saved as never,
      partialize: ({ subscriptions }) => ({
        subscriptions: subscriptions
          .filter((subscription) => subscription.status.state !== 'failed')
          .map(({ filter, qos }) => ({ filter, qos })),
      }),
      merge: (saved, current) => {
        const { kept, dropped } = readSavedSubscriptions(saved);
        if (dropped > 0) onDropped(dropped);
        return { ...current, subscriptions: kept };
      },
    }),
  );
  const set = (update: (subscriptions: Subscription[]) => Subscription[]) =>
    store.setState(({ subscriptions }) => ({ subscriptions: update(subscriptions) }));
  return Object.assign(store, {
    connectionId: handle.connectionId,
    subscribeTo(filter: string, qos: QoS) {
      set((list) => [
        ...list.filter((s) => s.filter !== filter),
        { filter, qos, status: { state: 'pending' } },
      ]);
      handle.subscribe(filter, qos);
    },
    unsubscribeFrom(filter: string) {
      set((list) => list.filter((s) => s.filter !== filter));
      handle.unsubscribe(filter);
    },
    sendAll() {
      for (const { filter, qos } of store.getState().subscriptions) handle.subscribe(filter, qos);
    },
  });
}

function setStatus(store: SubscriptionsStore, filter: string, status: SubscriptionState): void {
  store.setState(({ subscriptions }) => ({
    subscriptions: subscriptions.map((s) => (s.filter === filter ? { ...s, status } : s)),
  }));
}

/** Applies what the worker reported about this connection's subscriptions. */
export function applySubscriptionEvent(store: SubscriptionsStore, event: ConnectionEvent): void {
  switch (event.type) {
    case 'subscribed':
      setStatus(store, event.filter, { state: 'active', grantedQos: event.grantedQos });
      if (event.restored) {
        store.setState(({ lastRestore }) => {
          const now = Date.now();
          // Acknowledgements of one reconnect arrive within moments: count them together.
          const sameRound = lastRestore !== null && now - lastRestore.time < 5_000;
          return { lastRestore: { time: now, count: sameRound ? lastRestore.count + 1 : 1 } };
        });
      }
      return;
    case 'subscribe-failed': {
      const known = store.getState().subscriptions.some((s) => s.filter === event.filter);
      if (!known) {
        store.setState(({ subscriptions }) => ({
          subscriptions: [
            ...subscriptions,
            { filter: event.filter, qos: 0, status: { state: 'pending' } },
          ],
        }));
      }
      return setStatus(store, event.filter, { state: 'failed', reason: event.reason });
    }
    case 'status':
      // Not connected: every subscription waits for the next CONNACK.
      if (event.status.status !== 'connected') {
        store.setState(({ subscriptions }) => ({
          subscriptions: subscriptions.map((s) =>
            s.status.state === 'failed' ? s : { ...s, status: { state: 'pending' } },
          ),
        }));
      }
      return;
    default:
      return;
  }
}
