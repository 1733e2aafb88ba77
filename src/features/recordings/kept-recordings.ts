import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { formatBytes } from '../../core/payload.ts';
import { isQuotaError } from '../../services/file-store/file-store.ts';
import type { FileStore } from '../../services/file-store/file-store.ts';
import { setKeepState } from './recordings-store.ts';
import type { RecordingsStore } from './recordings-store.ts';

/**
 * Recordings the user opened, kept in the browser (IndexedDB) so they are listed again after a
 * reload and open with no network (issue 15 §5). They are listed at start and read back only
 * when the user opens one: a large capture is not parsed on every page load.
 */

/** At most this much is kept for recordings, whatever the browser would allow. */
export const KEPT_RECORDINGS_BUDGET = 500 * 1024 * 1024;

const META_VERSION = 1;

export interface KeptRecording {
  id: string;
  name: string;
  /** Bytes. */
  size: number;
  /** When it was last opened (ms since the epoch). */
  openedAt: number;
  /** The file's own modification time, to know the same file opened again. */
  lastModified: number;
}

export interface KeptRecordingsState {
  /** `unavailable`: the browser lets the page keep nothing (private mode, storage off). */
  status: 'loading' | 'ready' | 'unavailable';
  /** Most recently opened first. */
  entries: KeptRecording[];
}

export type KeepOutcome = { kept: true; id: string } | { kept: false; reason: string };

export interface KeptRecordings {
  store: StoreApi<KeptRecordingsState>;
  /** Stores a copy of `file`; says why not when it cannot, and the file stays usable anyway. */
  keep(file: File): Promise<KeepOutcome>;
  /** The stored copy as a file, or null (an entry that no longer reads is dropped, with a word). */
  read(id: string): Promise<File | null>;
  /** Forgets the stored copy. */
  remove(id: string): Promise<void>;
}

export interface KeptRecordingsOptions {
  /** Said once per problem, where the user looks (the notices). */
  tell(text: string): void;
  budgetBytes?: number;
  /** What the browser still allows the site (navigator.storage.estimate). */
  estimate?: () => Promise<{ quota?: number; usage?: number } | undefined>;
  /** Asks the browser not to evict the site's storage (navigator.storage.persist). */
  persist?: () => Promise<unknown>;
  now?: () => number;
  newId?: () => string;
}

export const UNAVAILABLE_REASON =
  'this browser does not let the page keep files (private browsing, or storage turned off)';
const FULL_REASON = "the browser's storage for this site is full";

/** A stored description checked as it is read: anything else is not ours, or damaged. */
export function readKeptMeta(id: string, value: unknown): KeptRecording | null {
  if (typeof value !== 'object' || value === null) return null;
  const meta = value as Record<string, unknown>;
  const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  if (
    meta.version !== META_VERSION ||
    typeof meta.name !== 'string' ||
    meta.name === '' ||
    !finite(meta.size) ||
    meta.size < 0 ||
    !finite(meta.openedAt) ||
    !finite(meta.lastModified)
  ) {
    return null;
  }
  return {
    id,
    name: meta.name,
    size: meta.size,
    openedAt: meta.openedAt,
    lastModified: meta.lastModified,
  };
}

function metaOf(entry: KeptRecording): Record<string, unknown> {
  const { id: _id, ...rest } = entry;
  return { version: META_VERSION, ...rest };
}

const newestFirst = (entries: KeptRecording[]) =>
  [...entries].sort((a, b) => b.openedAt - a.openedAt);

function describeError(error: unknown): string {
  if (isQuotaError(error)) return FULL_REASON;
  const message = error instanceof Error ? error.message : String(error);
  return `the browser refused to store it (${message})`;
}

/**
 * Kept captures (and the saved dashboards beside them) should outlive a browser's clean-up of
 * storage under pressure. Asked only when the user keeps a file, so a first visit shows no prompt
 * (Firefox asks; Chromium decides by itself); a refusal changes nothing.
 */
function browserPersist(): Promise<unknown> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.persist || !storage.persisted) return Promise.resolve(false);
  return storage
    .persisted()
    .then((already) => already || storage.persist())
    .catch(() => false);
}

function browserEstimate(): Promise<{ quota?: number; usage?: number } | undefined> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.estimate) return Promise.resolve(undefined);
  return storage.estimate().catch(() => undefined);
}

