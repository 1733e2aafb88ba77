import { describe, expect, it } from 'vitest';
import {
  applyReplayEvent,
  createReplayStore,
  describeReplay,
  stopRunningReplays,
} from './replay-store.ts';

describe('the replay store', () => {
  it('keeps the latest state per connection and ignores other events', () => {
    const store = createReplayStore();
    applyReplayEvent(store, 'c1', { type: 'replay', replay: { state: 'loading' } });
    applyReplayEvent(store, 'c1', { type: 'log', entry: { time: 0, level: 'info', text: 'x' } });
    applyReplayEvent(store, 'c2', {
      type: 'replay',
      replay: { state: 'failed', reason: 'This file is not an MQTT Scope recording.', sent: 0 },
    });
    expect(store.getState().replays).toEqual({
      c1: { state: 'loading' },
      c2: { state: 'failed', reason: 'This file is not an MQTT Scope recording.', sent: 0 },
    });
  });

  it('says how far a replay is, at what speed, in words', () => {
    expect(
      describeReplay({
        state: 'running',
        sent: 1_234,
        total: 10_000,
        skipped: 2,
        speed: 10,
        elapsedMs: 1_500,
        spanMs: 60_000,
      }),
    ).toBe(
      'Replaying: 1,234 of 10,000 sent, 10x · 1.5 s for a recording of 60.0 s · 2 damaged line(s) left out',
    );
    expect(describeReplay({ state: 'failed', reason: 'The connection went down.', sent: 12 })).toBe(
      'The connection went down. (12 sent)',
    );
  });
});

describe('a worker restart', () => {
  it('ends a replay that was going, with the reason and what was sent, and leaves a done one', () => {
    const store = createReplayStore();
    const progress = {
      sent: 7,
      total: 10,
      skipped: 0,
      speed: 1,
      elapsedMs: 700,
      spanMs: 900,
    } as const;
    applyReplayEvent(store, 'live', { type: 'replay', replay: { state: 'running', ...progress } });
    applyReplayEvent(store, 'over', { type: 'replay', replay: { state: 'done', ...progress } });
    stopRunningReplays(store, 'The MQTT worker was restarted.');
    expect(store.getState().replays).toEqual({
      live: { state: 'failed', reason: 'The MQTT worker was restarted.', sent: 7 },
      over: { state: 'done', ...progress },
    });
  });
});
