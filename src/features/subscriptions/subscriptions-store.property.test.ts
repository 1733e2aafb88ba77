import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SUBSCRIPTION_ID } from '../../core/subscription-options.ts';
import { parsedJson, recordOf } from '../../core/test-arbitraries.ts';
import { memoryStorage } from '../../core/test-storage.ts';
import { validateTopicFilter } from '../../core/topic-filter.ts';
import type { ConnectionHandle } from '../../services/mqtt/index.ts';
import {
  createSubscriptionsStore,
  readSavedSubscriptions,
  subscriptionsStorageKey,
} from './subscriptions-store.ts';
import type { Subscription } from './subscriptions-store.ts';

const FIELDS = ['filter', 'qos', 'color', 'alias', 'enabled', 'options'];
const OPTION_KEYS = ['noLocal', 'retainAsPublished', 'retainHandling', 'subscriptionId'];
const VALUES = ['a/#', '+/b', 'a/#/b', '$share/g/x', '', 0, 1, 2, 3, '#38bdf8', true, 7];

const entry = fc.oneof(
  recordOf(FIELDS, { keys: OPTION_KEYS, values: VALUES }).map((fields) => ({
    filter: 'plant/#',
    qos: 1,
    ...fields,
  })),
  parsedJson({ keys: [...FIELDS, ...OPTION_KEYS], values: VALUES }),
);
const saved = fc.oneof(
  fc.array(entry, { maxLength: 6 }).map((subscriptions) => ({ subscriptions })),
  parsedJson({ keys: ['subscriptions', ...FIELDS], values: VALUES }),
);

function isValidSubscription(s: Subscription): boolean {
  const { options } = s;
  return (
    validateTopicFilter(s.filter).ok &&
    [0, 1, 2].includes(s.qos) &&
    /^#[0-9a-f]{6}$/i.test(s.color) &&
    typeof s.alias === 'string' &&
    s.alias.length <= 80 &&
    typeof s.enabled === 'boolean' &&
    s.status.state === (s.enabled ? 'pending' : 'disabled') &&
    typeof options.noLocal === 'boolean' &&
    typeof options.retainAsPublished === 'boolean' &&
    [0, 1, 2].includes(options.retainHandling) &&
    (options.subscriptionId === null ||
      (Number.isInteger(options.subscriptionId) &&
        options.subscriptionId >= 1 &&
        options.subscriptionId <= MAX_SUBSCRIPTION_ID))
  );
}

const handle = () =>
  ({
    connectionId: 'c1',
    subscribe: () => undefined,
    unsubscribe: () => undefined,
  }) as unknown as ConnectionHandle;

describe('saved subscriptions, for any stored JSON', () => {
  it('reading never throws: valid subscriptions, one per filter, and the rest counted', () => {
    fc.assert(
      fc.property(saved, (value) => {
        const { kept, dropped } = readSavedSubscriptions(value);
        for (const s of kept) expect(isValidSubscription(s)).toBe(true);
        expect(new Set(kept.map((s) => s.filter)).size).toBe(kept.length);
        const list = (value as { subscriptions?: unknown } | null)?.subscriptions;
        if (Array.isArray(list)) expect(kept.length + dropped).toBeLessThanOrEqual(list.length);
        else expect(kept).toEqual([]);
      }),
    );
  });

  it('a store loads any entry of any version, keeps what is valid and tells what it dropped', () => {
    fc.assert(
      fc.property(saved, fc.constantFrom(0, 1, 2, 3, 99), (state, version) => {
        const { storage } = memoryStorage({
          [subscriptionsStorageKey('c1')]: JSON.stringify({ state, version }),
        });
        let told = 0;
        const store = createSubscriptionsStore(handle(), (count) => (told += count), storage);
        const { kept, dropped } = readSavedSubscriptions(state);
        expect(store.getState().subscriptions).toEqual(kept);
        expect(told).toBe(dropped);
      }),
    );
  });
});
