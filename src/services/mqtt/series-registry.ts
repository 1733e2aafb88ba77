import { compileTopicFilter } from '../../core/topic-filter.ts';
import {
  extractNumber,
  parseJsonContainer,
  parseJsonPath,
  readNumber,
} from '../../core/json-path.ts';
import type { JsonPath } from '../../core/json-path.ts';
import { NumericRing } from '../../core/ring-buffer.ts';
import { lttb } from '../../core/downsample.ts';
import type { SeriesLine, SeriesSnapshot } from './protocol.ts';

/** Points kept per line: about 30 minutes at one sample a second. */
export const POINTS_PER_LINE = 2_000;
/** A chart plot is about 450 pixels wide: one point per two pixels keeps every visible feature. */
export const POINTS_PER_SNAPSHOT = 240;
/** One chart draws at most this many topics; a filter like `#` would otherwise grow without bound. */
export const LINES_PER_SERIES = 12;
/** Bigger payloads are not searched for numbers: parsing them would stall the stream. */
const MAX_NUMERIC_PAYLOAD_BYTES = 64 * 1024;

interface WatchedSeries {
  id: string;
  lastSnapshotAt: number;
  matches: (topic: string) => boolean;
  path: JsonPath;
  lines: Map<string, NumericRing>;
  changed: boolean;
}

const textDecoder = new TextDecoder();
const NOT_PARSED = Symbol('not parsed');

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
      lastSnapshotAt: 0,
    });
  }

  unwatch(id: string): void {
    this.series.delete(id);
  }

  /** Returns true when the message added a point to any series. */
  ingest(topic: string, payload: Uint8Array, time: number): boolean {
    if (this.series.size === 0 || payload.length > MAX_NUMERIC_PAYLOAD_BYTES) return false;
    let text: string | null = null;
    // Several charts often read fields of the same JSON payload: parse it once.
    let parsed: unknown = NOT_PARSED;
    let added = false;
    for (const watched of this.series.values()) {
      if (!watched.matches(topic)) continue;
      let line = watched.lines.get(topic);
      if (!line && watched.lines.size >= LINES_PER_SERIES) continue;
      text ??= textDecoder.decode(payload);
      let value: number | null;
      if (watched.path.length === 0) value = extractNumber(text, watched.path);
      else {
        if (parsed === NOT_PARSED) parsed = parseJsonContainer(text);
        value = parsed === undefined ? null : readNumber(parsed, watched.path);
      }
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

  /** When the next snapshot may be taken, or null when no series changed. */
  nextSnapshotAt(minIntervalMs: number): number | null {
    let next: number | null = null;
    for (const watched of this.series.values()) {
      if (!watched.changed) continue;
      const at = watched.lastSnapshotAt + minIntervalMs;
      if (next === null || at < next) next = at;
    }
    return next;
  }

  /**
   * A downsampled copy of the changed series that waited longest, if it last had one at least
   * `minIntervalMs` ago. One chart per frame: drawing all of them in one frame would drop it.
   */
  takeSnapshot(now: number, minIntervalMs: number): SeriesSnapshot | null {
    let stalest: WatchedSeries | null = null;
    for (const watched of this.series.values()) {
      if (!watched.changed || now - watched.lastSnapshotAt < minIntervalMs) continue;
      if (!stalest || watched.lastSnapshotAt < stalest.lastSnapshotAt) stalest = watched;
    }
    if (!stalest) return null;
    stalest.changed = false;
    stalest.lastSnapshotAt = now;
    const lines: SeriesLine[] = [];
    for (const [topic, ring] of stalest.lines) {
      const { times, values } = ring.toArrays();
      const reduced = lttb(times, values, times.length, POINTS_PER_SNAPSHOT);
      lines.push({ topic, times: reduced.times, values: reduced.values });
    }
    return { seriesId: stalest.id, lines };
  }

  clear(): void {
    for (const watched of this.series.values()) {
      watched.lines.clear();
      watched.changed = true;
    }
  }
}
