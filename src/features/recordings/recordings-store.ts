import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { ConnectionEvent, RecordingState } from '../../services/mqtt/index.ts';

/**
 * Whether a copy of an opened file is kept in the browser for after a reload (kept-recordings.ts).
 * The shipped demo has none: it comes from the app's own files.
 */
export type KeepState =
  { state: 'saving' } | { state: 'kept'; keptId: string } | { state: 'not-kept'; reason: string };

/**
 * A saved recording opened as a read-only source; it lives until closed or the page reloads
 * (a kept copy is listed again after a reload and opened anew).
 */
export interface OpenRecording {
  /** The id of the worker connection that holds it. */
  id: string;
  name: string;
  color: string;
  state: RecordingState;
  /** The file it was read from, kept in memory (never saved) so it can be replayed. */
  file: Blob;
  keep?: KeepState;
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

export function setKeepState(store: RecordingsStore, id: string, keep: KeepState): void {
  store.setState(({ recordings }) => ({
    recordings: recordings.map((r) => (r.id === id ? { ...r, keep } : r)),
  }));
}

/** A kept copy removed: the recordings opened from it stay open, for this session only. */
export function forgetKeptCopy(store: RecordingsStore, keptId: string): void {
  store.setState(({ recordings }) => ({
    recordings: recordings.map((r) =>
      r.keep?.state === 'kept' && r.keep.keptId === keptId
        ? { ...r, keep: { state: 'not-kept', reason: 'removed from this browser' } }
        : r,
    ),
  }));
}
