/**
 * The messages that cross between the main thread and the MQTT worker.
 * Everything here is structured-clone friendly: plain data and typed arrays only.
 */
import type { PayloadFormat } from '../../core/payload.ts';
import type { TopicTreeView } from '../../core/topic-tree.ts';

export type { TopicTreeRow, TopicTreeView } from '../../core/topic-tree.ts';

export type QoS = 0 | 1 | 2;

/** Messages the worker keeps for the list to scroll back through. */
export const MESSAGE_HISTORY = 2_000;
export type ProtocolVersion = 4 | 5;

export interface ConnectSettings {
  url: string;
  clientId: string;
  username: string;
  password: string;
  protocolVersion: ProtocolVersion;
  keepaliveSeconds: number;
  cleanStart: boolean;
}

export type ConnectionStatus =
  | { status: 'idle' }
  | { status: 'connecting'; url: string }
  | { status: 'connected'; url: string; protocolVersion: ProtocolVersion }
  | { status: 'reconnecting'; url: string; attempt: number; reason: string }
  | { status: 'error'; url: string; reason: string }
  | { status: 'disconnected'; url: string };

export type WorkerCommand =
  | { type: 'connect'; settings: ConnectSettings }
  | { type: 'disconnect' }
  | { type: 'subscribe'; filter: string; qos: QoS }
  | { type: 'unsubscribe'; filter: string }
  | { type: 'publish'; id: number; topic: string; payload: string; qos: QoS; retain: boolean }
  | { type: 'watch-series'; seriesId: string; filter: string; jsonPath: string }
  | { type: 'unwatch-series'; seriesId: string }
  | { type: 'clear-messages' }
  /** The list stopped to be read: send every kept row once. */
  | { type: 'request-history' }
  /** The topic tree paths the user has opened; the worker sends rows for these only. */
  | { type: 'expand-topics'; paths: string[] }
  /** The main thread has drawn the last batch and can take the next one. */
  | { type: 'pull' };

export type SessionEvent =
  | { type: 'status'; status: ConnectionStatus }
  | { type: 'subscribed'; filter: string; grantedQos: QoS }
  | { type: 'subscribe-failed'; filter: string; reason: string }
  | { type: 'unsubscribed'; filter: string }
  | { type: 'published'; id: number; qos: QoS }
  | { type: 'publish-failed'; id: number; reason: string };

/** One received message, as the message list shows it. */
export interface MessageRow {
  /** Position in the stream of received messages, starting at 1. */
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

/** Everything that changed since the previous batch; at most one is sent per animation frame. */
export interface SessionBatch {
  events: SessionEvent[];
  /** The newest rows since the previous batch, oldest first; only as many as may be visible. */
  rows: MessageRow[];
  /** Every kept row, oldest first, when the page asked for it; it replaces the list. */
  history: MessageRow[] | null;
  counters: StreamCounters;
  /** Topics seen for the first time since the previous batch. */
  newTopics: string[];
  series: SeriesSnapshot[];
  /** The visible topic tree, a few times a second while it changes; null when unchanged. */
  tree: TopicTreeView | null;
}
