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
import type { ReplaySpeed } from '../../core/replay/replay-plan.ts';
import type { SubscribeOptions } from '../../core/subscription-options.ts';
import type { PublishProperties } from '../../core/publish-properties.ts';
import type { TopicTreeView } from '../../core/topic-tree.ts';

export type { TopicTreeRow, TopicTreeView } from '../../core/topic-tree.ts';
export type { ProtocolVersion, QoS } from '../../core/connection-profile.ts';
export type { SubscribeOptions } from '../../core/subscription-options.ts';
export type { PublishProperties } from '../../core/publish-properties.ts';
export type { ExportFormat } from '../../core/recorder/export-format.ts';
export type { MessageProperties } from '../../core/recorder/message-properties.ts';
export type { DecoderRule, DecoderStatus } from '../../core/decoders/index.ts';
export type { MessageQuery, QueryProblem } from '../../core/recorder/message-query.ts';
export type { RecorderBudget, RecorderStats } from '../../core/recorder/message-store.ts';

/** Live rows the page keeps per connection; older ones are read back from the recorder. */
export const MESSAGE_HISTORY = 2_000;

/** A decoder the user picked for one message: a rule without its topic filter. */
export type ShowAs = Omit<DecoderRule, 'filter'>;

/** What the worker needs to open one connection: a profile with its URL composed. */
export type ConnectSettings = {
  url: string;
  /**
   * Other nodes of the same cluster: when the node in use goes away, or cannot be reached, the
   * next is tried at once (in this order, then `url` again), keeping the session's queue.
   */
  otherUrls?: string[];
} & Pick<
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
      /** The largest packet the broker accepts (MQTT 5 CONNACK); absent when it set none. */
      maximumPacketSize?: number;
      /** The highest topic alias the broker accepts (MQTT 5 CONNACK); absent: none. */
      topicAliasMaximum?: number;
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
      /** Text is sent as UTF-8; bytes as they are. */
      payload: string | Uint8Array;
      qos: QoS;
      retain: boolean;
      /** MQTT 5 only; checked by the page before it is sent. */
      properties?: PublishProperties;
      /** Watch the response topic for a message with the same correlation data. */
      awaitReply?: boolean;
    } & ForConnection)
  /** Publishes a template every `intervalMs` in the worker; replaces a running repeat. */
  | ({ type: 'start-repeat'; settings: RepeatSettings } & ForConnection)
  | ({ type: 'stop-repeat'; repeatId: number } & ForConnection)
  | ({
      type: 'watch-series';
      seriesId: string;
      filter: string;
      jsonPath: string;
      /** The topics to draw (line keys, see core/chart-series), picked by the user; absent draws the first that arrive. */
      topics?: string[];
      /** More series drawn on the same chart, each its filter and field; absent is none. */
      more?: SeriesSource[];
      /** What the chart shows; the same series watched again with a new view keeps its history. */
      view?: SeriesView;
    } & ForConnection)
  | ({ type: 'unwatch-series'; seriesId: string } & ForConnection)
  /** A widget's feed: the newest value of each topic matching `filter` (see LatestValues). */
  | ({ type: 'watch-latest'; watchId: string; filter: string; jsonPath: string } & ForConnection)
  | ({ type: 'unwatch-latest'; watchId: string } & ForConnection)
  /** A rate widget's feed: messages per second on the topics matching `filter` (see MessageRate). */
  | ({ type: 'watch-rate'; watchId: string; filter: string } & ForConnection)
  | ({ type: 'unwatch-rate'; watchId: string } & ForConnection)
  /** Empties the recorder and the counters. */
  | ({ type: 'clear-messages' } & ForConnection)
  /**
   * Everything about one recorded message, for the detail view; `as` decodes it with the
   * decoder the user picked ("show as") instead of the one the evidence chose.
   */
  | ({ type: 'message-detail'; id: number; as?: ShowAs } & ForConnection)
  | ({ type: 'set-recorder-budget'; budget: RecorderBudget } & ForConnection)
  /** Makes this connection a read-only source: the messages of a saved recording. */
  | ({ type: 'open-recording'; file: Blob } & ForConnection)
  /** Publishes a saved recording through this (live) connection; see recording-replay.ts. */
  | ({ type: 'replay'; file: Blob; speed: ReplaySpeed; topicPrefix: string } & ForConnection)
  | ({ type: 'replay-control'; action: 'pause' | 'resume' | 'stop' } & ForConnection)
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
  /** QoS 2: the broker's PUBREC came (it has the message); PUBCOMP follows as `published`. */
  | { type: 'publish-received'; id: number }
  /** How a repeat publisher is doing: a few times a second while it runs, and when it ends. */
  | {
      type: 'repeat';
      repeatId: number;
      state: 'running' | 'done' | 'stopped' | 'failed';
      sent: number;
      total: number | null;
      /** Messages per second achieved since the start. */
      rate: number;
      reason?: string;
    }
  /** The reply to a request published with a response topic and correlation data. */
  | { type: 'publish-reply'; reply: PublishReply }
  | { type: 'publish-failed'; id: number; reason: string }
  | { type: 'log'; entry: LogEntry }
  | { type: 'recording'; recording: RecordingState }
  | { type: 'replay'; replay: ReplayState }
  /**
   * The connection was lost at `lostAt` and is back at `resumedAt`: messages sent meanwhile
   * may be missing (the broker keeps them only for a session it kept, and only at QoS 1 and 2).
   */
  | ({ type: 'stream-gap' } & StreamGap)
  /**
   * How the connection's decoder settings are doing, after each change: each .proto schema
   * (compiling, ready with its message types, or failed with the reason) and the rules that
   * cannot work as written.
   */
  | { type: 'decoders'; status: DecoderStatus };

