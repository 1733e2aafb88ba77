import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { KeyValueStorage } from '../../core/guarded-storage.ts';
import { compileTopicFilter, validateTopicFilter } from '../../core/topic-filter.ts';
import {
  DEFAULT_SUBSCRIBE_OPTIONS,
  readSubscribeOptions,
} from '../../core/subscription-options.ts';
import type {
  ConnectionEvent,
  ConnectionHandle,
  QoS,
  SubscribeOptions,
} from '../../services/mqtt/index.ts';

export type SubscriptionState =
  | { state: 'pending' }
  | { state: 'active'; grantedQos: QoS }
  | { state: 'failed'; reason: string }
  /** Kept in the list but not subscribed: switched off by the user. */
  | { state: 'disabled' };

/** What the user chose for a subscription besides its filter and QoS. */
export interface SubscriptionSettings {
  /** Marks the rows this subscription delivered. */
  color: string;
  /** A name shown instead of the filter; empty: none. */
  alias: string;
  enabled: boolean;
  options: SubscribeOptions;
}

export interface Subscription extends SubscriptionSettings {
  filter: string;
  qos: QoS;
  status: SubscriptionState;
}

/** Distinguishable on the dark theme, in the order new subscriptions take them. */
export const SUBSCRIPTION_COLORS = [
  '#38bdf8',
  '#f472b6',
  '#a3e635',
  '#fbbf24',
  '#c084fc',
  '#2dd4bf',
  '#fb923c',
  '#f87171',
];

function defaultSettings(index: number): SubscriptionSettings {
  return {
    color: SUBSCRIPTION_COLORS[index % SUBSCRIPTION_COLORS.length] ?? '#38bdf8',
    alias: '',
    enabled: true,
    options: DEFAULT_SUBSCRIBE_OPTIONS,
  };
}

export interface SubscriptionsState {
  subscriptions: Subscription[];
  /** When subscriptions were last sent again after a reconnect, and how many. */
  lastRestore: { time: number; count: number } | null;
}

export type SubscriptionsStore = StoreApi<SubscriptionsState> & {
  readonly connectionId: string;
  /** Named apart from zustand's own `subscribe` (to changes), which this store also has. */
  subscribeTo(filter: string, qos: QoS, settings?: Partial<SubscriptionSettings>): void;
  unsubscribeFrom(filter: string): void;
  /** Switches a subscription off (unsubscribed, kept in the list) or on again. */
  setEnabled(filter: string, enabled: boolean): void;
  /** Colour and alias change on the page only; nothing is sent to the broker. */
  relabel(filter: string, changes: Partial<Pick<SubscriptionSettings, 'color' | 'alias'>>): void;
  /** Tells the worker about every saved subscription (after a reload). */
  sendAll(): void;
};

/** 2 added colour, alias, enabled and the MQTT 5 options; version 1 entries read with defaults. */
export const SUBSCRIPTIONS_STORAGE_VERSION = 2;
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
    const saved = (entry ?? {}) as Record<string, unknown>;
    const { filter, qos } = saved;
    if (
      typeof filter === 'string' &&
      validateTopicFilter(filter).ok &&
      (qos === 0 || qos === 1 || qos === 2)
    ) {
      if (kept.some((s) => s.filter === filter)) continue;
      const defaults = defaultSettings(kept.length);
      const enabled = saved.enabled !== false;
      kept.push({
        filter,
        qos,
        color:
          typeof saved.color === 'string' && /^#[0-9a-f]{6}$/i.test(saved.color)
            ? saved.color
            : defaults.color,
        alias: typeof saved.alias === 'string' ? saved.alias.slice(0, 80) : '',
        enabled,
        options: readSubscribeOptions(saved.options),
        status: enabled ? { state: 'pending' } : { state: 'disabled' },
      });
    } else dropped += 1;
  }
  return { kept, dropped };
}

/**
 * One connection's subscriptions, saved across reloads (in `storage`, localStorage unless
 * given), kept in step with the worker.
 */
