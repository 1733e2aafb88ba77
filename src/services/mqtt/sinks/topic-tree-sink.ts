import { SparkplugStates } from '../../../core/sparkplug-states.ts';
import { TopicTree } from '../../../core/topic-tree.ts';
import type { TopicCount } from '../../../core/topic-tree.ts';
import type { IngestedMessage } from '../engine/ingested-message.ts';
import type { Sink } from '../engine/sink.ts';
import type { ConnectionBatch } from '../protocol.ts';

/** Distinct topics offered to pickers; beyond it new topics are still counted, not offered. */
export const MAX_SUGGESTED_TOPICS = 50_000;
/** The topic tree view is capped: a person reads a few hundred rows, not 10,000. */
export const TREE_ROWS = 400;
/** Tree counts change with every message; reading them twice a second is enough. */
export const TREE_INTERVAL_MS = 500;
const TREE_VALUE_CHARS = 120;

const describeLastValue = (message: IngestedMessage) => {
  const { preview } = message.decoded();
  return preview.length > TREE_VALUE_CHARS ? preview.slice(0, TREE_VALUE_CHARS) : preview;
};

/** Message counts and health per topic level, and the topics seen for the first time. */
export class TopicTreeSink implements Sink {
  private readonly tree = new TopicTree<IngestedMessage>();
  /** Sparkplug nodes and devices online or offline: outlives the recorder's eviction. */
  private readonly sparkplug = new SparkplugStates();
  private newTopics: string[] = [];
  private suggestedTopics = 0;
  private changed = true;
  private requested = true;
  private lastSentAt = 0;
  private expanded: ReadonlySet<string> = new Set();
  private watched: (topic: string) => boolean = () => true;
  private filter = '';

  ingest(message: IngestedMessage): void {
    this.changed = true;
    // An empty retained message deletes the broker's copy (MQTT 5.0, 3.3.1.3).
    const retained = message.retain && message.size > 0;
    const isNew = this.tree.record(message.topic, message, message.time, retained);
    this.sparkplug.note(message.topic, message.time, () => bdSeqOf(message.decoded().value));
    if (isNew && this.suggestedTopics < MAX_SUGGESTED_TOPICS) {
      this.suggestedTopics += 1;
      this.newTopics.push(message.topic);
    }
  }

  /** Messages so far on the topics a filter matches (see `TopicTree.countMatching`). */
  countMatching(levels: readonly string[]): TopicCount {
    return this.tree.countMatching(levels);
  }

  /** The paths the user opened: the view is sent for these, at once. */
  expand(paths: readonly string[]): void {
    this.expanded = new Set(paths);
    this.requested = true;
  }

  /** Which topics the connection still subscribes to; only those can go stale. */
  setWatched(watched: (topic: string) => boolean): void {
    this.watched = watched;
    this.requested = true;
  }

  /** Only topics containing this text are sent, so 10,000 topics never cross to the page. */
  search(text: string): void {
    this.filter = text;
    this.requested = true;
  }

  dueAt(now: number): number | null {
    if (this.requested || this.newTopics.length > 0) return now;
    // A topic going stale or a rate falling changes the view although no message arrived.
    const due = this.changed ? now : this.tree.nextChangeAt;
    return due === null ? null : Math.max(due, this.lastSentAt + TREE_INTERVAL_MS);
  }

  flush(batch: ConnectionBatch, now: number): void {
    if (this.newTopics.length > 0) {
      batch.newTopics = this.newTopics;
      this.newTopics = [];
    }
    const due = this.changed || (this.tree.nextChangeAt ?? Infinity) <= now;
    if (this.requested || (due && now - this.lastSentAt >= TREE_INTERVAL_MS)) {
      batch.tree = this.tree.view({
        expanded: this.expanded,
        maxRows: TREE_ROWS,
        describe: describeLastValue,
        now,
        filter: this.filter,
        watched: this.watched,
      });
      if (this.sparkplug.size > 0) batch.tree.sparkplug = this.sparkplug.list();
      this.requested = false;
      this.changed = false;
      this.lastSentAt = now;
    }
  }

  clear(): void {
    // The Sparkplug states stay: a node offline before the clear is still offline after it.
    this.tree.clear();
    this.changed = true;
  }
}

/** The bdSeq metric of a decoded Sparkplug payload (`{ metrics: { bdSeq: { value } } }`). */
function bdSeqOf(value: unknown): number | null {
  const metrics = (value as { metrics?: Record<string, { value?: unknown }> } | null)?.metrics;
  const bdSeq = metrics?.['bdSeq']?.value;
  return typeof bdSeq === 'number' ? bdSeq : typeof bdSeq === 'bigint' ? Number(bdSeq) : null;
}
