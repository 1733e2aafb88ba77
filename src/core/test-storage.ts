/**
 * A Map-backed storage for tests of saving: its writes throw what a browser throws when the
 * quota is used up while `state.full` is set. Test support only: nothing in the app imports it.
 */
import type { KeyValueStorage } from './guarded-storage.ts';

export function memoryStorage(entries: Record<string, string> = {}) {
  const map = new Map(Object.entries(entries));
  const state: { full: boolean; error: unknown } = {
    full: false,
    error: new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
  };
  const storage: KeyValueStorage = {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => {
      if (state.full) throw state.error;
      map.set(key, value);
    },
    removeItem: (key) => {
      map.delete(key);
    },
  };
  return { storage, map, state };
}
