import { compileTopicFilter } from '../../core/topic-filter.ts';
import { extractNumber, parseJsonPath } from '../../core/json-path.ts';
import type { JsonPath } from '../../core/json-path.ts';
import { NumericRing } from '../../core/ring-buffer.ts';
import { lttb } from '../../core/downsample.ts';
import type { SeriesLine, SeriesSnapshot } from './protocol.ts';

/** Points kept per line: about 30 minutes at one sample a second. */
export const POINTS_PER_LINE = 2_000;
/** A chart is a few hundred pixels wide; more points than that only cost drawing time. */
export const POINTS_PER_SNAPSHOT = 400;
/** One chart draws at most this many topics; a filter like `#` would otherwise grow without bound. */
export const LINES_PER_SERIES = 12;
/** Bigger payloads are not searched for numbers: parsing them would stall the stream. */
const MAX_NUMERIC_PAYLOAD_BYTES = 64 * 1024;

interface WatchedSeries {
  id: string;
  matches: (topic: string) => boolean;
  path: JsonPath;
  lines: Map<string, NumericRing>;
  changed: boolean;
}

const textDecoder = new TextDecoder();

/**
 * Numeric history of the topics that charts watch. Ingest is O(watched series) per message;
 * the copying and downsampling happen only when a snapshot is taken.
 */
export class SeriesRegistry {
  private readonly series = new Map<string, WatchedSeries>();

  watch(id: string, filter: string, jsonPath: string): void {
    const parsed = parseJsonPath(jsonPath);
    this.series.set(id, {
      id,
      matches: compileTopicFilter(filter),
      path: parsed.ok ? parsed.path : [],
      lines: new Map(),
      changed: true,
    });
  }

  unwatch(id: string): void {
    this.series.delete(id);
  }

  get hasChanges(): boolean {
    for (const watched of this.series.values()) if (watched.changed) return true;
    return false;
  }

  /** Returns true when the message added a point to any series. */
  ingest(topic: string, payload: Uint8Array, time: number): boolean {
    if (this.series.size === 0 || payload.length > MAX_NUMERIC_PAYLOAD_BYTES) return false;
    let text: string | null = null;
    let added = false;
    for (const watched of this.series.values()) {
      if (!watched.matches(topic)) continue;
      let line = watched.lines.get(topic);
      if (!line && watched.lines.size >= LINES_PER_SERIES) continue;
      text ??= textDecoder.decode(payload);
      const value = extractNumber(text, watched.path);
      if (value === null) continue;
      if (!line) {
        line = new NumericRing(POINTS_PER_LINE);
        watched.lines.set(topic, line);
      }
      line.push(time, value);
      watched.changed = true;
      added = true;
    }
    return added;
  }

  /** Downsampled copies of every series that changed since the last call. */
  takeSnapshots(): SeriesSnapshot[] {
    const snapshots: SeriesSnapshot[] = [];
    for (const watched of this.series.values()) {
      if (!watched.changed) continue;
      watched.changed = false;
      const lines: SeriesLine[] = [];
      for (const [topic, ring] of watched.lines) {
        const { times, values } = ring.toArrays();
        const reduced = lttb(times, values, times.length, POINTS_PER_SNAPSHOT);
        lines.push({ topic, times: reduced.times, values: reduced.values });
      }
      snapshots.push({ seriesId: watched.id, lines });
    }
    return snapshots;
  }

  clear(): void {
    for (const watched of this.series.values()) {
      watched.lines.clear();
      watched.changed = true;
    }
  }
}
