/**
 * Files kept in the browser across reloads (issue 15 §5: imported captures open offline).
 * Each entry is a small description (`meta`, checked by whoever reads it) and the file's bytes,
 * kept apart so that listing never touches the bytes.
 */
export interface FileStore {
  /** Every entry's description, as stored; the caller checks each one. */
  list(): Promise<{ id: string; meta: unknown }[]>;
  /** Writes the description and the bytes together: both are kept, or neither. */
  put(id: string, meta: unknown, file: Blob): Promise<void>;
  /** Replaces a description, leaving the bytes as they are. */
  putMeta(id: string, meta: unknown): Promise<void>;
  /** The bytes, or null when there are none (or what is there is not a file). */
  read(id: string): Promise<Blob | null>;
  /** Forgets both parts of an entry. */
  remove(id: string): Promise<void>;
}

/** Chrome, Safari and Firefox agree on the name; the legacy code is 22. */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || code === 22;
}
