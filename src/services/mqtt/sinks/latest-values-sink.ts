import { compileTopicFilter } from '../../../core/topic-filter.ts';
import { parseJsonPath, readChartValue, readPath } from '../../../core/json-path.ts';
import type { JsonPath } from '../../../core/json-path.ts';
import type { DecodedPayload } from '../../../core/decoders/index.ts';
import type { MessageStore } from '../../../core/recorder/message-store.ts';
import type { IngestedMessage } from '../engine/ingested-message.ts';
import type { Sink } from '../engine/sink.ts';
import type { ConnectionBatch, LatestValue } from '../protocol.ts';
import { forEachRecordedMatch } from './recorded-matches.ts';

/** Topics one widget follows at most; a `#` filter cannot grow it without bound. */
export const LATEST_TOPICS = 200;
/** Widgets show a reading, not a waveform: a few updates a second is plenty. */
export const LATEST_INTERVAL_MS = 250;
const TEXT_LIMIT = 80;

interface Watch {
  id: string;
  matches: (topic: string) => boolean;
  path: JsonPath;
  values: Map<string, LatestValue>;
  changed: boolean;
}

/** The value at the path as a short text: a string as it is, anything else as JSON. */
function textAt(decoded: DecodedPayload, path: JsonPath): string {
  if (path.length === 0) return decoded.preview.slice(0, TEXT_LIMIT);
  const found = readPath(decoded.value, path);
  if (found === undefined) return '';
  const text = typeof found === 'string' ? found : (JSON.stringify(found) ?? '');
  return text.slice(0, TEXT_LIMIT);
}

/**
 * The newest value of each topic a widget watches (a gauge, a big number, a status tile, a
 * table): one small record per topic, replaced in place, instead of a chart's history.
 * O(watches) per message; decodes only messages on a watched topic.
 */
export class LatestValuesSink implements Sink {
  private readonly watches = new Map<string, Watch>();
  private sentAt = 0;

  watch(id: string, filter: string, jsonPath: string): void {
    const parsed = parseJsonPath(jsonPath);
    this.watches.set(id, {
      id,
      matches: compileTopicFilter(filter),
      path: parsed.ok ? parsed.path : [],
      values: new Map(),
      changed: true,
    });
  }

  /**
   * Fills a new watch from what the recorder holds, newest first, so a widget added now (or a
   * dashboard imported) shows a retained `online` that arrived long ago. Decodes at most two
   * messages per topic: the newest, and the one before it for the trend.
   */
  backfill(
    id: string,
    store: MessageStore,
    decode: (topic: string, payload: Uint8Array, messageId: number) => DecodedPayload,
  ): void {
    const watch = this.watches.get(id);
    if (!watch || store.size === 0) return;
    const seen = new Map<string, { value: LatestValue; complete: boolean }>();
    forEachRecordedMatch(store, watch.matches, (message, topic) => {
      const found = seen.get(topic);
      if (found?.complete || (!found && seen.size >= LATEST_TOPICS)) return;
      const decoded = decode(topic, store.payloadOf(message), message);
      const value = readChartValue(decoded, watch.path);
      if (found) {
        if (value === null) return;
        found.value.previous = value;
        found.complete = true;
      } else {
        const text = textAt(decoded, watch.path);
        const time = store.timeOf(message);
        seen.set(topic, { value: { topic, value, text, time, previous: null }, complete: false });
      }
    });
    for (const [topic, { value }] of seen) {
      if (!watch.values.has(topic)) watch.values.set(topic, value);
    }
    watch.changed = true;
  }

  unwatch(id: string): void {
    this.watches.delete(id);
  }

  ingest(message: IngestedMessage): void {
    if (this.watches.size === 0) return;
    let decoded: DecodedPayload | null = null;
    for (const watch of this.watches.values()) {
      if (!watch.matches(message.topic)) continue;
      const before = watch.values.get(message.topic);
      if (!before && watch.values.size >= LATEST_TOPICS) continue;
      decoded ??= message.decoded();
      const value = readChartValue(decoded, watch.path);
      watch.values.set(message.topic, {
        topic: message.topic,
        value,
        text: textAt(decoded, watch.path),
        time: message.time,
        previous: before ? (before.value ?? before.previous) : null,
      });
      watch.changed = true;
    }
  }

  dueAt(now: number): number | null {
    for (const watch of this.watches.values()) {
      if (watch.changed) return Math.max(now, this.sentAt + LATEST_INTERVAL_MS);
    }
    return null;
  }

  flush(batch: ConnectionBatch, now: number): void {
    if (now < this.sentAt + LATEST_INTERVAL_MS) return;
    this.sentAt = now;
    for (const watch of this.watches.values()) {
      if (!watch.changed) continue;
      watch.changed = false;
      batch.latest.push({ watchId: watch.id, values: [...watch.values.values()] });
    }
  }

  clear(): void {
    for (const watch of this.watches.values()) {
      watch.values.clear();
      watch.changed = true;
    }
  }
}
