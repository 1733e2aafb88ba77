import { filterLevels } from '../../../core/topic-filter.ts';
import type { TopicCount } from '../../../core/topic-tree.ts';
import type { Sink } from '../engine/sink.ts';
import type { ConnectionBatch } from '../protocol.ts';

/** One rate sample a second… */
export const RATE_SAMPLE_MS = 1_000;
/** …kept for three minutes, the sparkline of a rate widget. */
export const RATE_HISTORY = 180;
/** The rate shown is the mean of this many newest samples: steady, and zero 5 s after a stop. */
export const RATE_AVERAGE_SAMPLES = 5;

interface RateWatch {
  id: string;
  /** The filter's levels; null for a filter that can match nothing. */
  levels: string[] | null;
  /** Matching messages the topic tree had counted at the last sample. */
  counted: number;
  sampledAt: number;
  lastMessageAt: number;
  /** Messages per second, one per sample, in a ring: `next` is where the next one goes. */
  samples: Float64Array;
  next: number;
  length: number;
  changed: boolean;
}

/**
 * Messages per second on a topic filter, for rate widgets. It costs nothing per message: the
 * topic tree already counts every topic's messages, so once a second each watch asks the tree
 * for the total of its filter's topics (a walk of the matching branches only) and keeps the
 * difference. Counting here per message would cost a filter match per watch per message.
 */
export class RateSink implements Sink {
  private readonly watches = new Map<string, RateWatch>();

  constructor(private readonly count: (levels: readonly string[]) => TopicCount) {}

  /** Starts counting from now: what came before the watch is not part of its rate. */
  watch(id: string, filter: string, now: number): void {
    const levels = filterLevels(filter);
    const counted = levels ? this.count(levels) : { messages: 0, lastTime: 0 };
    this.watches.set(id, {
      id,
      levels,
      counted: counted.messages,
      sampledAt: now,
      lastMessageAt: counted.lastTime,
      samples: new Float64Array(RATE_HISTORY),
      next: 0,
      length: 0,
      changed: true,
    });
  }

  unwatch(id: string): void {
    this.watches.delete(id);
  }

  ingest(): void {
    // Nothing per message: the topic tree counts them.
  }

  tick(now: number): void {
    for (const watch of this.watches.values()) {
      const elapsed = now - watch.sampledAt;
      if (elapsed < RATE_SAMPLE_MS) continue;
      const found = watch.levels ? this.count(watch.levels) : { messages: 0, lastTime: 0 };
      // Fewer than before: the messages were cleared, and the tree counts afresh.
      const arrived =
        found.messages >= watch.counted ? found.messages - watch.counted : found.messages;
      watch.counted = found.messages;
      watch.lastMessageAt = found.lastTime;
      watch.sampledAt = now;
      watch.samples[watch.next] = (arrived * 1000) / elapsed;
      watch.next = (watch.next + 1) % RATE_HISTORY;
      watch.length = Math.min(watch.length + 1, RATE_HISTORY);
      watch.changed = true;
    }
  }

  dueAt(now: number): number | null {
    for (const watch of this.watches.values()) if (watch.changed) return now;
    return null;
  }

  flush(batch: ConnectionBatch): void {
    for (const watch of this.watches.values()) {
      if (!watch.changed) continue;
      watch.changed = false;
      const history = new Array<number>(watch.length);
      const first = (watch.next - watch.length + RATE_HISTORY) % RATE_HISTORY;
      for (let i = 0; i < watch.length; i += 1) {
        history[i] = watch.samples[(first + i) % RATE_HISTORY] ?? 0;
      }
      const recent = history.slice(-RATE_AVERAGE_SAMPLES);
      batch.rates.push({
        watchId: watch.id,
        perSecond:
          recent.length === 0 ? null : recent.reduce((sum, r) => sum + r, 0) / recent.length,
        history,
        sampleMs: RATE_SAMPLE_MS,
        lastMessageAt: watch.lastMessageAt > 0 ? watch.lastMessageAt : null,
      });
    }
  }

  /** The tree is emptied too: its counts start again from zero. */
  clear(): void {
    for (const watch of this.watches.values()) {
      watch.counted = 0;
      watch.lastMessageAt = 0;
    }
  }
}
