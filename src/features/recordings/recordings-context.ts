import { createStoreContext } from '../../components/store-context.tsx';
import type { ReplaySpeed } from '../../core/replay/replay-plan.ts';
import type { RecordingsStore } from './recordings-store.ts';
import type { ReplayStore } from './replay-store.ts';

export interface RecordingsRuntime {
  store: RecordingsStore;
  /** Opens a file as a new read-only source and puts it in focus. */
  open(file: File): void;
  close(id: string): void;
  /** The replay going out through each connection. */
  replays: ReplayStore;
  /** Publishes a recording through connection `targetId` (see engine/recording-replay.ts). */
  replay(targetId: string, file: Blob, speed: ReplaySpeed, topicPrefix: string): void;
  controlReplay(targetId: string, action: 'pause' | 'resume' | 'stop'): void;
}

export const RecordingsContext = createStoreContext<RecordingsRuntime>('RecordingsContext');
