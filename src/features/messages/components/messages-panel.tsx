import { lazy, Suspense, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { Panel } from '../../../components/ui/panel.tsx';
import { formatRate } from '../../../core/format.ts';
import { clearView, pauseView, resumeView, setViewFilter } from '../messages-store.ts';
import type { ConnectionStream } from '../messages-store.ts';
import { MessagesContext } from '../messages-context.ts';
import { usePacedRedraw } from '../redraw-pacer.ts';
import type { ConnectionLabel } from '../messages-context.ts';
import { MessageList } from './message-list.tsx';
import { RecorderStatus } from './recorder-status.tsx';
import { SearchBar } from './search-bar.tsx';
import './messages.css';

const MessageDetail = lazy(() => import('./message-detail.tsx'));

/**
 * How many messages the stream in view received (one connection's, or all added up), and how
 * fast. Redrawn on the rows' clock, so a frame with new rows and counts is laid out once.
 */
function StreamCounter({ stream }: { stream: ConnectionStream | undefined }) {
  const { view } = MessagesContext.use();
  usePacedRedraw(view.pacer);
  const { received, rate } = stream ? stream.getState().counters : view.getState().totals;
  return (
    <span className="counter" aria-label="Messages received">
      <strong data-testid="received-count">{received.toLocaleString('en-US')}</strong> received ·{' '}
      {formatRate(rate)}
    </span>
  );
}

/** The stream of the open connections; `connections` says how each one is marked. */
export function MessagesPanel({ connections }: { connections: readonly ConnectionLabel[] }) {
  const { view, streamFor, handleFor, search } = MessagesContext.use();
  const paused = useStore(view, (state) => state.paused);
  const filter = useStore(view, (state) => state.filter);
  const selected = useStore(view, (state) => state.selected);
  const [searchOpen, setSearchOpen] = useState(false);
  // A search started from elsewhere (the topic tree) opens the form, so the query is in sight.
  const query = useStore(view, (state) =>
    state.source.kind === 'recorded' ? state.source.query : null,
  );
  const [openedFor, setOpenedFor] = useState(query);
  if (query !== openedFor) {
    setOpenedFor(query);
    if (query && !searchOpen) setSearchOpen(true);
  }
  const shown = connections.filter((c) => filter === null || c.id === filter);
  const shownIds = shown.map((c) => c.id);
  const labels = useMemo(
    () => (connections.length > 1 ? new Map(connections.map((c) => [c.id, c])) : null),
    [connections],
  );
  const pause = () => pauseView(view, search, shownIds);
  const selectedName =
    selected && labels ? (labels.get(selected.connectionId)?.name ?? null) : null;

  return (
    <Panel
      title="Messages"
      className="messages-panel"
      actions={
        <>
          {connections.length > 1 && (
            <label className="inline-field">
              <span>Show</span>
              <select
                value={filter ?? ''}
                onChange={(event) => {
                  const id = event.target.value || null;
                  const ids = connections.filter((c) => id === null || c.id === id);
                  setViewFilter(
                    view,
                    id,
                    search,
                    ids.map((c) => c.id),
                  );
                }}
                aria-label="Show messages from"
              >
                <option value="">All connections</option>
                {connections.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <StreamCounter stream={filter === null ? undefined : streamFor(filter)} />
          <button
            type="button"
            className="button-secondary"
            aria-expanded={searchOpen}
            onClick={() => setSearchOpen(!searchOpen)}
          >
            Search
          </button>
          <button
            type="button"
            className="button-secondary"
            onClick={paused ? () => resumeView(view, search) : pause}
          >
            {paused ? 'Resume' : 'Pause'}
          </button>
          <button
            type="button"
            className="button-secondary"
            onClick={() =>
              clearView(
                view,
                shown.map((c) => streamFor(c.id)).filter((s) => s !== undefined),
                shown.map((c) => handleFor(c.id)),
                search,
              )
            }
          >
            Clear
          </button>
        </>
      }
    >
      {searchOpen && <SearchBar connectionIds={shownIds} />}
      <RecorderStatus connections={shown} />
      <div className={`message-header${labels ? ' with-connection' : ''}`} aria-hidden="true">
        {labels && <span>From</span>}
        <span>Time</span>
        <span>Topic</span>
        <span>Payload</span>
        <span />
      </div>
      <MessageList labels={labels} onPause={pause} />
      {selected && (
        <Suspense fallback={null}>
          <MessageDetail connectionName={selectedName} />
        </Suspense>
      )}
    </Panel>
  );
}
