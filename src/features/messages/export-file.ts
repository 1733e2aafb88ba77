import type { ExportFormat } from '../../services/mqtt/index.ts';

/** Where an export's text goes, chunk by chunk, as the worker writes it. */
export interface ExportFile {
  /** Queues one chunk; the chunk is let go once written. */
  write(text: string): void;
  /** Finishes the file; rejects with the reason when the disk refused a write. */
  close(): Promise<void>;
  /** Drops what was written (a cancelled export leaves no half file behind). */
  abort(): void;
}

const FORMATS: Record<ExportFormat, { extension: string; type: string; description: string }> = {
  jsonl: { extension: 'jsonl', type: 'application/x-ndjson', description: 'JSON Lines' },
  csv: { extension: 'csv', type: 'text/csv', description: 'CSV' },
};

/** `mqtt-scope-20260128-101500.jsonl`: sorts by time in a folder. */
export function exportFileName(format: ExportFormat, now: Date): string {
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return `mqtt-scope-${stamp}.${FORMATS[format].extension}`;
}

/** The parts of the File System Access API an export uses (Chromium has it; others do not). */
interface WritableFile {
  write(data: string): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}
interface SavePicker {
  showSaveFilePicker(options: {
    suggestedName: string;
    types: { description: string; accept: Record<string, string[]> }[];
  }): Promise<{ createWritable(): Promise<WritableFile> }>;
}

/**
 * A file the user picked, written as the chunks arrive, so an export of a million messages
 * never holds its whole text in the page. Writes are chained in order; the first failure
 * (a full disk, a revoked permission) is kept and reported by `close`.
 */
export function streamedFile(writable: WritableFile): ExportFile {
  let pending: Promise<void> = Promise.resolve();
  let failure: unknown = null;
  return {
    write(text) {
      pending = pending.then(() => (failure === null ? writable.write(text) : undefined));
      pending = pending.catch((error: unknown) => {
        failure ??= error;
      });
    },
    async close() {
      await pending;
      if (failure !== null) {
        await writable.abort().catch(() => undefined);
        throw failure instanceof Error ? failure : new Error(String(failure));
      }
      await writable.close();
    },
    abort() {
      void pending.then(() => writable.abort()).catch(() => undefined);
    },
  };
}

/** Where no file can be streamed to: the text is kept and handed over as one download. */
export function downloadedFile(format: ExportFormat, name: string): ExportFile {
  let parts: string[] = [];
  return {
    write(text) {
      parts.push(text);
    },
    close() {
      const blob = new Blob(parts, { type: FORMATS[format].type });
      parts = [];
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return Promise.resolve();
    },
    abort() {
      parts = [];
    },
  };
}

/**
 * Asks where the export goes: a save dialog where the browser can stream to a file, else a
 * download at the end. Null when the user closed the dialog. Call it straight from a click:
 * the dialog needs the click's user activation.
 */
export async function openExportFile(
  format: ExportFormat,
  now: Date = new Date(),
): Promise<ExportFile | null> {
  const name = exportFileName(format, now);
  const picker = (globalThis as Partial<SavePicker>).showSaveFilePicker;
  if (typeof picker !== 'function') return downloadedFile(format, name);
  const { extension, type, description } = FORMATS[format];
  try {
    const handle = await picker.call(globalThis, {
      suggestedName: name,
      types: [{ description, accept: { [type]: [`.${extension}`] } }],
    });
    return streamedFile(await handle.createWritable());
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return null;
    // A browser that has the dialog but refuses it here (a sandboxed frame): download instead.
    return downloadedFile(format, name);
  }
}
