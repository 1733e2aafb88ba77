/**
 * Saving that cannot lose what is in memory. A browser refuses a write when the page's storage
 * quota is used up (`QuotaExceededError`) or storage is turned off (`SecurityError` in some
 * private modes); the write then throws out of whatever saved, half-way through its work. Every
 * saved entry is written through this one wrapper: the write that failed is reported, the
 * caller goes on, and the state in memory stays as it was.
 */

/** The part of Web Storage that saving needs; `localStorage` is one. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Why a write failed: the quota is used up, or storage cannot be written at all. */
export type WriteFailure = 'full' | 'unavailable';

/** Chrome, Safari and Firefox name it differently; old ones only give a code (22, or 1014). */
function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return (
    name === 'QuotaExceededError' ||
    name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    code === 22 ||
    code === 1014
  );
}

/**
 * `storage` with writes that never throw. A failed write calls `onWriteFailed` once for its key,
 * and not again for that key until a write to it has succeeded: a store that saves on every
 * change would otherwise repeat the same warning many times a second.
 */
export function guardedStorage(
  storage: KeyValueStorage,
  onWriteFailed: (key: string, why: WriteFailure) => void,
): KeyValueStorage {
  const failing = new Set<string>();
  const attempt = (key: string, write: () => void) => {
    try {
      write();
      failing.delete(key);
    } catch (error) {
      if (failing.has(key)) return;
      failing.add(key);
      onWriteFailed(key, isQuotaError(error) ? 'full' : 'unavailable');
    }
  };
  return {
    getItem(key) {
      try {
        return storage.getItem(key);
      } catch {
        return null; // storage turned off: nothing saved can be read either
      }
    },
    setItem: (key, value) => attempt(key, () => storage.setItem(key, value)),
    removeItem: (key) => attempt(key, () => storage.removeItem(key)),
  };
}

/**
 * `storage` for entries that are all JSON. One that is not (a partial write, a hand edit, another
 * program's value under our key) is removed when read and reported through `onUnreadable`, so its
 * store starts from its defaults and the user is told; a store reading it directly would fail to
 * parse it, start empty and say nothing, on every reload. Reading parses twice, once per load.
 */
export function jsonCheckedStorage(
  storage: KeyValueStorage,
  onUnreadable: (key: string) => void,
): KeyValueStorage {
  return {
    getItem(key) {
      const value = storage.getItem(key);
      if (value === null) return null;
      try {
        JSON.parse(value);
        return value;
      } catch {
        storage.removeItem(key);
        onUnreadable(key);
        return null;
      }
    },
    // A store saves on every change of its state, also when the saved part is unchanged (the
    // topic tree's open branches, each time its counts move): such a write is skipped.
    setItem: (key, value) => {
      if (storage.getItem(key) !== value) storage.setItem(key, value);
    },
    removeItem: (key) => storage.removeItem(key),
  };
}