export function createKeptRecordings(
  files: Promise<FileStore>,
  {
    tell,
    budgetBytes = KEPT_RECORDINGS_BUDGET,
    estimate = browserEstimate,
    persist = browserPersist,
    now = Date.now,
    newId = () => `kept-${now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
  }: KeptRecordingsOptions,
): KeptRecordings {
  const store = createStore<KeptRecordingsState>(() => ({ status: 'loading', entries: [] }));
  // Bytes being written now: two files kept at once both count against the budget.
  let pending = 0;
  const ready = files.then(
    async (fileStore) => {
      const stored = await fileStore.list();
      const entries: KeptRecording[] = [];
      for (const { id, meta } of stored) {
        const entry = readKeptMeta(id, meta);
        if (entry) {
          entries.push(entry);
          continue;
        }
        const name =
          typeof meta === 'object' && meta !== null && 'name' in meta ? String(meta.name) : id;
        tell(`A kept recording ("${name}") could not be read and was removed.`);
        await fileStore.remove(id).catch(() => undefined);
      }
      store.setState({ status: 'ready', entries: newestFirst(entries) });
      return fileStore;
    },
    () => {
      store.setState({ status: 'unavailable', entries: [] });
      return null;
    },
  );
  const drop = (id: string) =>
    store.setState(({ entries }) => ({ entries: entries.filter((e) => e.id !== id) }));

  return {
    store,
    async keep(file) {
      const fileStore = await ready;
      if (!fileStore) return { kept: false, reason: UNAVAILABLE_REASON };
      const { entries } = store.getState();
      const same = entries.find(
        (e) => e.name === file.name && e.size === file.size && e.lastModified === file.lastModified,
      );
      if (same) {
        const touched = { ...same, openedAt: now() };
        store.setState(({ entries: current }) => ({
          entries: newestFirst(current.map((e) => (e.id === same.id ? touched : e))),
        }));
        await fileStore.putMeta(same.id, metaOf(touched)).catch(() => undefined);
        return { kept: true, id: same.id };
      }
      const total = entries.reduce((sum, e) => sum + e.size, 0) + pending;
      if (total + file.size > budgetBytes) {
        return {
          kept: false,
          reason: `kept recordings may use ${formatBytes(budgetBytes)}, and this one would pass it; remove one to keep it`,
        };
      }
      const room = await estimate();
      if (room?.quota !== undefined && room.usage !== undefined) {
        if (room.quota - room.usage < file.size) return { kept: false, reason: FULL_REASON };
      }
      const entry: KeptRecording = {
        id: newId(),
        name: file.name,
        size: file.size,
        openedAt: now(),
        lastModified: file.lastModified,
      };
      pending += file.size;
      try {
        await fileStore.put(entry.id, metaOf(entry), file);
      } catch (error) {
        return { kept: false, reason: describeError(error) };
      } finally {
        pending -= file.size;
      }
      store.setState(({ entries: current }) => ({ entries: newestFirst([...current, entry]) }));
      void persist();
      return { kept: true, id: entry.id };
    },
    async read(id) {
      const fileStore = await ready;
      const entry = store.getState().entries.find((e) => e.id === id);
      if (!fileStore || !entry) return null;
      const blob = await fileStore.read(id).catch(() => null);
      if (!blob || blob.size !== entry.size) {
        drop(id);
        tell(`The kept recording "${entry.name}" could no longer be read and was removed.`);
        await fileStore.remove(id).catch(() => undefined);
        return null;
      }
      const opened = { ...entry, openedAt: now() };
      store.setState(({ entries }) => ({
        entries: newestFirst(entries.map((e) => (e.id === id ? opened : e))),
      }));
      void fileStore.putMeta(id, metaOf(opened)).catch(() => undefined);
      return new File([blob], entry.name, { lastModified: entry.lastModified });
    },
    async remove(id) {
      const fileStore = await ready;
      const entry = store.getState().entries.find((e) => e.id === id);
      drop(id);
      if (!fileStore) return;
      try {
        await fileStore.remove(id);
      } catch (error) {
        tell(
          `"${entry?.name ?? id}" could not be removed from this browser's storage: ${error instanceof Error ? error.message : String(error)}.`,
        );
      }
    },
  };
}

/**
 * Keeps a copy of the file behind open recording `id` once the worker has read it as a
 * recording (a file that is not one is never kept), showing on it how that went.
 */
export function keepOpenedRecording(
  recordings: RecordingsStore,
  kept: KeptRecordings,
  id: string,
  file: File,
): void {
  const stateOf = () => recordings.getState().recordings.find((r) => r.id === id)?.state.state;
  const start = () => {
    setKeepState(recordings, id, { state: 'saving' });
    void kept
      .keep(file)
      .then((outcome) =>
        setKeepState(
          recordings,
          id,
          outcome.kept
            ? { state: 'kept', keptId: outcome.id }
            : { state: 'not-kept', reason: outcome.reason },
        ),
      );
  };
  if (stateOf() === 'ready') return start();
  const stop = recordings.subscribe(() => {
    const state = stateOf();
    if (state === 'loading') return;
    stop();
    if (state === 'ready') start();
  });
}
