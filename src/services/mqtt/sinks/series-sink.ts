import { compileTopicFilter } from '../../../core/topic-filter.ts';
import { parseJsonPath, readChartValue } from '../../../core/json-path.ts';
import type { JsonPath } from '../../../core/json-path.ts';
import { HISTORY_POINTS, SeriesHistory } from '../../../core/series-history.ts';
import type { DecodedPayload } from '../../../core/decoders/index.ts';
import type { MessageStore } from '../../../core/recorder/message-store.ts';
import type { IngestedMessage } from '../engine/ingested-message.ts';
import type { FlushBudget, Sink } from '../engine/sink.ts';
import { lineKey, MAX_EXTRA_SERIES, splitLineKey } from '../../../core/chart-series.ts';
import type {
  ConnectionBatch,
  SeriesLine,
  SeriesSnapshot,
  SeriesSource,
  SeriesView,
} from '../protocol.ts';
import { forEachRecordedMatch } from './recorded-matches.ts';

/** Points kept per line: a day at one sample a second (older ones are folded, see SeriesHistory). */
export const POINTS_PER_LINE = HISTORY_POINTS;
/** Until the chart says how wide it is: about two points per pixel column of a 450 px plot. */
export const POINTS_PER_SNAPSHOT = 900;
/** At most this many points per line, however wide the chart claims to be. */
export const MAX_POINTS_PER_SNAPSHOT = 8_000;
/** The window a chart shows until it says otherwise. */
export const DEFAULT_WINDOW_MS = 5 * 60_000;
/** One chart draws at most this many topics; a filter like `#` would otherwise grow without bound. */
export const LINES_PER_SERIES = 12;
/** Lines a user may pick for one chart (one per colour of the palette). */
export const MAX_CHOSEN_LINES = 20;
/** Topics that match but are not drawn: counted and named up to this many. */
export const HIDDEN_TOPICS_KEPT = 500;
/** Charts redraw a few times a second each (each in its own frame); the list every frame. */
export const SNAPSHOT_INTERVAL_MS = 250;
/** The longest a changed chart waits: a new reading shows within a second, whatever the window. */
export const MAX_SNAPSHOT_INTERVAL_MS = 1_000;

/**
 * How often a changed series is redrawn: when its time axis has moved by about a pixel column
 * (two points a column), between 4 times a second (a 1-minute chart) and once a second (an hour
 * or a day): redrawing a wide window more often moves nothing on screen but costs a frame.
 */
export function snapshotInterval(view: SeriesView): number {
  const span = view.range ? view.range.to - view.range.from : view.windowMs;
  const perColumn = (2 * span) / Math.max(1, view.points);
  return Math.min(MAX_SNAPSHOT_INTERVAL_MS, Math.max(SNAPSHOT_INTERVAL_MS, perColumn));
}

/** One series of a chart as the sink reads it: which topics, and where their number is. */
interface ReadSource {
  matches: (topic: string) => boolean;
  path: JsonPath;
}

interface WatchedSeries {
  id: string;
  lastSnapshotAt: number;
  /** The chart's own series first, then its extra ones (a line's `source` is the index). */
  sources: ReadSource[];
  /** By line key (core/chart-series): the topic, `topic#n` for the n-th extra series. */
  lines: Map<string, SeriesHistory>;
  /** Filter, path and topics as watched, to tell a new source from a new view. */
  source: string;
  view: SeriesView;
  /** The line keys the user picked; null draws the first LINES_PER_SERIES that arrive. */
  chosen: ReadonlySet<string> | null;
  /** Line keys of matching topics that are not drawn, so the chart can say how many and offer them. */
  hidden: Set<string>;
  changed: boolean;
}

/**
 * Numeric history of the topics that charts watch on one connection. Ingest is O(watched
 * series) per message and reads the pipeline's one decode; the copying and downsampling
 * happen only when a snapshot is taken.
 */
export class SeriesSink implements Sink {
  private readonly series = new Map<string, WatchedSeries>();

