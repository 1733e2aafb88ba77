import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { EMPTY_QUERY } from '../../core/recorder/message-query.ts';
import { RingBuffer } from '../../core/ring-buffer.ts';
import { MESSAGE_HISTORY } from '../../services/mqtt/index.ts';
import type {
  ConnectionBatch,
  ConnectionHandle,
  EngineBatch,
  ExportChunk,
  ExportFormat,
  MessageDetail,
  MessageQuery,
  MessageRow,
  QueryStatus,
  RecorderStats,
  SearchHandle,
  StreamCounters,
  StreamGap,
} from '../../services/mqtt/index.ts';
import type { ExportFile } from './export-file.ts';
import { RecordedRows } from './recorded-rows.ts';
import { createRedrawPacer } from './redraw-pacer.ts';
import type { RedrawPacer } from './redraw-pacer.ts';

const NO_COUNTERS: StreamCounters = { received: 0, bytes: 0, rate: 0 };

interface StreamState {
  counters: StreamCounters;
  /** What the worker's recorder holds for this connection; null until it first says. */
  recorder: RecorderStats | null;
}

/** One connection's received rows and counters. The rows live outside the state: appending never copies. */
export type ConnectionStream = StoreApi<StreamState> & {
  readonly connectionId: string;
  readonly rows: RingBuffer<MessageRow>;
  /** Every topic seen so far, in order of first appearance; read on demand, never rendered live. */
  readonly knownTopics: string[];
};

