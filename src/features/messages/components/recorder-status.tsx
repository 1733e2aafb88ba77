import { useState } from 'react';
import { useStore } from 'zustand';
import { formatBytes } from '../../../core/payload.ts';
import type { ConnectionStream, ListSource } from '../messages-store.ts';
import { BudgetEditor } from './budget-editor.tsx';
import { ExportControl } from './export-control.tsx';
import { MessagesContext } from '../messages-context.ts';

const count = (n: number) => n.toLocaleString('en-US');

/** Kept, evicted and memory of one connection's recorder, as its status line says them. */
function RecorderFigures({ stream, name }: { stream: ConnectionStream; name: string | null }) {
  const recorder = useStore(stream, (state) => state.recorder);
  if (!recorder) return null;
  return (
    <span className="recorder-figures" data-memory-bytes={recorder.memoryBytes}>
      {name && <strong>{name}: </strong>}
      {count(recorder.kept)} kept · {count(recorder.evicted)} evicted by the budget ·{' '}
      {formatBytes(recorder.memoryBytes)}
    </span>
  );
}

/**
 * The line under the toolbar: what the recorder holds per connection, and how a search or the
 * paused list is doing (matches, how much was searched, how long it took, new messages waiting).
 */
export function RecorderStatus({
  connections,
}: {
  connections: readonly { id: string; name: string }[];
}) {
  const { view, streamFor } = MessagesContext.use();
  const source = useStore(view, (state) => state.source);
  const received = useStore(view, (state) => state.totals.received);
  const pausedAt = useStore(view, (state) => state.pausedAtReceived);
  const named = connections.length > 1;
  const [editing, setEditing] = useState(false);
  return (
    <>
      <div className="recorder-status">
        <span aria-live="polite" className="recorder-live">
          {source.kind === 'recorded' && (
            <span className="query-status" data-testid="query-status">
              {queryText(source)}
              {pausedAt !== null && received > pausedAt && (
                <> · {count(received - pausedAt)} new since paused</>
              )}
            </span>
          )}
          {connections.map(({ id, name }) => {
            const stream = streamFor(id);
            return stream ? (
              <RecorderFigures key={id} stream={stream} name={named ? name : null} />
            ) : null;
          })}
        </span>
        <ExportControl connections={connections} />
        <button
          type="button"
          className="button-ghost budget-button"
          aria-expanded={editing}
          onClick={() => setEditing(!editing)}
        >
          Budget…
        </button>
      </div>
      {editing && <BudgetEditor onDone={() => setEditing(false)} />}
    </>
  );
}

function queryText(source: Extract<ListSource, { kind: 'recorded' }>): string {
  const { status, query } = source;
  if (!status) return query ? 'Searching…' : 'Reading the recorder…';
  if (status.problems.length > 0) return 'The search could not run: see the fields above.';
  const what = query ? `${count(status.matched)} matches` : `${count(status.matched)} recorded`;
  if (!status.done)
    return `${what} so far · ${count(status.scanned)} of ${count(status.total)} searched`;
  return query
    ? `${what} in ${count(status.total)} recorded messages · ${count(status.elapsedMs)} ms`
    : `${what} · paused`;
}
