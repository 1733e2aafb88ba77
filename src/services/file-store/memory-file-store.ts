import type { FileStore } from './file-store.ts';

/** A `FileStore` in memory, for tests: a quota, and entries that can be damaged on purpose. */
export interface MemoryFileStore extends FileStore {
  readonly metas: Map<string, unknown>;
  readonly files: Map<string, unknown>;
}

export function createMemoryFileStore(quotaBytes = Number.POSITIVE_INFINITY): MemoryFileStore {
  const metas = new Map<string, unknown>();
  const files = new Map<string, unknown>();
  const used = () =>
    [...files.values()].reduce<number>((sum, f) => sum + (f instanceof Blob ? f.size : 0), 0);
  return {
    metas,
    files,
    list: () => Promise.resolve([...metas].map(([id, meta]) => ({ id, meta }))),
    put(id, meta, file) {
      if (used() + file.size > quotaBytes) {
        return Promise.reject(
          Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' }),
        );
      }
      files.set(id, file);
      metas.set(id, meta);
      return Promise.resolve();
    },
    putMeta(id, meta) {
      metas.set(id, meta);
      return Promise.resolve();
    },
    read(id) {
      const file = files.get(id);
      return Promise.resolve(file instanceof Blob ? file : null);
    },
    remove(id) {
      files.delete(id);
      metas.delete(id);
      return Promise.resolve();
    },
  };
}
