/**
 * The messages that cross between the main thread and the MQTT worker. Everything that belongs
 * to one broker connection carries its `connectionId`; one batch carries every connection's
 * changes. All of it is structured-clone friendly: plain data and typed arrays only.
 */
import type { ConnectionProfile, ProtocolVersion, QoS } from '../../core/connection-profile.ts';
import type {
  DecodedPayload,
  DecoderRule,
  DecoderStatus,
  PayloadFormat,
} from '../../core/decoders/index.ts';
import type { ExportFormat } from '../../core/recorder/export-format.ts';
import type { MessageQuery, QueryProblem } from '../../core/recorder/message-query.ts';
import type {
  RecordedMessage,
  RecorderBudget,
  RecorderStats,
} from '../../core/recorder/message-store.ts';
import type { SubscribeOptions } from '../../core/subscription-options.ts';
import type { TopicTreeView } from '../../core/topic-tree.ts';

export type { TopicTreeRow, TopicTreeView } from '../../core/topic-tree.ts';
export type { ProtocolVersion, QoS } from '../../core/connection-profile.ts';
export type { SubscribeOptions } from '../../core/subscription-options.ts';
export type { ExportFormat } from '../../core/recorder/export-format.ts';
export type { MessageProperties } from '../../core/recorder/message-properties.ts';
export type { DecoderRule, DecoderStatus } from '../../core/decoders/index.ts';
export type { MessageQuery, QueryProblem } from '../../core/recorder/message-query.ts';
export type { RecorderBudget, RecorderStats } from '../../core/recorder/message-store.ts';

/** Live rows the page keeps per connection; older ones are read back from the recorder. */
export const MESSAGE_HISTORY = 2_000;

/** What the worker needs to open one connection: a profile with its URL composed. */
export type ConnectSettings = { url: string } & Pick<
  ConnectionProfile,
  | 'clientId'
  | 'username'
  | 'password'
  | 'protocolVersion'
  | 'cleanStart'
  | 'keepaliveSeconds'
  | 'connectTimeoutSeconds'
  /** First delay before a reconnect; later ones double up to a ceiling. 0: never reconnect. */
  | 'reconnectPeriodSeconds'
  | 'sessionExpirySeconds'
  | 'will'
  | 'properties'
>;

export type ConnectionStatus =
  | { status: 'idle' }
  | { status: 'connecting'; url: string; attempt: number }
  | {
      status: 'connected';
      url: string;
      protocolVersion: ProtocolVersion;
      sessionPresent: boolean;
      /**
       * Set when nothing (no message, no keepalive answer) came from the broker for 1.5
       * keepalive periods: the socket is open but the broker may be frozen. Epoch ms of the
       * last packet; null while packets flow.
       */
      silentSince: number | null;
    }
  | {
      status: 'reconnecting';
      url: string;
      attempt: number;
      /** When the next attempt starts (epoch ms), for a countdown. */
      retryAt: number;
      reason: string;
      hint: string | null;
    }
  | { status: 'error'; url: string; reason: string; hint: string | null; inspectUrl: string | null }
  | { status: 'disconnected'; url: string };

interface ForConnection {
  connectionId: string;
}

export type ConnectionCommand =
  | ({ type: 'connect'; settings: ConnectSettings } & ForConnection)
  | ({ type: 'disconnect' } & ForConnection)
  /** Forget the connection and everything it received. */
  | ({ type: 'close-connection' } & ForConnection)
  | ({ type: 'subscribe'; filter: string; qos: QoS; options: SubscribeOptions } & ForConnection)
  | ({ type: 'unsubscribe'; filter: string } & ForConnection)
  | ({
      type: 'publish';
      id: number;
      topic: string;
      payload: string;
      qos: QoS;
      retain: boolean;
    } & ForConnection)
  | ({ type: 'watch-series'; seriesId: string; filter: string; jsonPath: string } & ForConnection)
  | ({ type: 'unwatch-series'; seriesId: string } & ForConnection)
  /** Empties the recorder and the counters. */
  | ({ type: 'clear-messages' } & ForConnection)
  /** Everything about one recorded message, for the detail view. */
  | ({ type: 'message-detail'; id: number } & ForConnection)
  | ({ type: 'set-recorder-budget'; budget: RecorderBudget } & ForConnection)
  /** Makes this connection a read-only source: the messages of a saved recording. */
  | ({ type: 'open-recording'; file: Blob } & ForConnection)
  /** The topic tree paths the user has opened; the worker sends rows for these only. */
  | ({ type: 'expand-topics'; paths: string[] } & ForConnection)
  /** Only topics whose path contains `text` (any case) are sent in the tree; '' for all. */
  | ({ type: 'search-topics'; text: string } & ForConnection)
  /** Replaces the connection's decoder rules (topic filter → decoder); first match wins. */
  | ({ type: 'set-decoder-rules'; rules: DecoderRule[] } & ForConnection)
  /** Parses a .proto text for Protobuf rules to name; replaces a schema of the same id. */
  | ({ type: 'register-proto-schema'; schemaId: string; text: string } & ForConnection)
  | ({ type: 'remove-proto-schema'; schemaId: string } & ForConnection);

