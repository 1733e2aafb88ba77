import { useCallback, useEffect, useRef, useState } from 'react';
import { visibleText } from '../../../core/visible-text.ts';
import type { KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { useElementSize } from '../../../components/ui/use-element-size.ts';
import { useInView } from '../../../components/ui/use-in-view.ts';
import { formatBytes } from '../../../core/payload.ts';
import { formatTime } from '../../../core/format.ts';
import type { MessageRow } from '../../../services/mqtt/index.ts';
import { fetchRecordedRows, selectRow, visibleRows } from '../messages-store.ts';
import type { MessageView, RowKey } from '../messages-store.ts';
import { MessagesContext } from '../messages-context.ts';
import { usePacedRedraw } from '../redraw-pacer.ts';
import type { ConnectionLabel } from '../messages-context.ts';

const ROW_HEIGHT = 30;
/** Rows drawn above and below the visible ones, so fast scrolling shows no blank gap. */
const OVERSCAN = 6;
/** Browsers cap an element's height (Firefox near 17.9M px): beyond it, scroll is scaled. */
const MAX_CANVAS_PX = 12_000_000;

/** How many rows the list has and the row at each position, newest first. */
function useRowSource(view: MessageView): {
  count: number;
  rowAt: (index: number) => MessageRow | undefined;
  recorded: boolean;
} {
  const { streamFor } = MessagesContext.use();
  const source = useStore(view, (state) => state.source);
  if (source.kind === 'recorded') {
    return {
      count: source.status?.matched ?? 0,
      rowAt: (index) => view.recorded.at(index),
      recorded: true,
    };
  }
  const rows = visibleRows(view, streamFor);
  return { count: rows.size, rowAt: (index) => rows.at(rows.size - 1 - index), recorded: false };
}

const sameKey = (row: MessageRow, key: RowKey | null) =>
  key !== null && row.seq === key.seq && row.connectionId === key.connectionId;

/**
 * The stream, newest first: the live rows, or rows read back from the recorder (paused or
 * searching). Only the rows in view are in the DOM, so the list costs the same at 10 messages
 * a second as at 20,000, and for a million recorded rows as for a hundred. Scrolling down
 * pauses it. Arrow keys move through the rows and Enter opens one.
 */
export function MessageList({
  labels,
  onPause,
}: {
  /** Set when rows of several connections are shown: each row is marked with its connection. */
  labels: ReadonlyMap<string, ConnectionLabel> | null;
  onPause: () => void;
}) {
  const { view, handleFor, search, subscriptionColor } = MessagesContext.use();
  const [listElement, setListElement] = useState<HTMLDivElement | null>(null);
  // Re-render when rows change (paced: see RedrawPacer, slower out of sight); the rows live
  // outside the store.
  usePacedRedraw(useInView(listElement) ? view.pacer : view.unseenPacer);
  const selected = useStore(view, (state) => state.selected);
  const scrollTo = useStore(view, (state) => state.scrollTo);
  const { count, rowAt, recorded } = useRowSource(view);
  const [viewport, attachViewport] = useElementSize<HTMLDivElement>();
  const element = useRef<HTMLDivElement | null>(null);
  // Stable, so React attaches it once, not on every paced redraw.
  const attachList = useCallback(
    (node: HTMLDivElement | null) => {
      element.current = node;
      attachViewport(node);
      setListElement(node);
    },
    [attachViewport],
  );

  const [scrollTop, setScrollTop] = useState(0);
  const [active, setActive] = useState(0);
  // Until the first measurement, assume a typical list height rather than drawing no rows.
  const height = viewport.height || 400;
  const fullHeight = count * ROW_HEIGHT;
  const canvasHeight = Math.min(fullHeight, MAX_CANVAS_PX);
  // Scaled scrolling: the scroll position maps to a row index in proportion.
  const scale =
    fullHeight > canvasHeight ? (fullHeight - height) / Math.max(1, canvasHeight - height) : 1;
  const firstVisible = Math.floor((scrollTop * scale) / ROW_HEIGHT);
  const first = Math.max(0, firstVisible - OVERSCAN);
  const last = Math.min(count, firstVisible + Math.ceil(height / ROW_HEIGHT) + OVERSCAN);
  const offsetPx = scrollTop * scale - scrollTop;

  useEffect(() => {
    if (recorded) fetchRecordedRows(view, search, first, last);
  });

  useEffect(() => {
    if (!scrollTo || !element.current) return;
    element.current.scrollTop = (scrollTo.offset * ROW_HEIGHT) / scale;
    setActive(scrollTo.offset);
    // Only a new request scrolls, not a change of scale.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollTo]);

  const open = (index: number) => {
    const row = rowAt(index);
    if (!row || !row.topic) return;
    const key = { connectionId: row.connectionId, seq: row.seq };
    selectRow(view, sameKey(row, selected) ? null : key, handleFor);
  };

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(count - 1, index));
    setActive(next);
    const list = element.current;
    if (!list) return;
    const top = (next * ROW_HEIGHT) / scale;
    if (top < list.scrollTop) list.scrollTop = top;
    else if (top + ROW_HEIGHT > list.scrollTop + height) list.scrollTop = top + ROW_HEIGHT - height;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + page,
      PageUp: active - page,
      Home: 0,
      End: count - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open(active);
    }
  };

  const rows: { index: number; row: MessageRow | undefined }[] = [];
  for (let index = first; index < last; index += 1) rows.push({ index, row: rowAt(index) });
  const activeId = count > 0 ? `message-row-${active}` : undefined;

  return (
    <div
      className="message-viewport"
      id="message-list"
      ref={attachList}
      onScroll={(event) => {
        const top = event.currentTarget.scrollTop;
        setScrollTop(top);
        // Reading older rows: hold the list still until the user resumes.
        if (top > ROW_HEIGHT && !recorded) onPause();
      }}
      onKeyDown={onKeyDown}
      role="grid"
      // The list is one tab stop; arrow keys move the active row (aria-activedescendant).
      tabIndex={0}
      aria-label="Messages"
      aria-rowcount={count}
      aria-activedescendant={activeId}
    >
      {/* A row of the grid, so the grid is never without one (an empty grid is an ARIA error). */}
      {count === 0 && (
        <div role="row" className="message-empty-row">
          <p role="gridcell" className="empty">
            {recorded
              ? 'No recorded message matches.'
              : 'No messages yet. Subscribe to a topic filter to see them here.'}
          </p>
        </div>
      )}
      <div className="message-canvas" style={{ height: canvasHeight }} role="rowgroup">
        {rows.map(({ index, row }) => {
          const isSelected = row !== undefined && sameKey(row, selected);
          const label = row && labels?.get(row.connectionId);
          return (
            <div
              // Keyed by position: as rows move down, each DOM row is reused and only its text
              // changes, instead of every visible row being removed and created each frame.
              key={index}
              id={`message-row-${index}`}
              role="row"
              aria-rowindex={index + 1}
              aria-selected={isSelected}
              className={`message-row${isSelected ? ' selected' : ''}${index === active ? ' active' : ''}${labels ? ' with-connection' : ''}`}
              style={{ transform: `translateY(${index * ROW_HEIGHT - offsetPx}px)` }}
              onClick={() => {
                setActive(index);
                open(index);
              }}
            >
              {row?.gap ? (
                <GapCell gap={row.gap} />
              ) : row ? (
                <RowCells
                  row={row}
                  label={label ?? null}
                  withLabel={labels !== null}
                  color={subscriptionColor?.(row.connectionId, row.topic) ?? null}
                />
              ) : (
                <span role="gridcell" className="message-loading">
                  …
                </span>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** Where the connection was lost and came back: messages sent meanwhile may be missing. */
function GapCell({ gap }: { gap: NonNullable<MessageRow['gap']> }) {
  const seconds = (gap.resumedAt - gap.lostAt) / 1_000;
  return (
    <span role="gridcell" className="message-gap">
      Connection lost at {formatTime(gap.lostAt)}, back after{' '}
      {seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s
      {gap.switchedTo ? ` from another node, ${gap.switchedTo}` : ''}
      {gap.sessionPresent
        ? ': the broker kept the session, so QoS 1 and 2 messages sent meanwhile follow; QoS 0 ones may be missing'
        : ': messages sent meanwhile may be missing'}
    </span>
  );
}

/** Formats worth a badge: those read by a decoder the evidence chose, not plain text. */
const FORMAT_BADGES: Partial<Record<MessageRow['format'], string>> = {
  sparkplug: 'Sparkplug B',
  protobuf: 'Protobuf',
  cbor: 'CBOR',
  msgpack: 'MessagePack',
};

function RowCells({
  row,
  label,
  withLabel,
  color,
}: {
  row: MessageRow;
  label: ConnectionLabel | null;
  withLabel: boolean;
  /** The colour of the subscription that delivered the row. */
  color: string | null;
}) {
  return (
    <>
      {withLabel && (
        <span
          role="gridcell"
          className="message-connection"
          style={label ? { borderColor: label.color, color: label.color } : undefined}
          title={label ? `From ${label.name}` : undefined}
        >
          {label?.name}
        </span>
      )}
      <span role="gridcell" className="message-time">
        {row.time > 0 ? formatTime(row.time) : ''}
      </span>
      <span
        role="gridcell"
        className="message-topic"
        title={visibleText(row.topic)}
        style={color ? { borderLeftColor: color } : undefined}
      >
        {visibleText(row.topic)}
      </span>
      <span
        role="gridcell"
        className={`message-payload format-${row.format}`}
        // The payload's width is the row's most precious: the format is said in a tooltip.
        title={FORMAT_BADGES[row.format] && `Decoded as ${FORMAT_BADGES[row.format]}`}
      >
        {row.note !== undefined && (
          // What the evidence said and why it failed, ahead of the hex it left.
          <span className="message-note" title={row.note}>
            ⚠ {row.note}
          </span>
        )}
        {row.format === 'empty' && row.topic ? '(empty)' : visibleText(row.preview)}
      </span>
      <span role="gridcell" className="message-meta">
        {row.published && (
          <span className="badge badge-published" title="Sent from this page">
            sent
          </span>
        )}
        <span className="badge" title="QoS">
          QoS {row.qos}
        </span>
        {row.retain && (
          <span className="badge badge-retained" title="Retained by the broker">
            retained
          </span>
        )}
        {row.dup && (
          <span className="badge badge-dup" title="A redelivery (DUP flag set)">
            dup
          </span>
        )}
        <span className="message-size">
          {formatBytes(row.size)}
          {row.cut && (
            <span
              className="message-cut"
              title="Over the recorder's per-message cap: only the beginning was kept"
            >
              {' '}
              cut
            </span>
          )}
        </span>
      </span>
    </>
  );
}
