import { counterRate, readStatValue, statForTopic } from '../../../core/broker-stats.ts';
import type { StatDefinition } from '../../../core/broker-stats.ts';
import { utf8Decoder } from '../../../core/decoders/utf8.ts';
import type { IngestedMessage } from '../engine/ingested-message.ts';
import type { Sink } from '../engine/sink.ts';
import type { BrokerStat, ConnectionBatch } from '../protocol.ts';

/** Points of history per figure: a few minutes at the usual 10 s $SYS interval. */
const HISTORY = 60;
const SEND_INTERVAL_MS = 1_000;

interface Tracked {
  stat: StatDefinition;
  last: { time: number; value: number } | null;
  /** What the panel plots: the value of a gauge, the rate of a counter. */
  history: number[];
  current: number | null;
}

/**
 * The broker's own figures from `$SYS/` (when the user subscribed to them): clients, message
 * and byte rates, dropped messages. Every other message costs one character comparison.
 */
export class BrokerStatsSink implements Sink {
  private readonly tracked = new Map<string, Tracked>();
  private changed = false;
  private sentAt = 0;

  ingest(message: IngestedMessage): void {
    // '$': only $SYS topics go further.
    if (message.topic.charCodeAt(0) !== 0x24) return;
    const stat = statForTopic(message.topic);
    if (!stat) return;
    const value = readStatValue(utf8Decoder.decode(message.bytes.subarray(0, 64)));
    if (value === null) return;
    let tracked = this.tracked.get(stat.key);
    if (!tracked) {
      tracked = { stat, last: null, history: [], current: null };
      this.tracked.set(stat.key, tracked);
    }
    const sample = { time: message.time, value };
    const shown = stat.kind === 'gauge' ? value : tracked.last && counterRate(tracked.last, sample);
    tracked.last = sample;
    if (shown === null) return;
    tracked.current = shown;
    tracked.history.push(shown);
    if (tracked.history.length > HISTORY) tracked.history.shift();
    this.changed = true;
  }

  dueAt(now: number): number | null {
    return this.changed ? Math.max(now, this.sentAt + SEND_INTERVAL_MS) : null;
  }

  flush(batch: ConnectionBatch, now: number): void {
    if (now < this.sentAt + SEND_INTERVAL_MS) return;
    this.changed = false;
    this.sentAt = now;
    const stats: BrokerStat[] = [];
    for (const { stat, current, history, last } of this.tracked.values()) {
      if (current === null) continue;
      stats.push({
        key: stat.key,
        label: stat.label,
        kind: stat.kind,
        unit: stat.unit,
        value: current,
        total: stat.kind === 'counter' ? (last?.value ?? null) : null,
        history: [...history],
      });
    }
    batch.brokerStats = stats;
  }

  clear(): void {
    this.tracked.clear();
    this.changed = true;
  }
}