export type WorkerCommand =
  | ConnectionCommand
  /** The page's origin, so a diagnosis can tell mixed content from other failures. */
  | { type: 'page-info'; pageProtocol: string }
  /** The main thread has drawn the last batch and can take the next one. */
  | { type: 'pull' }
  /** Are you alive? Answered at once with a {@link WorkerPong}, outside the paced batches. */
  | { type: 'ping'; nonce: number }
  /** Searches the recorders; replaces the search before it. `query.connectionIds` picks them. */
  | { type: 'run-query'; queryId: number; query: MessageQuery }
  | { type: 'cancel-query'; queryId: number }
  /** Rows `offset … offset + count` of a search's matches, newest first. */
  | { type: 'query-rows'; queryId: number; offset: number; count: number }
  /** Where in a search's matches the list should be to show `time`. */
  | { type: 'query-seek'; queryId: number; time: number }
  /** Writes a finished search's matches as a file; `connectionNames` label each line. */
  | {
      type: 'export-query';
      exportId: number;
      queryId: number;
      format: ExportFormat;
      connectionNames: Record<string, string>;
    }
  | { type: 'cancel-export'; exportId: number };

export type LogLevel = 'info' | 'warn' | 'error';

/** One line of a connection's log, for a person reading a bug report. */
export interface LogEntry {
  time: number;
  level: LogLevel;
  text: string;
}

export type ConnectionEvent =
  | { type: 'status'; status: ConnectionStatus }
  | { type: 'subscribed'; filter: string; grantedQos: QoS; restored: boolean }
  | { type: 'subscribe-failed'; filter: string; reason: string }
  | { type: 'unsubscribed'; filter: string }
  /** Published while offline: mqtt.js holds it and sends it after the reconnect. */
  | { type: 'publish-queued'; id: number }
  | { type: 'published'; id: number; qos: QoS }
  | { type: 'publish-failed'; id: number; reason: string }
  | { type: 'log'; entry: LogEntry }
  | { type: 'recording'; recording: RecordingState }
  /**
   * The connection was lost at `lostAt` and is back at `resumedAt`: messages sent meanwhile
   * may be missing (the broker keeps them only for a session it kept, and only at QoS 1 and 2).
   */
  | { type: 'stream-gap'; lostAt: number; resumedAt: number; sessionPresent: boolean }
  /**
   * How the connection's decoder settings are doing, after each change: each .proto schema
   * (compiling, ready with its message types, or failed with the reason) and the rules that
   * cannot work as written.
   */
  | { type: 'decoders'; status: DecoderStatus };

/** How the opening of a saved recording went. */
export type RecordingState =
  | { state: 'loading' }
  | {
      state: 'ready';
      messages: number;
      /** Lines that could not be read (a truncated or edited file), and the first few numbers. */
      skipped: number;
      skippedLines: number[];
      /** The connections the messages were recorded from. */
      connections: string[];
    }
  | { state: 'failed'; reason: string };

/** One received message, as the message list shows it. */
export interface MessageRow {
  connectionId: string;
  /** Position in this connection's stream of received messages, starting at 1. */
  seq: number;
  time: number;
  topic: string;
  format: PayloadFormat;
  preview: string;
  size: number;
  truncated: boolean;
  qos: QoS;
  retain: boolean;
  dup: boolean;
  /** Over the recorder's per-message cap: only the head was kept. */
  cut: boolean;
  /** Sent from this page rather than received. */
  published: boolean;
  /** Why the payload is not shown as its evidence said (a malformed CBOR item, …). */
  note?: string;
  /**
   * Set on a row the page adds where the connection was lost and came back: not a message,
   * a marker that messages sent meanwhile may be missing.
   */
  gap?: { lostAt: number; resumedAt: number; sessionPresent: boolean };
}

