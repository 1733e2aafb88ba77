import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { ConnectionEvent, ReplayState } from '../../services/mqtt/index.ts';

/** The replay going out through each connection (by connection id), as the worker reports it. */
export type ReplayStore = StoreApi<{ replays: Readonly<Record<string, ReplayState>> }>;

export function createReplayStore(): ReplayStore {
  return createStore(() => ({ replays: {} as Readonly<Record<string, ReplayState>> }));
}

export function applyReplayEvent(
  store: ReplayStore,
  connectionId: string,
  event: ConnectionEvent,
): void {
  if (event.type !== 'replay') return;
  store.setState(({ replays }) => ({ replays: { ...replays, [connectionId]: event.replay } }));
}

/** The worker was replaced: a replay that was going does not come back with it. */
export function stopRunningReplays(store: ReplayStore, reason: string): void {
  store.setState(({ replays }) => ({
    replays: Object.fromEntries(
      Object.entries(replays).map(([id, replay]) => [
        id,
        replay.state === 'loading' || replay.state === 'running' || replay.state === 'paused'
          ? { state: 'failed', reason, sent: 'sent' in replay ? replay.sent : 0 }
          : replay,
      ]),
    ),
  }));
}

/** A replay's progress in words, as the Recordings panel shows it. */
export function describeReplay(state: ReplayState): string {
  switch (state.state) {
    case 'loading':
      return 'Reading the recording…';
    case 'failed':
      return state.sent > 0
        ? `${state.reason} (${state.sent.toLocaleString('en-US')} sent)`
        : state.reason;
    default: {
      const speed = state.speed === 'max' ? 'as fast as possible' : `${state.speed}x`;
      const counted = `${state.sent.toLocaleString('en-US')} of ${state.total.toLocaleString('en-US')} sent`;
      const word = { running: 'Replaying', paused: 'Paused', done: 'Done', stopped: 'Stopped' }[
        state.state
      ];
      const skipped =
        state.skipped > 0
          ? ` · ${state.skipped.toLocaleString('en-US')} damaged line(s) left out`
          : '';
      const seconds = (ms: number) => `${(ms / 1_000).toFixed(1)} s`;
      return `${word}: ${counted}, ${speed} · ${seconds(state.elapsedMs)} for a recording of ${seconds(state.spanMs)}${skipped}`;
    }
  }
}
