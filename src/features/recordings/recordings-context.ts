import { createStoreContext } from '../../components/store-context.tsx';
import type { ReplaySpeed } from '../../core/replay/replay-plan.ts';
import type { KeptRecordings } from './kept-recordings.ts';
import type { RecordingsStore } from './recordings-store.ts';
import type { ReplayStore } from './replay-store.ts';

export interface RecordingsRuntime {
  store: RecordingsStore;
  /**
   * Opens a file as a new read-only source and puts it in focus; a file the user chose is also
   * kept in the browser (`keep: false` for the shipped demo, which the service worker caches;
   * `keptId` when the file is that kept copy).
   */
  open(file: File, options?: { keep?: boolean; keptId?: string }): void;
  /** The recordings kept in the browser, listed after a reload. */
  kept: KeptRecordings;
  /** Reads a kept recording back and opens it as a source. */
  openKept(keptId: string): void;
  /** Forgets a kept copy (a recording open from it stays open until closed). */
  removeKept(keptId: string): void;
  close(id: string): void;
  /** The replay going out through each connection. */
  replays: ReplayStore;
  /** Publishes a recording through connection `targetId` (see engine/recording-replay.ts). */
  replay(targetId: string, file: Blob, speed: ReplaySpeed, topicPrefix: string): void;
  controlReplay(targetId: string, action: 'pause' | 'resume' | 'stop'): void;
}

export const RecordingsContext = createStoreContext<RecordingsRuntime>('RecordingsContext');
