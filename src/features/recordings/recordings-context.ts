import { createStoreContext } from '../../components/store-context.tsx';
import type { RecordingsStore } from './recordings-store.ts';

export interface RecordingsRuntime {
  store: RecordingsStore;
  /** Opens a file as a new read-only source and puts it in focus. */
  open(file: File): void;
  close(id: string): void;
}

export const RecordingsContext = createStoreContext<RecordingsRuntime>('RecordingsContext');
