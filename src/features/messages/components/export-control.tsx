import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { ExportFormat } from '../../../services/mqtt/index.ts';
import { endExport, startExport } from '../messages-store.ts';
import type { MessageView } from '../messages-store.ts';
import { MessagesContext } from '../messages-context.ts';

const EXTENSIONS: Record<ExportFormat, { extension: string; type: string }> = {
  jsonl: { extension: 'jsonl', type: 'application/x-ndjson' },
  csv: { extension: 'csv', type: 'text/csv' },
};

function fileName(format: ExportFormat, now: Date): string {
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return `mqtt-scope-${stamp}.${EXTENSIONS[format].extension}`;
}

/** Hands the finished export to the browser as a download, then lets its text go. */
function save(view: MessageView, format: ExportFormat): void {
  const blob = new Blob(view.exportParts, { type: EXTENSIONS[format].type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName(format, new Date());
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Export of what the list shows (the search's matches, or everything recorded while paused)
 * as JSON Lines (opens again in MQTT Scope) or CSV, with its progress.
 */
export function ExportControl({
  connections,
}: {
  connections: readonly { id: string; name: string }[];
}) {
  const { view, search } = MessagesContext.use();
  const source = useStore(view, (state) => state.source);
  const exporting = useStore(view, (state) => state.exporting);
  const ready =
    source.kind === 'recorded' && source.status?.done === true && !source.status.problems.length;

  useEffect(() => {
    if (!exporting?.done) return;
    if (!exporting.error) save(view, exporting.format);
    if (!exporting.error) endExport(view, search);
  }, [exporting, view, search]);

  if (exporting && !exporting.done) {
    const percent =
      exporting.total > 0 ? Math.floor((100 * exporting.written) / exporting.total) : 100;
    return (
      <span className="export-progress">
        <progress
          value={exporting.written}
          max={Math.max(1, exporting.total)}
          aria-label="Export progress"
        />
        Exporting {percent}% ({exporting.written.toLocaleString('en-US')} of{' '}
        {exporting.total.toLocaleString('en-US')})
        <button type="button" className="button-ghost" onClick={() => endExport(view, search)}>
          Cancel export
        </button>
      </span>
    );
  }
  if (exporting?.error) {
    return (
      <span className="field-problem" role="alert">
        {exporting.error}{' '}
        <button type="button" className="button-ghost" onClick={() => endExport(view, search)}>
          Dismiss
        </button>
      </span>
    );
  }
  if (!ready) return null;
  const names = Object.fromEntries(connections.map((c) => [c.id, c.name]));
  return (
    <span className="export-actions">
      <button
        type="button"
        className="button-ghost"
        onClick={() => startExport(view, search, 'jsonl', names)}
      >
        Export JSON Lines
      </button>
      <button
        type="button"
        className="button-ghost"
        onClick={() => startExport(view, search, 'csv', names)}
      >
        Export CSV
      </button>
    </span>
  );
}
