import { RingBuffer } from '../../core/ring-buffer.ts';
import { decodePayload } from '../../core/payload.ts';
import { TopicTree } from '../../core/topic-tree.ts';
import { MESSAGE_HISTORY } from './protocol.ts';
import type { MessageRow, QoS, StreamCounters, TopicTreeView } from './protocol.ts';

/** More rows than any screen shows at once: a live batch carries only what may be visible. */
export const LIVE_ROWS_PER_BATCH = 100;
/** Only the head of a payload is kept for the list; the size is kept apart. */
const KEPT_PAYLOAD_BYTES = 4_096;
/** Distinct topics offered to pickers; beyond it new topics are still counted, not offered. */
export const MAX_SUGGESTED_TOPICS = 50_000;
/** The topic tree view is capped: a person reads a few hundred rows, not 10,000. */
export const TREE_ROWS = 400;
const TREE_VALUE_BYTES = 120;

const describeLastValue = (payload: Uint8Array) =>
  decodePayload(payload, TREE_VALUE_BYTES, 40).preview;

interface RawMessage {
  seq: number;
  time: number;
  topic: string;
  /** The head of the payload: enough for any preview, and a 16 MB payload is not held. */
  head: Uint8Array;
  size: number;
  qos: QoS;
  retain: boolean;
}

function toRow({ head, size, ...meta }: RawMessage): MessageRow {
  const decoded = decodePayload(head);
  return { ...meta, ...decoded, size, truncated: decoded.truncated || size > head.length };
}

/**
 * Counts every message and keeps the newest ones, undecoded. Decoding is deferred until a row
 * is sent, so a burst of 20,000 messages between two frames decodes only the rows that may be
 * seen; the whole history is decoded only when the page asks for it (paused or scrolled back).
 */
export class MessageCollector {
  private readonly history = new RingBuffer<RawMessage>(MESSAGE_HISTORY);
  /** Messages that arrived since rows were last taken. */
  private unsent = 0;
  private readonly tree = new TopicTree();
  private newTopics: string[] = [];
  private suggestedTopics = 0;
  private treeChanged = true;
  private received = 0;
  private bytes = 0;
  private rate = 0;
  private rateWindowStart: number;
  private rateWindowReceived = 0;

  constructor(now: number) {
    this.rateWindowStart = now;
  }

  ingest(topic: string, payload: Uint8Array, qos: QoS, retain: boolean, time: number): void {
    this.received += 1;
    this.bytes += payload.length;
    const head =
      payload.length > KEPT_PAYLOAD_BYTES ? payload.slice(0, KEPT_PAYLOAD_BYTES) : payload;
    this.history.push({ seq: this.received, time, topic, head, size: payload.length, qos, retain });
    this.unsent += 1;
    this.treeChanged = true;
    if (this.tree.record(topic, payload, time) && this.suggestedTopics < MAX_SUGGESTED_TOPICS) {
      this.suggestedTopics += 1;
      this.newTopics.push(topic);
    }
  }

  get hasUpdates(): boolean {
    return this.unsent > 0 || this.newTopics.length > 0;
  }

  /** Rolls the one-second rate window; returns true when the shown rate changed. */
  updateRate(now: number): boolean {
    const elapsed = now - this.rateWindowStart;
    if (elapsed < 1_000) return false;
    const rate = Math.round(((this.received - this.rateWindowReceived) * 1_000) / elapsed);
    this.rateWindowStart = now;
    this.rateWindowReceived = this.received;
    const changed = rate !== this.rate;
    this.rate = rate;
    return changed;
  }

  counters(): StreamCounters {
    return { received: this.received, bytes: this.bytes, rate: this.rate };
  }

  /** The newest rows since the last call, at most what a screen shows, oldest first. */
  takeRows(): MessageRow[] {
    const rows = this.history.newest(Math.min(this.unsent, LIVE_ROWS_PER_BATCH)).map(toRow);
    this.unsent = 0;
    return rows;
  }

  /** Every kept row, oldest first, for a list the user stopped to read. */
  takeHistory(): MessageRow[] {
    this.unsent = 0;
    return this.history.toArray().map(toRow);
  }

  takeNewTopics(): string[] {
    const topics = this.newTopics;
    this.newTopics = [];
    return topics;
  }

  get hasTreeChanges(): boolean {
    return this.treeChanged;
  }

  /** The visible part of the topic tree, for the nodes the user expanded. */
  takeTreeView(expanded: ReadonlySet<string>): TopicTreeView {
    this.treeChanged = false;
    return this.tree.view(expanded, TREE_ROWS, describeLastValue);
  }

  clear(): void {
    this.history.clear();
    this.unsent = 0;
    this.tree.clear();
    this.treeChanged = true;
  }
}
