import { RingBuffer } from '../../core/ring-buffer.ts';
import { decodePayload } from '../../core/payload.ts';
import { TopicTree } from '../../core/topic-tree.ts';
import type { MessageRow, QoS, StreamCounters, TopicTreeView } from './protocol.ts';

/** The message list keeps this many rows; a batch never needs to carry more. */
export const ROWS_PER_BATCH = 1_000;
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
  payload: Uint8Array;
  qos: QoS;
  retain: boolean;
}

/**
 * Counts every message and keeps the newest raw ones until the next batch.
 * Decoding is deferred to `takeRows`, so a burst of 20,000 messages between two frames
 * decodes only the rows the list can show.
 */
export class MessageCollector {
  private readonly pending = new RingBuffer<RawMessage>(ROWS_PER_BATCH);
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
    this.pending.push({ seq: this.received, time, topic, payload, qos, retain });
    this.treeChanged = true;
    if (this.tree.record(topic, payload, time) && this.suggestedTopics < MAX_SUGGESTED_TOPICS) {
      this.suggestedTopics += 1;
      this.newTopics.push(topic);
    }
  }

  get hasUpdates(): boolean {
    return this.pending.size > 0 || this.newTopics.length > 0;
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

  takeRows(): MessageRow[] {
    const rows = this.pending
      .toArray()
      .map(({ payload, ...meta }): MessageRow => ({ ...meta, ...decodePayload(payload) }));
    this.pending.clear();
    return rows;
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
    this.pending.clear();
    this.tree.clear();
    this.treeChanged = true;
  }
}
