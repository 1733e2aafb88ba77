/**
 * The MQTT 5 options of a subscription (MQTT 5.0 §3.8.3.1) and its subscription identifier
 * (§3.8.2.1.2). A 3.1.1 broker never sees them: mqtt.js writes them only in an MQTT 5
 * SUBSCRIBE.
 */
export interface SubscribeOptions {
  /** Do not send this client its own messages back. */
  noLocal: boolean;
  /** Keep the RETAIN flag as the publisher set it, instead of clearing it on forwarding. */
  retainAsPublished: boolean;
  /** 0: send retained messages on subscribe; 1: only for a new subscription; 2: never. */
  retainHandling: 0 | 1 | 2;
  /** Tagged on every message this subscription delivers; null: none. */
  subscriptionId: number | null;
}

export const DEFAULT_SUBSCRIBE_OPTIONS: SubscribeOptions = {
  noLocal: false,
  retainAsPublished: false,
  retainHandling: 0,
  subscriptionId: null,
};

/** §2.2.2.2: a Variable Byte Integer of 1 to 268,435,455; 0 is a protocol error. */
export const MAX_SUBSCRIPTION_ID = 268_435_455;

export type OptionsCheck = { ok: true } | { ok: false; reason: string };

/** Checks options against the filter they go with, in words. */
export function checkSubscribeOptions(filter: string, options: SubscribeOptions): OptionsCheck {
  const { subscriptionId } = options;
  if (
    subscriptionId !== null &&
    (!Number.isInteger(subscriptionId) ||
      subscriptionId < 1 ||
      subscriptionId > MAX_SUBSCRIPTION_ID)
  )
    return {
      ok: false,
      reason: `A subscription identifier is a whole number from 1 to ${MAX_SUBSCRIPTION_ID.toLocaleString('en-US')}.`,
    };
  // §3.8.3.1: No Local on a shared subscription is a protocol error; the broker would disconnect.
  if (options.noLocal && filter.startsWith('$share/'))
    return { ok: false, reason: 'No Local cannot be used with a shared ($share/…) subscription.' };
  return { ok: true };
}

/** Reads saved options; anything missing or malformed takes its default. */
export function readSubscribeOptions(saved: unknown): SubscribeOptions {
  const source =
    typeof saved === 'object' && saved !== null ? (saved as Record<string, unknown>) : {};
  const id = source.subscriptionId;
  const handling = source.retainHandling;
  return {
    noLocal: source.noLocal === true,
    retainAsPublished: source.retainAsPublished === true,
    retainHandling: handling === 1 || handling === 2 ? handling : 0,
    subscriptionId:
      typeof id === 'number' && Number.isInteger(id) && id >= 1 && id <= MAX_SUBSCRIPTION_ID
        ? id
        : null,
  };
}
