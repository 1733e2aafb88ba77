import type { FileStore } from './file-store.ts';

const META = 'meta';
const FILES = 'files';
const DB_VERSION = 1;

/** An IndexedDB request as a promise. */
function settle<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('the browser refused the request'));
  });
}

/**
 * A transaction as a promise: resolved when it commits, rejected with why it aborted (a full
 * quota aborts the transaction, not the request, and names itself only in `transaction.error`).
 */
function done(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    const fail = () =>
      reject(transaction.error ?? new Error('the browser abandoned the write (storage error)'));
    transaction.onerror = fail;
    transaction.onabort = fail;
  });
}

/**
 * Opens (or creates) the database `name` as a `FileStore`. Rejects when the page may not use
 * IndexedDB (no `indexedDB`, or opening fails as it does in some private modes), so the caller
 * can say that nothing will be kept. Files are stored as `Blob`s: the browser keeps their bytes
 * on disk and reads them only when the blob is read.
 */
export function openIndexedDbFileStore(
  name: string,
  factory: IDBFactory | undefined = globalThis.indexedDB,
): Promise<FileStore> {
  if (!factory) return Promise.reject(new Error('IndexedDB is not available'));
  return new Promise<IDBDatabase>((resolve, reject) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name, DB_VERSION);
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
      if (!db.objectStoreNames.contains(FILES)) db.createObjectStore(FILES);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
    request.onblocked = () => reject(new Error('IndexedDB is held by an older tab of this page'));
  }).then((db) => {
    // Another tab upgrading the database asks this one to let go.
    db.onversionchange = () => db.close();
    return {
      async list() {
        const transaction = db.transaction(META, 'readonly');
        const store = transaction.objectStore(META);
        const [keys, values] = await Promise.all([
          settle(store.getAllKeys()),
          settle(store.getAll()),
        ]);
        return keys.map((key, i) => ({ id: String(key), meta: values[i] as unknown }));
      },
      put(id, meta, file) {
        const transaction = db.transaction([META, FILES], 'readwrite');
        transaction.objectStore(FILES).put(file, id);
        transaction.objectStore(META).put(meta, id);
        return done(transaction);
      },
      putMeta(id, meta) {
        const transaction = db.transaction(META, 'readwrite');
        transaction.objectStore(META).put(meta, id);
        return done(transaction);
      },
      async read(id) {
        const transaction = db.transaction(FILES, 'readonly');
        const value: unknown = await settle(transaction.objectStore(FILES).get(id));
        return value instanceof Blob ? value : null;
      },
      remove(id) {
        const transaction = db.transaction([META, FILES], 'readwrite');
        transaction.objectStore(FILES).delete(id);
        transaction.objectStore(META).delete(id);
        return done(transaction);
      },
    } satisfies FileStore;
  });
}