  /**
   * Starts watching a series, or, when the same source is watched again, only changes what is
   * shown (window, width, zoom) and keeps the history. True when the history starts afresh.
   */
  watch(
    id: string,
    filter: string,
    jsonPath: string,
    topics?: readonly string[],
    view?: SeriesView,
    more: readonly SeriesSource[] = [],
  ): boolean {
    const extra = more.slice(0, MAX_EXTRA_SERIES);
    const source = JSON.stringify([filter, jsonPath, topics ?? null, extra]);
    const shown = sanitizeView(view);
    const existing = this.series.get(id);
    if (existing && existing.source === source) {
      existing.view = shown;
      existing.changed = true;
      // Redrawn at once: the user just asked for it.
      existing.lastSnapshotAt = 0;
      return false;
    }
    this.series.set(id, {
      source,
      view: shown,
      id,
      sources: [{ filter, jsonPath }, ...extra].map(readSource),
      lines: new Map(),
      chosen: topics ? new Set(topics.slice(0, MAX_CHOSEN_LINES)) : null,
      hidden: new Set(),
      changed: true,
      lastSnapshotAt: 0,
    });
    return true;
  }

  /** Whether the line `key` (whose topic matches) is drawn; if not, it is noted as hidden. O(1). */
  private drawn(watched: WatchedSeries, key: string): boolean {
    const room = watched.chosen
      ? watched.chosen.has(key)
      : watched.lines.has(key) || watched.lines.size < LINES_PER_SERIES;
    if (!room && !watched.hidden.has(key) && watched.hidden.size < HIDDEN_TOPICS_KEPT) {
      watched.hidden.add(key);
      watched.changed = true;
    }
    return room;
  }

  /**
   * Fills a newly watched series from what the recorder already holds, so a chart added now
   * (or one on an opened recording) starts with history instead of an empty plot. Scans from
   * the newest message back; decodes only messages of matching topics, at most a line's worth
   * of points per topic.
   */
  backfill(
    id: string,
    store: MessageStore,
    decode: (topic: string, payload: Uint8Array, messageId: number) => DecodedPayload,
  ): void {
    const watched = this.series.get(id);
    if (!watched || store.size === 0) return;
    const collected = new Map<string, { times: number[]; values: number[] }>();
    const { sources } = watched;
    const matchesAny = (topic: string) => sources.some((source) => source.matches(topic));
    forEachRecordedMatch(store, matchesAny, (message, topic) => {
      let decoded: DecodedPayload | null = null;
      for (let index = 0; index < sources.length; index += 1) {
        const source = sources[index] as ReadSource;
        if (!source.matches(topic)) continue;
        const key = lineKey(topic, index);
        let line = collected.get(key);
        if (!line) {
          const room = watched.chosen ? watched.chosen.has(key) : collected.size < LINES_PER_SERIES;
          if (!room) {
            if (watched.hidden.size < HIDDEN_TOPICS_KEPT) watched.hidden.add(key);
            continue;
          }
          line = { times: [], values: [] };
          collected.set(key, line);
        }
        if (line.times.length >= POINTS_PER_LINE) continue;
        decoded ??= decode(topic, store.payloadOf(message), message);
        const value = readChartValue(decoded, source.path);
        if (value === null) continue;
        line.times.push(store.timeOf(message));
        line.values.push(value);
      }
    });
    for (const [key, { times, values }] of collected) {
      if (times.length === 0) continue;
      const history = new SeriesHistory(POINTS_PER_LINE);
      for (let i = times.length - 1; i >= 0; i -= 1) history.push(times[i] ?? 0, values[i] ?? 0);
      watched.lines.set(key, history);
    }
    watched.changed = true;
  }

  unwatch(id: string): void {
    this.series.delete(id);
  }