/** Where a connection was lost and came back: messages sent meanwhile may be missing. */
export interface StreamGap {
  lostAt: number;
  resumedAt: number;
  sessionPresent: boolean;
  /** The node the stream came back from, when it is another node than the one lost. */
  switchedTo?: string;
}

/** A repeat publisher's job: the template is compiled in the worker, once. */
export interface RepeatSettings {
  repeatId: number;
  topic: string;
  /** Text with `{{counter}}`, `{{timestamp}}`, … placeholders (core/payload-template.ts). */
  template: string;
  qos: QoS;
  retain: boolean;
  properties?: PublishProperties;
  intervalMs: number;
  /** null: until stopped. */
  count: number | null;
}

/** A message that answered a request: same response topic, same correlation data. */
export interface PublishReply {
  /** The request's publish id. */
  id: number;
  topic: string;
  preview: string;
  size: number;
  time: number;
  /** From handing the request to the client to the reply's arrival. */
  roundTripMs: number;
}

/** How the opening of a saved recording went. */
/** How a replay of a recording through a connection is going. */
export type ReplayState =
  | { state: 'loading' }
  | { state: 'failed'; reason: string; sent: number }
  | {
      state: 'running' | 'paused' | 'done' | 'stopped';
      /** Messages handed to the broker (QoS 0) or acknowledged by it (QoS 1 and 2). */
      sent: number;
      total: number;
      /** Damaged lines of the file, left out. */
      skipped: number;
      speed: ReplaySpeed;
      /** Replay time so far (pauses not counted) and the recording's own span. */
      elapsedMs: number;
      spanMs: number;
    };

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
  gap?: StreamGap;
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

/** The span a chart shows and how many points its width can draw. */
export interface SeriesView {
  /** Live: the newest `windowMs` of the series. */
  windowMs: number;
  /** At most this many points per line (about two per pixel column). */
  points: number;
  /** Zoomed (paused): exactly this span, in epoch milliseconds; absent is live. */
  range?: { from: number; to: number };
}

/** One series of a chart: the topics of a filter, the number at a field of their payloads. */
export interface SeriesSource {
  filter: string;
  jsonPath: string;
}

/** A downsampled copy of one line of a chart (one topic matched by one of its series). */
export interface SeriesLine {
  topic: string;
  /** Which of the chart's series: absent for its own, n for the n-th of `more`. */
  source?: number;
  times: Float64Array;
  values: Float64Array;
  /** Over every point in the span (not only those drawn); null when the span has none. */
  stats: { min: number; max: number; average: number; last: number; count: number } | null;
}

export interface SeriesSnapshot {
  seriesId: string;
  /** The time span drawn, in epoch milliseconds. */
  from: number;
  to: number;
  lines: SeriesLine[];
  /** Line keys (core/chart-series) of topics that match but are not drawn (a few hundred at most). */
  hiddenTopics: string[];
}

/** The newest reading of one topic, as a widget shows it. */
export interface LatestValue {
  topic: string;
  /** The number at the path (booleans as 1/0), or null when it is not one. */
  value: number | null;
  /** The value at the path as short text (at most 80 characters), for words like `online`. */
  text: string;
  /** When it arrived (ms since the epoch). */
  time: number;
  /** The number before this one, for a trend; null when there was none. */
  previous: number | null;
}

/** What one widget watches: the newest value per matching topic (at most 200 topics). */
export interface LatestValues {
  watchId: string;
  values: LatestValue[];
}

/** Messages per second on one rate widget's filter, all matching topics together. */
export interface MessageRate {
  watchId: string;
  /** The mean of the last few samples (5 s); null before the first sample. */
  perSecond: number | null;
  /** One rate per sample since the watch began, oldest first (at most the last 3 minutes). */
  history: number[];
  sampleMs: number;
  /** When the newest matching message came (ms since the epoch); null when none has. */
  lastMessageAt: number | null;
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
  /** Widgets' feeds that changed, a few times a second at most. */
  latest: LatestValues[];
  /** Rate widgets' feeds, once a second each. */
  rates: MessageRate[];
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
    latest: [],
    rates: [],
    tree: null,
  };
}
