import { useStore } from 'zustand';
import { endExport, startExport } from '../message-export.ts';
import { MessagesContext } from '../messages-context.ts';

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

  if (exporting && !exporting.error) {
    const percent =
      exporting.total > 0 ? Math.floor((100 * exporting.written) / exporting.total) : 100;
    return (
      <span className="export-progress">
        <progress
          value={exporting.written}
          max={Math.max(1, exporting.total)}
          aria-label="Export progress"
        />
        {exporting.done ? 'Saving the file…' : `Exporting ${percent}%`} (
        {exporting.written.toLocaleString('en-US')} of {exporting.total.toLocaleString('en-US')})
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
        onClick={() => void startExport(view, search, 'jsonl', names)}
      >
        Export JSON Lines
      </button>
      <button
        type="button"
        className="button-ghost"
        onClick={() => void startExport(view, search, 'csv', names)}
      >
        Export CSV
      </button>
    </span>
  );
}