export function createConnectionStream(connectionId: string): ConnectionStream {
  return Object.assign(
    createStore<StreamState>(() => ({ counters: NO_COUNTERS, recorder: null })),
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

export interface ExportProgress {
  exportId: number;
  format: ExportFormat;
  written: number;
  total: number;
  done: boolean;
  error: string | null;
}

/**
 * What the list shows: the live rows as they arrive, or rows read back from the worker's
 * recorder: everything recorded (the list was paused) or the matches of a search.
 */
export type ListSource =
  | { kind: 'live' }
  | {
      kind: 'recorded';
      queryId: number;
      /** Null while browsing everything recorded (paused with no search). */
      query: MessageQuery | null;
      status: QueryStatus | null;
    };

export interface MessageViewState {
  /** Bumped whenever the visible rows change: views select this, never the rows themselves. */
  version: number;
  paused: boolean;
  source: ListSource;
  /** An export of the shown matches in progress (or just finished, until saved). */
  exporting: ExportProgress | null;
  /** Messages received (all connections) when the list was paused, to say how many wait. */
  pausedAtReceived: number | null;
  /** A time the list should scroll to, as an offset into the recorded rows. */
  scrollTo: { offset: number; nonce: number } | null;
  selected: RowKey | null;
  /** The selected message whole, once the worker sent it; `missing` when it was evicted. */
  detail: { key: RowKey; message: MessageDetail | null } | null;
  /** The connection whose stream is shown, or null for every connection together. */
  filter: string | null;
  /** Counters of every connection added up. */
  totals: StreamCounters;
}

/** What the message list shows: one connection's stream or all of them combined. */
export type MessageView = StoreApi<MessageViewState> & {
  /** Newest rows of every connection, in the order they arrived. */
  readonly combined: RingBuffer<MessageRow>;
  /** Rows of the recorded source, fetched as the list scrolls. */
  readonly recorded: RecordedRows;
  /** Where the export in progress writes its chunks. */
  readonly exportTarget: { file: ExportFile | null };
  /** Paces the redraws of the rows and counters while the stream runs. */
  readonly pacer: RedrawPacer;
  /** The rows' clock while the list is out of sight (UNSEEN_REDRAW_MS); the counters keep `pacer`. */
  readonly unseenPacer: RedrawPacer;
};

/** The rows and counters redraw at most 20 times a second, however fast messages arrive. */
const LIVE_REDRAW_MS = 50;
/**
 * Scrolled out of sight (below a tall dashboard), the rows redraw twice a second: nobody reads
 * them, while at 20 a second their layout and paint cost the dashboard's frames. The counters
 * keep the live pace: they are one line, and what they say is how far the page has got.
 */
export const UNSEEN_REDRAW_MS = 500;

export function createMessageView(): MessageView {
  const view = Object.assign(
    createStore<MessageViewState>(() => ({
      version: 0,
      paused: false,
      source: { kind: 'live' },
      exporting: null,
      pausedAtReceived: null,
      scrollTo: null,
      selected: null,
      detail: null,
      filter: null,
      totals: NO_COUNTERS,
    })),
    {
      combined: new RingBuffer<MessageRow>(MESSAGE_HISTORY),
      recorded: new RecordedRows(),
      exportTarget: { file: null as ExportFile | null },
      pacer: createRedrawPacer(LIVE_REDRAW_MS),
      unseenPacer: createRedrawPacer(UNSEEN_REDRAW_MS),
    },
  );
  view.subscribe((state, previous) => {
    if (state.version !== previous.version || state.totals !== previous.totals) {
      view.pacer.request();
      view.unseenPacer.request();
    }
  });
  return view;
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
 * Applies one frame's batches. Live rows are always appended (so resuming shows no gap); the
 * list shows them only while it runs. Search progress and fetched rows go to the recorded source.
 */
export function applyStreamBatches(
  view: MessageView,
  batch: EngineBatch,
  streamFor: (connectionId: string) => ConnectionStream | undefined,
  allStreams: () => Iterable<ConnectionStream>,
): void {
  const state = view.getState();
  const changes: Partial<MessageViewState> = {};
  let changed = false;
  let countersChanged = false;
  for (const part of batch.connections) {
    const stream = streamFor(part.connectionId);
    if (!stream) continue;
    if (part.counters || part.recorder) {
      stream.setState(streamChanges(part));
      countersChanged = true;
    }
    for (const topic of part.newTopics) stream.knownTopics.push(topic);
    for (const event of part.events) {
      if (event.type !== 'stream-gap') continue;
      const marker = gapRow(part.connectionId, event);
      stream.rows.push(marker);
      view.combined.push(marker);
      if (state.source.kind === 'live') changed = true;
    }
    if (part.rows.length > 0) {
      for (const row of part.rows) {
        stream.rows.push(row);
        view.combined.push(row);
      }
      if (state.source.kind === 'live') changed = true;
    }
    const answer = part.detail;
    if (answer && state.selected?.connectionId === part.connectionId) {
      if (state.selected.seq === answer.id)
        changes.detail = { key: state.selected, message: answer.detail };
    }
  }
  if (state.source.kind === 'recorded') {
    const { source } = state;
    if (batch.query?.queryId === source.queryId) {
      changes.source = { ...source, status: batch.query };
      changed = true;
    }
    const rows = batch.queryRows;
    if (rows && view.recorded.put(rows.queryId, rows.offset, rows.rows)) changed = true;
    const chunk = batch.exportChunk;
    if (chunk && chunk.exportId === state.exporting?.exportId)
      changes.exporting = writeExportChunk(view, state.exporting, chunk);
    if (batch.querySeek?.queryId === source.queryId)
      changes.scrollTo = { offset: batch.querySeek.offset, nonce: Date.now() };
  }
  if (changed) changes.version = state.version + 1;
  if (countersChanged) changes.totals = addCounters(allStreams());
  if (Object.keys(changes).length > 0) view.setState(changes);
}

/** The row marking where a connection was lost and came back; it opens no detail. */
function gapRow(
  connectionId: string,
  { lostAt, resumedAt, sessionPresent, switchedTo }: StreamGap,
): MessageRow {
  return {
    connectionId,
    seq: 0,
    time: resumedAt,
    topic: '',
    format: 'empty',
    preview: '',
    size: 0,
    truncated: false,
    qos: 0,
    retain: false,
    dup: false,
    cut: false,
    published: false,
    gap: { lostAt, resumedAt, sessionPresent, ...(switchedTo ? { switchedTo } : {}) },
  };
}

function streamChanges(part: ConnectionBatch): Partial<StreamState> {
  const changes: Partial<StreamState> = {};
  if (part.counters) changes.counters = part.counters;
  if (part.recorder) changes.recorder = part.recorder;
  return changes;
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

/** Shows recorded rows: every message of `connectionIds`, or the matches of `query`. */
function showRecorded(
  view: MessageView,
  search: SearchHandle,
  connectionIds: readonly string[],
  query: MessageQuery | null,
): void {
  const previous = view.getState().source;
  if (previous.kind === 'recorded') search.cancel(previous.queryId);
  const queryId = search.run({ ...(query ?? EMPTY_QUERY), connectionIds: [...connectionIds] });
  view.recorded.reset(queryId);
  view.setState(({ version, paused, pausedAtReceived, totals }) => ({
    paused: true,
    pausedAtReceived: paused ? pausedAtReceived : totals.received,
    source: { kind: 'recorded', queryId, query, status: null },
    scrollTo: { offset: 0, nonce: Date.now() },
    version: version + 1,
  }));
}

/**
 * Stops the list to be read. The list then reads from the recorder, so scrolling back reaches
 * every recorded message, not only the few thousand the page keeps.
 */
export function pauseView(
  view: MessageView,
  search: SearchHandle,
  connectionIds: readonly string[],
): void {
  if (view.getState().paused) return;
  showRecorded(view, search, connectionIds, null);
}

/** Searches the recorders; the list shows the matches as they are found. */
export function runSearch(
  view: MessageView,
  search: SearchHandle,
  connectionIds: readonly string[],
  query: MessageQuery,
): void {
  showRecorded(view, search, connectionIds, query);
}

/** Back to the live stream: the search (if any) ends. */
export function resumeView(view: MessageView, search: SearchHandle): void {
  const { source } = view.getState();
  if (source.kind === 'recorded') search.cancel(source.queryId);
  view.setState(({ version }) => ({
    paused: false,
    pausedAtReceived: null,
    source: { kind: 'live' },
    scrollTo: { offset: 0, nonce: Date.now() },
    version: version + 1,
  }));
}

/** Asks the worker for recorded rows the list is about to draw. */
export function fetchRecordedRows(
  view: MessageView,
  search: SearchHandle,
  first: number,
  last: number,
): void {
  const { source } = view.getState();
  if (source.kind !== 'recorded' || !source.status) return;
  const window = view.recorded.missing(first, last, source.status.matched);
  if (window) search.requestRows(source.queryId, window.offset, window.count);
}

export function seekTime(view: MessageView, search: SearchHandle, time: number): void {
  const { source } = view.getState();
  if (source.kind === 'recorded') search.seek(source.queryId, time);
}

/** Empties the list, the recorders and the counters of the shown connections together. */
export function clearView(
  view: MessageView,
  streams: readonly ConnectionStream[],
  handles: readonly ConnectionHandle[],
  search: SearchHandle,
): void {
  const cleared = sum(streams, 'received');
  for (const stream of streams) {
    stream.rows.clear();
    stream.setState({ counters: NO_COUNTERS });
  }
  view.combined.clear();
  for (const handle of handles) handle.clearMessages();
  const { source } = view.getState();
  if (source.kind === 'recorded') search.cancel(source.queryId);
  view.setState(({ version, totals }) => ({
    version: version + 1,
    selected: null,
    detail: null,
    paused: false,
    pausedAtReceived: null,
    source: { kind: 'live' },
    totals: { received: Math.max(0, totals.received - cleared), bytes: 0, rate: 0 },
  }));
}

function sum(streams: readonly ConnectionStream[], key: keyof StreamCounters): number {
  let total = 0;
  for (const stream of streams) total += stream.getState().counters[key];
  return total;
}

/**
 * Shows one connection (or all). A paused list or a search is run again over the connections
 * now shown, so the rows always match the choice.
 */
export function setViewFilter(
  view: MessageView,
  filter: string | null,
  search: SearchHandle,
  shownIds: readonly string[],
): void {
  view.setState(({ version }) => ({ filter, selected: null, detail: null, version: version + 1 }));
  const { source } = view.getState();
  if (source.kind === 'recorded') showRecorded(view, search, shownIds, source.query);
}

/**
 * Writes one chunk of the export to its file. The last one closes the file: the progress then
 * goes, or says why the file could not be written; a failed export drops its half file.
 */
function writeExportChunk(
  view: MessageView,
  progress: ExportProgress,
  chunk: ExportChunk,
): ExportProgress {
  const target = view.exportTarget;
  const file = target.file;
  if (chunk.error) {
    file?.abort();
    target.file = null;
  } else if (file) {
    file.write(chunk.text);
    if (chunk.done) {
      target.file = null;
      file.close().then(
        () => {
          if (view.getState().exporting?.exportId === chunk.exportId)
            view.setState({ exporting: null });
        },
        (error: unknown) => {
          const reason = error instanceof Error ? error.message : String(error);
          const exporting = view.getState().exporting;
          if (exporting?.exportId === chunk.exportId)
            view.setState({
              exporting: { ...exporting, error: `The file could not be written: ${reason}` },
            });
        },
      );
    }
  }
  return {
    ...progress,
    written: chunk.written,
    total: chunk.total,
    done: chunk.done,
    error: chunk.error,
  };
}

/** Selects a row and asks its connection for the whole message. */
export function selectRow(
  view: MessageView,
  key: RowKey | null,
  handleFor: (connectionId: string) => ConnectionHandle,
): void {
  view.setState({ selected: key, detail: null });
  if (key) handleFor(key.connectionId).requestDetail(key.seq);
}
