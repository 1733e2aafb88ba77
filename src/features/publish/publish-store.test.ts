import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../../core/test-storage.ts';
import { createPublishStore, startedRepeat, stopRunningRepeats } from './publish-store.ts';

describe('a worker restart', () => {
  it('shows a running repeat stopped, with the reason, instead of running for ever', () => {
    const store = createPublishStore(memoryStorage().storage);
    startedRepeat(store, 1, 'plant', 100);
    startedRepeat(store, 2, 'hall', null);
    store.setState(({ repeats }) => ({
      repeats: repeats.map((r) => (r.repeatId === 2 ? { ...r, state: 'done' as const } : r)),
    }));
    stopRunningRepeats(store, 'The MQTT worker was restarted.');
    expect(
      store.getState().repeats.map(({ repeatId, state, reason }) => [repeatId, state, reason]),
    ).toEqual([
      [2, 'done', undefined],
      [1, 'stopped', 'The MQTT worker was restarted.'],
    ]);
  });
});
