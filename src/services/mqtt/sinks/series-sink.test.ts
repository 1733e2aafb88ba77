import { describe, expect, it } from 'vitest';
import {
  LINES_PER_SERIES,
  POINTS_PER_SNAPSHOT,
  SeriesSink,
  SNAPSHOT_INTERVAL_MS,
  snapshotInterval,
} from './series-sink.ts';
import { emptyConnectionBatch } from '../protocol.ts';
import { message } from '../engine/test-support.ts';
import { createDecoderRegistry } from '../../../core/decoders/index.ts';
import { MessageStore } from '../../../core/recorder/message-store.ts';

/** A registry-like view on the sink: feed messages, take one snapshot. */
class Feed {
  readonly sink = new SeriesSink();
  watch(id: string, filter: string, path: string) {
    this.sink.watch(id, filter, path);
  }
  unwatch(id: string) {
    this.sink.unwatch(id);
  }
  ingest(topic: string, payload: Uint8Array, time: number) {
    this.sink.ingest(message(topic, payload, time));
  }
  takeSnapshot(now: number, _interval?: number) {
    const batch = emptyConnectionBatch('c1');
    this.sink.flush(batch, now, { snapshots: 1 });
    return batch.series[0] ?? null;
  }
  clear() {
    this.sink.clear();
  }
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('SeriesSink', () => {
  it('draws one line per topic that matches the filter', () => {
    const registry = new Feed();
    registry.watch('temp', 'site/+/temperature', '');
    registry.ingest('site/a/temperature', bytes('21.5'), 1_000);
    registry.ingest('site/b/temperature', bytes('19'), 1_000);
    registry.ingest('site/a/humidity', bytes('40'), 1_000);

    const snapshot = registry.takeSnapshot(2_000, 0);
    expect(snapshot?.seriesId).toBe('temp');
    expect(snapshot?.lines.map((line) => line.topic)).toEqual([
      'site/a/temperature',
      'site/b/temperature',
    ]);
    expect(Array.from(snapshot?.lines[0]?.values ?? [])).toEqual([21.5]);
  });

  it('reads a field of a JSON payload', () => {
    const registry = new Feed();
    registry.watch('hum', 'dev/+/telemetry', 'humidity');
    registry.ingest('dev/1/telemetry', bytes('{"temperature":20,"humidity":48.2}'), 5);
    const line = registry.takeSnapshot(10_000, 0)?.lines[0];
    expect(Array.from(line?.times ?? [])).toEqual([5]);
    expect(Array.from(line?.values ?? [])).toEqual([48.2]);
  });

  it('skips payloads without a number instead of drawing zero', () => {
    const registry = new Feed();
    registry.watch('s', 'a/#', '');
    registry.ingest('a/x', bytes('offline'), 1);
    expect(registry.takeSnapshot(10_000, 0)?.lines).toEqual([]);
  });

  it('stops adding lines at the limit, so a # filter cannot grow without bound', () => {
    const registry = new Feed();
    registry.watch('all', '#', '');
    for (let i = 0; i < LINES_PER_SERIES + 5; i += 1) registry.ingest(`t/${i}`, bytes('1'), i);
    expect(registry.takeSnapshot(10_000, 0)?.lines).toHaveLength(LINES_PER_SERIES);
  });

  it('names the matching topics it does not draw, so the chart can say so', () => {
    const registry = new Feed();
    registry.watch('all', '#', '');
    for (let i = 0; i < LINES_PER_SERIES + 5; i += 1) registry.ingest(`t/${i}`, bytes('1'), i);
    registry.ingest(`t/${LINES_PER_SERIES + 1}`, bytes('2'), 99);
    const snapshot = registry.takeSnapshot(10_000, 0);
    expect(snapshot?.hiddenTopics).toEqual(
      Array.from({ length: 5 }, (_, i) => `t/${LINES_PER_SERIES + i}`),
    );
  });

  it('draws the topics the user picked, and only those', () => {
    const registry = new Feed();
    registry.sink.watch('all', 't/#', '', ['t/3', 't/14']);
    for (let i = 0; i < 16; i += 1) registry.ingest(`t/${i}`, bytes(String(i)), i);
    const snapshot = registry.takeSnapshot(10_000, 0);
    expect(snapshot?.lines.map((line) => line.topic)).toEqual(['t/3', 't/14']);
    expect(snapshot?.hiddenTopics).toHaveLength(14);
  });

  it('picks the same topics from history when a chart is added later', () => {
    const store = new MessageStore();
    for (let i = 0; i < 16; i += 1)
      store.record({ topic: `t/${i}`, payload: bytes(String(i)), time: i, qos: 0, retain: false });
    const registry = createDecoderRegistry();
    const sink = new SeriesSink();
    sink.watch('all', 't/#', '', ['t/15']);
    sink.backfill('all', store, (topic, payload) => registry.decode({ topic, payload }));
    const batch = emptyConnectionBatch('c1');
    sink.flush(batch, 10_000, { snapshots: 1 });
    expect(batch.series[0]?.lines.map((line) => line.topic)).toEqual(['t/15']);
    expect(batch.series[0]?.hiddenTopics).toHaveLength(15);
  });

  it('hands out no more points than a chart can draw', () => {
    const registry = new Feed();
    registry.sink.watch('s', 'x', '', undefined, { windowMs: 1_499, points: POINTS_PER_SNAPSHOT });
    for (let i = 0; i < 1_500; i += 1) registry.ingest('x', bytes(String(Math.sin(i))), i);
    const line = registry.takeSnapshot(10_000, 0)?.lines[0];
    expect(line?.times.length).toBeLessThanOrEqual(POINTS_PER_SNAPSHOT);
    expect(line?.times.length).toBeGreaterThan(POINTS_PER_SNAPSHOT / 2);
    expect(line?.times[0]).toBe(0);
    expect(line?.times.at(-1)).toBe(1_499);
  });

  it('shows the chosen window ending at the newest point, with its stats', () => {
    const sink = new SeriesSink();
    sink.watch('s', 'x', '', undefined, { windowMs: 60_000, points: 100 });
    // One a second for an hour: 0, 1, 2, … 3599.
    for (let i = 0; i < 3_600; i += 1) sink.ingest(message('x', bytes(String(i)), i * 1_000));
    const batch = emptyConnectionBatch('c1');
    sink.flush(batch, 1e7, { snapshots: 1 });
    const snapshot = batch.series[0];
    expect(snapshot?.to).toBe(3_599_000);
    expect(snapshot?.from).toBe(3_539_000);
    const line = snapshot?.lines[0];
    expect(line?.times.length).toBeLessThanOrEqual(100);
    expect(line?.times[0]).toBeGreaterThanOrEqual(3_539_000);
    expect(line?.stats).toEqual({ min: 3_539, max: 3_599, average: 3_569, last: 3_599, count: 61 });
  });

  it('keeps the history when only the window changes, and zooms into a span', () => {
    const sink = new SeriesSink();
    expect(sink.watch('s', 'x', '', undefined, { windowMs: 60_000, points: 100 })).toBe(true);
    for (let i = 0; i < 3_600; i += 1) sink.ingest(message('x', bytes(String(i)), i * 1_000));
    expect(sink.watch('s', 'x', '', undefined, { windowMs: 3_600_000, points: 100 })).toBe(false);
    let batch = emptyConnectionBatch('c1');
    sink.flush(batch, 1e7, { snapshots: 1 });
    expect(batch.series[0]?.lines[0]?.stats?.count).toBe(3_600);
    expect(batch.series[0]?.lines[0]?.times.length).toBeLessThanOrEqual(100);

    const range = { from: 100_000, to: 200_000 };
    sink.watch('s', 'x', '', undefined, { windowMs: 3_600_000, points: 1_000, range });
    // Paused: new points are recorded but do not redraw the zoomed span.
    sink.ingest(message('x', bytes('5000'), 3_600_000));
    batch = emptyConnectionBatch('c1');
    sink.flush(batch, 2e7, { snapshots: 1 });
    const zoomed = batch.series[0];
    expect([zoomed?.from, zoomed?.to]).toEqual([100_000, 200_000]);
    expect(Array.from(zoomed?.lines[0]?.values ?? [])).toEqual(
      Array.from({ length: 101 }, (_, i) => 100 + i),
    );
    expect(sink.dueAt()).toBeNull();

    // Back to live: the point that arrived while paused is there.
    sink.watch('s', 'x', '', undefined, { windowMs: 60_000, points: 1_000 });
    batch = emptyConnectionBatch('c1');
    sink.flush(batch, 3e7, { snapshots: 1 });
    expect(batch.series[0]?.lines[0]?.stats?.last).toBe(5_000);
  });

  it('starts afresh when the source changes', () => {
    const sink = new SeriesSink();
    sink.watch('s', 'x', '');
    sink.ingest(message('x', bytes('1'), 1));
    expect(sink.watch('s', 'y', '')).toBe(true);
    const batch = emptyConnectionBatch('c1');
    sink.flush(batch, 1e7, { snapshots: 1 });
    expect(batch.series[0]?.lines).toEqual([]);
  });

  it('hands out one changed chart at a time, the one that waited longest', () => {
    const registry = new Feed();
    registry.watch('a', 'a', '');
    registry.watch('b', 'b', '');
    registry.ingest('a', bytes('1'), 1);
    registry.ingest('b', bytes('2'), 1);
    expect(registry.takeSnapshot(1_000, 250)?.seriesId).toBe('a');
    expect(registry.takeSnapshot(1_010, 250)?.seriesId).toBe('b');
    expect(registry.takeSnapshot(1_020, 250)).toBeNull();
  });

  it('waits the minimum interval before redrawing the same chart', () => {
    const registry = new Feed();
    // A minute over 900 points moves by a column every 133 ms: the minimum, 250 ms, applies.
    registry.sink.watch('a', 'a', '', undefined, { windowMs: 60_000, points: 900 });
    registry.ingest('a', bytes('1'), 1);
    registry.takeSnapshot(1_000, 250);
    registry.ingest('a', bytes('2'), 2);
    expect(registry.sink.dueAt()).toBe(1_250);
    expect(registry.takeSnapshot(1_100, 250)).toBeNull();
    expect(registry.takeSnapshot(1_250, 250)?.seriesId).toBe('a');
    expect(registry.sink.dueAt()).toBeNull();
  });

  it('redraws a wide window when it has moved by a pixel column, but at least once a second', () => {
    expect(snapshotInterval({ windowMs: 60_000, points: 900 })).toBe(SNAPSHOT_INTERVAL_MS);
    // Five minutes over 900 points (450 columns): a column every 667 ms.
    expect(snapshotInterval({ windowMs: 300_000, points: 900 })).toBeCloseTo(666.7, 1);
    expect(snapshotInterval({ windowMs: 86_400_000, points: 900 })).toBe(1_000);
    // A zoom counts by the span shown, not the window it came from.
    const range = { from: 0, to: 30_000 };
    expect(snapshotInterval({ windowMs: 86_400_000, points: 900, range })).toBe(250);

    const registry = new Feed();
    registry.sink.watch('day', 'a', '', undefined, { windowMs: 86_400_000, points: 900 });
    registry.ingest('a', bytes('1'), 1);
    registry.takeSnapshot(1_000);
    registry.ingest('a', bytes('2'), 2);
    expect(registry.takeSnapshot(1_500)).toBeNull();
    expect(registry.takeSnapshot(2_000)?.seriesId).toBe('day');
  });

  it('reads several fields of one JSON payload', () => {
    const registry = new Feed();
    registry.watch('t', 'dev', 'temperature');
    registry.watch('h', 'dev', 'humidity');
    registry.ingest('dev', bytes('{"temperature":20.5,"humidity":41}'), 1);
    const values = [registry.takeSnapshot(1_000), registry.takeSnapshot(1_000)].map((snapshot) =>
      Array.from(snapshot?.lines[0]?.values ?? []),
    );
    expect(values).toEqual([[20.5], [41]]);
  });
});

describe('SeriesSink: several series on one chart', () => {
  const more = [
    { filter: 'plant/+/env', jsonPath: 'humidity' },
    { filter: 'dev', jsonPath: 'temperature' },
  ];

  it('draws the lines of every series, each read at its own field', () => {
    const feed = new Feed();
    feed.sink.watch('mix', 'site/+/temperature', '', undefined, undefined, more);
    feed.ingest('site/a/temperature', bytes('21.5'), 1);
    feed.ingest('plant/p1/env', bytes('{"humidity":48,"temperature":19}'), 2);
    feed.ingest('dev', bytes('{"temperature":30}'), 3);
    const snapshot = feed.takeSnapshot(10_000);
    expect(
      snapshot?.lines.map((line) => [line.topic, line.source, Array.from(line.values)]),
    ).toEqual([
      ['site/a/temperature', undefined, [21.5]],
      ['plant/p1/env', 1, [48]],
      ['dev', 2, [30]],
    ]);
  });

  it('draws one topic twice when two series read two of its fields', () => {
    const feed = new Feed();
    feed.sink.watch('env', 'plant/+/env', 'temperature', undefined, undefined, more.slice(0, 1));
    feed.ingest('plant/p1/env', bytes('{"humidity":48,"temperature":19}'), 2);
    const lines = feed.takeSnapshot(10_000)?.lines ?? [];
    expect(lines.map((line) => [line.topic, line.source ?? 0, line.values[0]])).toEqual([
      ['plant/p1/env', 0, 19],
      ['plant/p1/env', 1, 48],
    ]);
  });

  it('picks and hides lines by their key, so a topic of an extra series can be chosen', () => {
    const feed = new Feed();
    feed.sink.watch('mix', 'site/+/temperature', '', ['plant/p2/env#1'], undefined, more);
    feed.ingest('site/a/temperature', bytes('21.5'), 1);
    feed.ingest('plant/p1/env', bytes('{"humidity":48}'), 2);
    feed.ingest('plant/p2/env', bytes('{"humidity":50}'), 3);
    const snapshot = feed.takeSnapshot(10_000);
    expect(snapshot?.lines.map((line) => [line.topic, line.source])).toEqual([['plant/p2/env', 1]]);
    expect(snapshot?.hiddenTopics).toEqual(['site/a/temperature', 'plant/p1/env#1']);
  });

  it('starts afresh when a series is added, and backfills every series from the recorder', () => {
    const store = new MessageStore();
    store.record({
      topic: 'dev',
      payload: bytes('{"temperature":7}'),
      time: 5,
      qos: 0,
      retain: false,
    });
    const registry = createDecoderRegistry();
    const feed = new Feed();
    feed.sink.watch('s', 'dev', 'humidity');
    expect(feed.sink.watch('s', 'dev', 'humidity', undefined, undefined, more.slice(1))).toBe(true);
    feed.sink.backfill('s', store, (topic, payload) => registry.decode({ topic, payload }));
    const lines = feed.takeSnapshot(10_000)?.lines ?? [];
    expect(lines.map((line) => [line.topic, line.source, Array.from(line.values)])).toEqual([
      ['dev', 1, [7]],
    ]);
  });
});

describe('SeriesSink backfill', () => {
  it('a chart added later starts with what the recorder already holds', () => {
    const store = new MessageStore();
    for (let i = 0; i < 10; i += 1) {
      store.record({
        topic: 'plant/a',
        payload: bytes(`{"t":${i}}`),
        time: 1_000 + i,
        qos: 0,
        retain: false,
      });
      store.record({
        topic: 'other',
        payload: bytes(`{"t":99}`),
        time: 1_000 + i,
        qos: 0,
        retain: false,
      });
    }
    const registry = createDecoderRegistry();
    const feed = new Feed();
    feed.watch('s', 'plant/#', 't');
    feed.sink.backfill('s', store, (topic, payload) => registry.decode({ topic, payload }));
    const snapshot = feed.takeSnapshot(5_000);
    expect(snapshot?.lines.map((line) => line.topic)).toEqual(['plant/a']);
    expect(Array.from(snapshot?.lines[0]?.values ?? [])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Array.from(snapshot?.lines[0]?.times ?? []).at(-1)).toBe(1_009);
  });
});