/**
 * Everything the recorder holds about one message (see `RecordedMessage`), with the connection
 * it came from. `payload` is a copy the page owns.
 */
export type MessageDetail = Omit<RecordedMessage, 'topicId'> & {
  connectionId: string;
  /** The payload as the connection's decoders read it (format, preview, value, note). */
  decoded?: DecodedPayload;
  /** The message before it on the same topic, for a diff. */
  previous: { id: number; time: number; payload: Uint8Array } | null;
};

/** The answer to `message-detail`; `detail` is null when the budget evicted the message. */
export interface DetailAnswer {
  id: number;
  detail: MessageDetail | null;
}

/** How far a search has got. */
export interface QueryStatus {
  queryId: number;
  /** Set when the query could not run: each problem names its field. */
  problems: QueryProblem[];
  matched: number;
  scanned: number;
  total: number;
  done: boolean;
  /** Milliseconds from the command to this status. */
  elapsedMs: number;
}

/** A piece of an export file; the page appends `text` until `done`. */
export interface ExportChunk {
  exportId: number;
  text: string;
  /** Messages written so far, of `total`. */
  written: number;
  total: number;
  done: boolean;
  error: string | null;
}

export interface QueryRows {
  queryId: number;
  offset: number;
  rows: MessageRow[];
}

/** A downsampled copy of one line of a chart (one topic matched by the chart's filter). */
export interface SeriesLine {
  topic: string;
  times: Float64Array;
  values: Float64Array;
}

export interface SeriesSnapshot {
  seriesId: string;
  lines: SeriesLine[];
}

export interface StreamCounters {
  received: number;
  bytes: number;
  /** Messages per second over the last second. */
  rate: number;
}

/** One figure of the broker's `$SYS` statistics, as the panel shows it. */
export interface BrokerStat {
  key: string;
  label: string;
  kind: 'gauge' | 'counter';
  unit: '' | 'B' | 'msg' | 'msg/s' | 'B/s';
  /** A gauge's value, or a counter's rate per second. */
  value: number;
  /** A counter's running total. */
  total: number | null;
  /** Recent values (gauge) or rates (counter), oldest first. */
  history: number[];
}

/** What changed on one connection since the previous batch. */
export interface ConnectionBatch {
  connectionId: string;
  events: ConnectionEvent[];
  /** The newest rows since the previous batch, oldest first; only as many as may be visible. */
  rows: MessageRow[];
  /** What the recorder holds, a couple of times a second while it changes; null when unchanged. */
  recorder: RecorderStats | null;
  detail: DetailAnswer | null;
  /** The broker's `$SYS` figures, about once a second while they change; null when unchanged. */
  brokerStats: BrokerStat[] | null;
  /** Null when unchanged. */
  counters: StreamCounters | null;
  /** Topics seen for the first time since the previous batch. */
  newTopics: string[];
  series: SeriesSnapshot[];
  /** The visible topic tree, a few times a second while it changes; null when unchanged. */
  tree: TopicTreeView | null;
}

/** Everything that changed since the previous batch; at most one is sent per animation frame. */
export interface EngineBatch {
  connections: ConnectionBatch[];
  query: QueryStatus | null;
  queryRows: QueryRows | null;
  /** The answer to `query-seek`: the offset of the first match at or before the time. */
  querySeek: { queryId: number; offset: number } | null;
  exportChunk: ExportChunk | null;
}

/** The worker's answer to a ping. */
export interface WorkerPong {
  pong: number;
}

/** An error the worker caught while handling a command; it carries on. */
export interface WorkerFault {
  workerError: string;
}

/** Everything the worker posts: a batch, most of the time. */
export type WorkerMessage = EngineBatch | WorkerPong | WorkerFault;

export function emptyConnectionBatch(connectionId: string): ConnectionBatch {
  return {
    connectionId,
    events: [],
    rows: [],
    recorder: null,
    detail: null,
    brokerStats: null,
    counters: null,
    newTopics: [],
    series: [],
    tree: null,
  };
}
