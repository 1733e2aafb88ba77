import { exportHeader, exportLine } from '../../../core/recorder/export-format.ts';
import type { ExportFormat } from '../../../core/recorder/export-format.ts';
import type { EngineBatch, ExportChunk } from '../protocol.ts';
import type { QueryService } from './query-service.ts';

/** Text handed to the page per batch: a file of hundreds of MB goes out in steps. */
const CHUNK_CHARS = 1 << 20;

interface RunningExport {
  id: number;
  format: ExportFormat;
  queryId: number;
  names: Readonly<Record<string, string>>;
  /** The next match to write, counting down: the file runs oldest first. */
  next: number;
  total: number;
  written: number;
}

/**
 * Writes the matches of a finished search to the page, a chunk of text per batch, oldest
 * message first. The next chunk is made only once the page took the previous one, so an
 * export never piles up in memory and the live stream keeps its frames.
 */
export class ExportJob {
  private running: RunningExport | null = null;
  private chunk: ExportChunk | null = null;

  constructor(
    private readonly queries: QueryService,
    private readonly onChange: () => void,
  ) {}

  start(
    exportId: number,
    queryId: number,
    format: ExportFormat,
    names: Readonly<Record<string, string>>,
  ): void {
    const finished = this.queries.finished(queryId);
    if (!finished) {
      this.chunk = {
        exportId,
        text: '',
        written: 0,
        total: 0,
        done: true,
        error: 'The search is still running or was replaced: export once it has finished.',
      };
      this.onChange();
      return;
    }
    const total = finished.run.matched;
    this.running = { id: exportId, format, queryId, names, next: total - 1, total, written: 0 };
    this.chunk = this.nextChunk(exportHeader(format, Date.now()));
    this.onChange();
  }

  cancel(exportId: number): void {
    if (this.running?.id === exportId) this.running = null;
  }

  dueAt(now: number): number | null {
    return this.chunk ? now : null;
  }

  flush(batch: EngineBatch): void {
    batch.exportChunk = this.chunk;
    this.chunk = null;
    if (this.running) {
      this.chunk = this.nextChunk('');
      this.onChange();
    }
  }

  private nextChunk(prefix: string): ExportChunk | null {
    const running = this.running;
    if (!running) return null;
    const finished = this.queries.finished(running.queryId);
    const parts = [prefix];
    let chars = prefix.length;
    while (finished && running.next >= 0 && chars < CHUNK_CHARS) {
      const match = finished.run.matchAt(running.next);
      running.next -= 1;
      running.written += 1;
      const connection = match && finished.connectionAt(match.storeIndex);
      const message = connection?.sinks.recorder.store.get(match?.id ?? 0);
      if (!connection || !message) continue;
      const line = exportLine(running.format, {
        ...message,
        connection: running.names[connection.id] ?? connection.id,
      });
      parts.push(line);
      chars += line.length;
    }
    const done = !finished || running.next < 0;
    const chunk: ExportChunk = {
      exportId: running.id,
      text: parts.join(''),
      written: running.written,
      total: running.total,
      done,
      error: finished ? null : 'The search was replaced before the export finished.',
    };
    if (done) this.running = null;
    return chunk;
  }
}
