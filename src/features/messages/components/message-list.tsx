import { useState } from 'react';
import { useStore } from 'zustand';
import { useElementSize } from '../../../components/ui/use-element-size.ts';
import { formatBytes } from '../../../core/payload.ts';
import { formatTime } from '../../../core/format.ts';
import type { MessageRow } from '../../../services/mqtt/index.ts';
import { selectRow, visibleRows } from '../messages-store.ts';
import { MessagesContext } from '../messages-context.ts';
import type { ConnectionLabel } from '../messages-context.ts';

const ROW_HEIGHT = 30;
/** Rows drawn above and below the visible ones, so fast scrolling shows no blank gap. */
const OVERSCAN = 6;

/**
 * The live stream, newest first. Only the rows in view are in the DOM, so the list costs
 * the same at 10 messages a second as at 20,000. Scrolling down pauses it.
 */
export function MessageList({
  labels,
  onPause,
}: {
  /** Set when rows of several connections are shown: each row is marked with its connection. */
  labels: ReadonlyMap<string, ConnectionLabel> | null;
  onPause: () => void;
}) {
  const { view, streamFor } = MessagesContext.use();
  // Re-render when rows change; the rows themselves live outside the store.
  useStore(view, (state) => state.version);
  const selected = useStore(view, (state) => state.selected);
  const messageRows = visibleRows(view, streamFor);
  const [viewport, attachViewport] = useElementSize<HTMLDivElement>();
  const [scrollTop, setScrollTop] = useState(0);
  // Until the first measurement, assume a typical list height rather than drawing no rows.
  const height = viewport.height || 400;
  const count = messageRows.size;

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(count, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const rows: { index: number; row: MessageRow }[] = [];
  for (let index = first; index < last; index += 1) {
    const row = messageRows.at(count - 1 - index);
    if (row) rows.push({ index, row });
  }

  return (
    <div
      className="message-viewport"
      ref={attachViewport}
      onScroll={(event) => {
        const top = event.currentTarget.scrollTop;
        setScrollTop(top);
        // Reading older rows: hold the list still until the user resumes.
        if (top > ROW_HEIGHT) onPause();
      }}
      role="table"
      // Focusable, so the list scrolls from the keyboard too.
      tabIndex={0}
      aria-label="Messages"
      aria-rowcount={count}
    >
      {count === 0 && (
        <p className="empty">No messages yet. Subscribe to a topic filter to see them here.</p>
      )}
      <div className="message-canvas" style={{ height: count * ROW_HEIGHT }} role="rowgroup">
        {rows.map(({ index, row }) => {
          const isSelected =
            selected !== null &&
            row.seq === selected.seq &&
            row.connectionId === selected.connectionId;
          const label = labels?.get(row.connectionId);
          return (
            <div
              // Keyed by position: as rows move down, each DOM row is reused and only its text
              // changes, instead of every visible row being removed and created each frame.
              key={index}
              role="row"
              aria-rowindex={index + 1}
              aria-selected={isSelected}
              className={`message-row${isSelected ? ' selected' : ''}${labels ? ' with-connection' : ''}`}
              style={{ transform: `translateY(${index * ROW_HEIGHT}px)` }}
              onClick={() =>
                selectRow(
                  view,
                  isSelected ? null : { connectionId: row.connectionId, seq: row.seq },
                )
              }
            >
              {label && (
                <span
                  role="cell"
                  className="message-connection"
                  style={{ borderColor: label.color, color: label.color }}
                  title={`From ${label.name}`}
                >
                  {label.name}
                </span>
              )}
              <span role="cell" className="message-time">
                {formatTime(row.time)}
              </span>
              <span role="cell" className="message-topic" title={row.topic}>
                {row.topic}
              </span>
              <span role="cell" className={`message-payload format-${row.format}`}>
                {row.format === 'empty' ? '(empty)' : row.preview}
              </span>
              <span role="cell" className="message-meta">
                <span className="badge" title="QoS">
                  QoS {row.qos}
                </span>
                {row.retain && (
                  <span className="badge badge-retained" title="Retained by the broker">
                    retained
                  </span>
                )}
                <span className="message-size">{formatBytes(row.size)}</span>
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