export function createSubscriptionsStore(
  handle: ConnectionHandle,
  onDropped: (count: number) => void = () => undefined,
  storage?: KeyValueStorage,
): SubscriptionsStore {
  const store = createStore<SubscriptionsState>()(
    persist((): SubscriptionsState => ({ subscriptions: [], lastRestore: null }), {
      name: subscriptionsStorageKey(handle.connectionId),
      storage: createJSONStorage(() => storage ?? localStorage),
      version: SUBSCRIPTIONS_STORAGE_VERSION,
      // Version 0 had the same shape; merge checks every field either way.
      migrate: (saved) => saved as never,
      partialize: ({ subscriptions }) => ({
        subscriptions: subscriptions
          .filter((subscription) => subscription.status.state !== 'failed')
          .map(({ filter, qos, color, alias, enabled, options }) => ({
            filter,
            qos,
            color,
            alias,
            enabled,
            options,
          })),
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
    subscribeTo(filter: string, qos: QoS, settings: Partial<SubscriptionSettings> = {}) {
      let subscription: Subscription | undefined;
      set((list) => {
        const previous = list.find((s) => s.filter === filter);
        const defaults = previous ?? defaultSettings(list.length);
        subscription = {
          filter,
          qos,
          color: settings.color ?? defaults.color,
          alias: settings.alias ?? defaults.alias,
          enabled: true,
          options: settings.options ?? defaults.options,
          status: { state: 'pending' },
        };
        return [...list.filter((s) => s.filter !== filter), subscription];
      });
      if (subscription) handle.subscribe(filter, qos, subscription.options);
    },
    unsubscribeFrom(filter: string) {
      set((list) => list.filter((s) => s.filter !== filter));
      handle.unsubscribe(filter);
    },
    setEnabled(filter: string, enabled: boolean) {
      const subscription = store.getState().subscriptions.find((s) => s.filter === filter);
      if (!subscription || subscription.enabled === enabled) return;
      set((list) =>
        list.map((s) =>
          s.filter === filter
            ? { ...s, enabled, status: enabled ? { state: 'pending' } : { state: 'disabled' } }
            : s,
        ),
      );
      if (enabled) handle.subscribe(filter, subscription.qos, subscription.options);
      else handle.unsubscribe(filter);
    },
    relabel(filter: string, changes: Partial<Pick<SubscriptionSettings, 'color' | 'alias'>>) {
      set((list) => list.map((s) => (s.filter === filter ? { ...s, ...changes } : s)));
    },
    sendAll() {
      for (const { filter, qos, options, enabled } of store.getState().subscriptions)
        if (enabled) handle.subscribe(filter, qos, options);
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
      // A SUBACK that arrives after the user switched the subscription off changes nothing.
      if (store.getState().subscriptions.find((s) => s.filter === event.filter)?.enabled === false)
        return;
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
            {
              filter: event.filter,
              qos: 0,
              ...defaultSettings(subscriptions.length),
              status: { state: 'pending' },
            },
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
            s.status.state === 'failed' || s.status.state === 'disabled'
              ? s
              : { ...s, status: { state: 'pending' } },
          ),
        }));
      }
      return;
    default:
      return;
  }
}

const matchersByList = new WeakMap<
  readonly Subscription[],
  { matches: (topic: string) => boolean; color: string }[]
>();

/**
 * The colour of the most specific switched-on subscription whose filter matches `topic` (a
 * `$share/group/` prefix is matched on the filter after it), or null: `plant/boiler/#` wins
 * over `plant/#`, a filter without `#` over one with it. Matchers are compiled once per version
 * of the list.
 */
export function subscriptionColorFor(store: SubscriptionsStore, topic: string): string | null {
  const list = store.getState().subscriptions;
  let matchers = matchersByList.get(list);
  if (!matchers) {
    const specificity = (filter: string) => (filter.endsWith('#') ? 0 : 10_000) + filter.length;
    matchers = list
      .filter((s) => s.enabled)
      .sort((a, b) => specificity(b.filter) - specificity(a.filter))
      .map((s) => ({ matches: compileTopicFilter(s.filter), color: s.color }));
    matchersByList.set(list, matchers);
  }
  return matchers.find((m) => m.matches(topic))?.color ?? null;
}
