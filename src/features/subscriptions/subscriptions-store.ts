import { createStore } from 'zustand/vanilla';
import { persist } from 'zustand/middleware';
import type { QoS, SessionEvent } from '../../services/mqtt/index.ts';

export type SubscriptionState =
  { state: 'pending' } | { state: 'active'; grantedQos: QoS } | { state: 'failed'; reason: string };

export interface Subscription {
  filter: string;
  qos: QoS;
  status: SubscriptionState;
}

interface SubscriptionsState {
  subscriptions: Subscription[];
}

export const subscriptionsStore = createStore<SubscriptionsState>()(
  persist(() => ({ subscriptions: [] as Subscription[] }), {
    name: 'mqtt-scope:subscriptions',
    partialize: ({ subscriptions }) => ({
      subscriptions: subscriptions
        .filter((subscription) => subscription.status.state !== 'failed')
        .map(({ filter, qos }) => ({ filter, qos, status: { state: 'pending' } })),
    }),
  }),
);

/** Adds or replaces the subscription to `filter`; it stays pending until the broker answers. */
export function addSubscription(filter: string, qos: QoS): void {
  subscriptionsStore.setState(({ subscriptions }) => ({
    subscriptions: [
      ...subscriptions.filter((subscription) => subscription.filter !== filter),
      { filter, qos, status: { state: 'pending' } },
    ],
  }));
}

export function removeSubscription(filter: string): void {
  subscriptionsStore.setState(({ subscriptions }) => ({
    subscriptions: subscriptions.filter((subscription) => subscription.filter !== filter),
  }));
}

/** Every subscription goes back to pending, as after a reconnect. */
export function markAllPending(): void {
  subscriptionsStore.setState(({ subscriptions }) => ({
    subscriptions: subscriptions.map((subscription) => ({
      ...subscription,
      status: { state: 'pending' },
    })),
  }));
}

function setStatus(filter: string, status: SubscriptionState): void {
  subscriptionsStore.setState(({ subscriptions }) => ({
    subscriptions: subscriptions.map((subscription) =>
      subscription.filter === filter ? { ...subscription, status } : subscription,
    ),
  }));
}

export function applySubscriptionEvent(event: SessionEvent): void {
  if (event.type === 'subscribed')
    setStatus(event.filter, { state: 'active', grantedQos: event.grantedQos });
  else if (event.type === 'subscribe-failed') {
    const known = subscriptionsStore
      .getState()
      .subscriptions.some((s) => s.filter === event.filter);
    if (!known) addSubscription(event.filter, 0);
    setStatus(event.filter, { state: 'failed', reason: event.reason });
  }
}
