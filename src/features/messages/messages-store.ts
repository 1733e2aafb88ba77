import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { RingBuffer } from '../../core/ring-buffer.ts';
import { MESSAGE_HISTORY } from '../../services/mqtt/index.ts';
import type {
  ConnectionBatch,
  ConnectionHandle,
  MessageRow,
  StreamCounters,
} from '../../services/mqtt/index.ts';

const NO_COUNTERS: StreamCounters = { received: 0, bytes: 0, rate: 0 };

/** One connection's received rows and counters. The rows live outside the state: appending never copies. */
export type ConnectionStream = StoreApi<{ counters: StreamCounters }> & {
  readonly connectionId: string;
  readonly rows: RingBuffer<MessageRow>;
  /** Every topic seen so far, in order of first appearance; read on demand, never rendered live. */
  readonly knownTopics: string[];
};

export function createConnectionStream(connectionId: string): ConnectionStream {
  return Object.assign(
    createStore(() => ({ counters: NO_COUNTERS })),
    {
      connectionId,
      rows: new RingBuffer<MessageRow>(MESSAGE_HISTORY),
      knownTopics: [] as string[],
    },
  );
}

/** Identifies a row across connections: each connection numbers its own messages. */
export interface RowKey {
  connectionId: string;
  seq: number;
}

export interface MessageViewState {
  /** Bumped whenever the visible rows change: views select this, never the rows themselves. */
  version: number;
  paused: boolean;
  selected: RowKey | null;
  /** The connection whose stream is shown, or null for every connection together. */
  filter: string | null;
  /** Counters of every connection added up. */
  totals: StreamCounters;
}

/** What the message list shows: one connection's stream or all of them combined. */
export type MessageView = StoreApi<MessageViewState> & {
  /** Newest rows of every connection, in the order they arrived. */
  readonly combined: RingBuffer<MessageRow>;
};

export function createMessageView(): MessageView {
  return Object.assign(
    createStore<MessageViewState>(() => ({
      version: 0,
      paused: false,
      selected: null,
      filter: null,
      totals: NO_COUNTERS,
    })),
    { combined: new RingBuffer<MessageRow>(MESSAGE_HISTORY) },
  );
}

/** The rows the list shows now. */
export function visibleRows(
  view: MessageView,
  streamFor: (connectionId: string) => ConnectionStream | undefined,
): RingBuffer<MessageRow> {
  const { filter } = view.getState();
  return (filter !== null && streamFor(filter)?.rows) || view.combined;
}

/**
 * Applies one frame's batches. Live rows are appended while the list runs; a history (asked
 * for on pause) replaces a connection's rows, and the combined list is then merged anew by time.
 */
export function applyStreamBatches(
  view: MessageView,
  batches: readonly ConnectionBatch[],
  streamFor: (connectionId: string) => ConnectionStream | undefined,
  allStreams: () => Iterable<ConnectionStream>,
): void {
  const { paused } = view.getState();
  let changed = false;
  let historyArrived = false;
  let countersChanged = false;
  for (const batch of batches) {
    const stream = streamFor(batch.connectionId);
    if (!stream) continue;
    if (batch.counters) {
      stream.setState({ counters: batch.counters });
      countersChanged = true;
    }
    for (const topic of batch.newTopics) stream.knownTopics.push(topic);
    if (batch.history) {
      stream.rows.clear();
      for (const row of batch.history) stream.rows.push(row);
      historyArrived = true;
    } else if (!paused && batch.rows.length > 0) {
      for (const row of batch.rows) {
        stream.rows.push(row);
        view.combined.push(row);
      }
      changed = true;
    }
  }
  if (historyArrived) {
    mergeByTime(view.combined, allStreams());
    changed = true;
  }
  const changes: Partial<MessageViewState> = {};
  if (changed) changes.version = view.getState().version + 1;
  if (countersChanged) changes.totals = addCounters(allStreams());
  if (changed || countersChanged) view.setState(changes);
}

function addCounters(streams: Iterable<ConnectionStream>): StreamCounters {
  const totals = { received: 0, bytes: 0, rate: 0 };
  for (const stream of streams) {
    const { counters } = stream.getState();
    totals.received += counters.received;
    totals.bytes += counters.bytes;
    totals.rate += counters.rate;
  }
  return totals;
}

function mergeByTime(into: RingBuffer<MessageRow>, streams: Iterable<ConnectionStream>): void {
  const all: MessageRow[] = [];
  for (const stream of streams) all.push(...stream.rows.toArray());
  all.sort((a, b) => a.time - b.time);
  into.clear();
  for (const row of all.slice(-into.capacity)) into.push(row);
}

/** Stops the list to be read. Live batches carry only the newest rows, so the worker is asked
 * for its whole history: the paused list then has no gaps. */
export function pauseView(view: MessageView, handles: readonly ConnectionHandle[]): void {
  if (view.getState().paused) return;
  view.setState({ paused: true });
  for (const handle of handles) handle.requestHistory();
}

export function resumeView(view: MessageView, handles: readonly ConnectionHandle[]): void {
  view.setState({ paused: false });
  for (const handle of handles) handle.requestHistory();
}

export function clearView(
  view: MessageView,
  streams: readonly ConnectionStream[],
  handles: readonly ConnectionHandle[],
): void {
  for (const stream of streams) stream.rows.clear();
  view.combined.clear();
  for (const handle of handles) handle.clearMessages();
  view.setState(({ version }) => ({ version: version + 1, selected: null }));
}

export function setViewFilter(view: MessageView, filter: string | null): void {
  view.setState(({ version }) => ({ filter, selected: null, version: version + 1 }));
}

export function selectRow(view: MessageView, key: RowKey | null): void {
  view.setState({ selected: key });
}

export function findRow(rows: RingBuffer<MessageRow>, key: RowKey): MessageRow | undefined {
  for (let i = rows.size - 1; i >= 0; i -= 1) {
    const row = rows.at(i);
    if (row?.seq === key.seq && row.connectionId === key.connectionId) return row;
  }
  return undefined;
}
