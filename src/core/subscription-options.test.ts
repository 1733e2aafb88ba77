import { describe, expect, it } from 'vitest';
import {
  checkSubscribeOptions,
  DEFAULT_SUBSCRIBE_OPTIONS,
  readSubscribeOptions,
} from './subscription-options.ts';

describe('subscribe options', () => {
  it('refuses a subscription identifier outside 1…268,435,455 (MQTT 5 §3.8.2.1.2)', () => {
    for (const subscriptionId of [0, -1, 1.5, 268_435_456])
      expect(checkSubscribeOptions('a', { ...DEFAULT_SUBSCRIBE_OPTIONS, subscriptionId }).ok).toBe(
        false,
      );
    expect(
      checkSubscribeOptions('a', { ...DEFAULT_SUBSCRIBE_OPTIONS, subscriptionId: 268_435_455 }).ok,
    ).toBe(true);
  });

  it('refuses No Local on a shared subscription (MQTT 5 §3.8.3.1)', () => {
    const options = { ...DEFAULT_SUBSCRIBE_OPTIONS, noLocal: true };
    expect(checkSubscribeOptions('$share/g/a/#', options)).toEqual({
      ok: false,
      reason: 'No Local cannot be used with a shared ($share/…) subscription.',
    });
    expect(checkSubscribeOptions('a/#', options).ok).toBe(true);
  });

  it('reads saved options field by field', () => {
    expect(readSubscribeOptions({ noLocal: true, retainHandling: 2, subscriptionId: 0 })).toEqual({
      ...DEFAULT_SUBSCRIBE_OPTIONS,
      noLocal: true,
      retainHandling: 2,
    });
    expect(readSubscribeOptions('junk')).toEqual(DEFAULT_SUBSCRIBE_OPTIONS);
  });
});
