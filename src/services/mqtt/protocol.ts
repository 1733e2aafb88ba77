/**
 * The messages that cross between the main thread and the MQTT worker. Everything that belongs
 * to one broker connection carries its `connectionId`; one batch carries every connection's
 * changes. All of it is structured-clone friendly: plain data and typed arrays only.
 */
import type { ConnectionProfile, ProtocolVersion, QoS } from '../../core/connection-profile.ts';
import type { PayloadFormat } from '../../core/decoders/index.ts';
import type { TopicTreeView } from '../../core/topic-tree.ts';

export type { TopicTreeRow, TopicTreeView } from '../../core/topic-tree.ts';
export type { ProtocolVersion, QoS } from '../../core/connection-profile.ts';

/** Messages the worker keeps per connection for the list to scroll back through. */
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
  | ({ type: 'subscribe'; filter: string; qos: QoS } & ForConnection)
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
  | ({ type: 'clear-messages' } & ForConnection)
  /** The list stopped to be read: send every kept row once. */
  | ({ type: 'request-history' } & ForConnection)
  /** The topic tree paths the user has opened; the worker sends rows for these only. */
  | ({ type: 'expand-topics'; paths: string[] } & ForConnection);

export type WorkerCommand =
  | ConnectionCommand
  /** The page's origin, so a diagnosis can tell mixed content from other failures. */
  | { type: 'page-info'; pageProtocol: string }
  /** The main thread has drawn the last batch and can take the next one. */
  | { type: 'pull' };

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
  | { type: 'log'; entry: LogEntry };

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

/** What changed on one connection since the previous batch. */
export interface ConnectionBatch {
  connectionId: string;
  events: ConnectionEvent[];
  /** The newest rows since the previous batch, oldest first; only as many as may be visible. */
  rows: MessageRow[];
  /** Every kept row, oldest first, when the page asked for it; it replaces the list. */
  history: MessageRow[] | null;
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
}

export function emptyConnectionBatch(connectionId: string): ConnectionBatch {
  return {
    connectionId,
    events: [],
    rows: [],
    history: null,
    counters: null,
    newTopics: [],
    series: [],
    tree: null,
  };
}
