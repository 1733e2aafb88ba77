import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { ConnectionEvent, RecordingState } from '../../services/mqtt/index.ts';

/** A saved recording opened as a read-only source; it lives until closed or the page reloads. */
export interface OpenRecording {
  /** The id of the worker connection that holds it. */
  id: string;
  name: string;
  color: string;
  state: RecordingState;
  /** The file it was read from, kept in memory (never saved) so it can be replayed. */
  file: Blob;
}

export interface RecordingsState {
  recordings: OpenRecording[];
  /** The recording whose tree and charts are in view, or null for the focused broker. */
  focusedId: string | null;
}

export type RecordingsStore = StoreApi<RecordingsState>;

export function createRecordingsStore(): RecordingsStore {
  return createStore<RecordingsState>(() => ({ recordings: [], focusedId: null }));
}

export function addRecording(store: RecordingsStore, recording: OpenRecording): void {
  store.setState(({ recordings }) => ({
    recordings: [...recordings, recording],
    focusedId: recording.id,
  }));
}

export function removeRecording(store: RecordingsStore, id: string): void {
  store.setState(({ recordings, focusedId }) => ({
    recordings: recordings.filter((r) => r.id !== id),
    focusedId: focusedId === id ? null : focusedId,
  }));
}

export function focusRecording(store: RecordingsStore, id: string | null): void {
  store.setState({ focusedId: id });
}

/** Takes the worker's word on how the opening went. */
export function applyRecordingEvent(
  store: RecordingsStore,
  connectionId: string,
  event: ConnectionEvent,
): void {
  if (event.type !== 'recording') return;
  store.setState(({ recordings }) => ({
    recordings: recordings.map((r) =>
      r.id === connectionId ? { ...r, state: event.recording } : r,
    ),
  }));
}