  ingest(message: IngestedMessage): void {
    if (this.series.size === 0) return;
    let decoded: DecodedPayload | null = null;
    const { topic } = message;
    for (const watched of this.series.values()) {
      const { sources } = watched;
      for (let index = 0; index < sources.length; index += 1) {
        const source = sources[index] as ReadSource;
        if (!source.matches(topic)) continue;
        // Only an extra series builds a key; the chart's own lines are keyed by their topic.
        const key = index === 0 ? topic : lineKey(topic, index);
        let line = watched.lines.get(key);
        if (!line && !this.drawn(watched, key)) continue;
        decoded ??= message.decoded();
        const value = readChartValue(decoded, source.path);
        if (value === null) continue;
        if (!line) {
          line = new SeriesHistory(POINTS_PER_LINE);
          watched.lines.set(key, line);
        }
        line.push(message.time, value);
        // A zoomed (paused) chart keeps recording but is not redrawn for points past its span.
        if (!watched.view.range || message.time <= watched.view.range.to) watched.changed = true;
      }
    }
  }

  /** When the changed series that waited longest may be redrawn; null when none changed. */
  dueAt(): number | null {
    let next: number | null = null;
    for (const watched of this.series.values()) {
      if (!watched.changed) continue;
      const at = watched.lastSnapshotAt + snapshotInterval(watched.view);
      if (next === null || at < next) next = at;
    }
    return next;
  }

  /**
   * A downsampled copy of the changed series that waited longest. One chart per frame across
   * all connections (the budget): drawing all of them in one frame would drop it.
   */
  flush(batch: ConnectionBatch, now: number, budget: FlushBudget): void {
    if (budget.snapshots <= 0) return;
    const snapshot = this.takeSnapshot(now);
    if (!snapshot) return;
    budget.snapshots -= 1;
    batch.series.push(snapshot);
  }

  private takeSnapshot(now: number): SeriesSnapshot | null {
    let stalest: WatchedSeries | null = null;
    for (const watched of this.series.values()) {
      if (!watched.changed || now - watched.lastSnapshotAt < snapshotInterval(watched.view))
        continue;
      if (!stalest || watched.lastSnapshotAt < stalest.lastSnapshotAt) stalest = watched;
    }
    if (!stalest) return null;
    stalest.changed = false;
    stalest.lastSnapshotAt = now;
    const { view } = stalest;
    let from: number;
    let to: number;
    if (view.range) {
      ({ from, to } = view.range);
    } else {
      // Live: the window ends at the newest point (of a recording opened, too), else now.
      to = -Infinity;
      for (const history of stalest.lines.values()) {
        if (history.size > 0 && history.lastTime > to) to = history.lastTime;
      }
      if (to === -Infinity) to = now;
      from = to - view.windowMs;
    }
    const lines: SeriesLine[] = [];
    for (const [key, history] of stalest.lines) {
      const { times, values, stats } = history.slice(from, to, view.points);
      const { topic, source } = splitLineKey(key);
      lines.push(
        source === 0 ? { topic, times, values, stats } : { topic, source, times, values, stats },
      );
    }
    return { seriesId: stalest.id, from, to, lines, hiddenTopics: [...stalest.hidden] };
  }

  clear(): void {
    for (const watched of this.series.values()) {
      watched.lines.clear();
      watched.hidden.clear();
      watched.changed = true;
    }
  }
}

function readSource({ filter, jsonPath }: SeriesSource): ReadSource {
  const parsed = parseJsonPath(jsonPath);
  return { matches: compileTopicFilter(filter), path: parsed.ok ? parsed.path : [] };
}

/** A view from the page, bounded: a window of a second to a day, a sane number of points. */
function sanitizeView(view: SeriesView | undefined): SeriesView {
  const windowMs =
    view && Number.isFinite(view.windowMs)
      ? Math.min(Math.max(view.windowMs, 1_000), 86_400_000)
      : DEFAULT_WINDOW_MS;
  const points =
    view && Number.isFinite(view.points)
      ? Math.min(Math.max(Math.floor(view.points), 3), MAX_POINTS_PER_SNAPSHOT)
      : POINTS_PER_SNAPSHOT;
  const range = view?.range;
  if (range && Number.isFinite(range.from) && Number.isFinite(range.to) && range.to > range.from) {
    return { windowMs, points, range: { from: range.from, to: range.to } };
  }
  return { windowMs, points };
}
