import { describe, expect, it } from 'vitest';
import { LINES_PER_SERIES, POINTS_PER_SNAPSHOT, SeriesRegistry } from './series-registry.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('SeriesRegistry', () => {
  it('draws one line per topic that matches the filter', () => {
    const registry = new SeriesRegistry();
    registry.watch('temp', 'site/+/temperature', '');
    registry.ingest('site/a/temperature', bytes('21.5'), 1_000);
    registry.ingest('site/b/temperature', bytes('19'), 1_000);
    registry.ingest('site/a/humidity', bytes('40'), 1_000);

    const [snapshot] = registry.takeSnapshots();
    expect(snapshot?.seriesId).toBe('temp');
    expect(snapshot?.lines.map((line) => line.topic)).toEqual([
      'site/a/temperature',
      'site/b/temperature',
    ]);
    expect(Array.from(snapshot?.lines[0]?.values ?? [])).toEqual([21.5]);
  });

  it('reads a field of a JSON payload', () => {
    const registry = new SeriesRegistry();
    registry.watch('hum', 'dev/+/telemetry', 'humidity');
    registry.ingest('dev/1/telemetry', bytes('{"temperature":20,"humidity":48.2}'), 5);
    const line = registry.takeSnapshots()[0]?.lines[0];
    expect(Array.from(line?.times ?? [])).toEqual([5]);
    expect(Array.from(line?.values ?? [])).toEqual([48.2]);
  });

  it('skips payloads without a number instead of drawing zero', () => {
    const registry = new SeriesRegistry();
    registry.watch('s', 'a/#', '');
    registry.ingest('a/x', bytes('offline'), 1);
    expect(registry.takeSnapshots()[0]?.lines).toEqual([]);
  });

  it('stops adding lines at the limit, so a # filter cannot grow without bound', () => {
    const registry = new SeriesRegistry();
    registry.watch('all', '#', '');
    for (let i = 0; i < LINES_PER_SERIES + 5; i += 1) registry.ingest(`t/${i}`, bytes('1'), i);
    expect(registry.takeSnapshots()[0]?.lines).toHaveLength(LINES_PER_SERIES);
  });

  it('hands out no more points than a chart can draw', () => {
    const registry = new SeriesRegistry();
    registry.watch('s', 'x', '');
    for (let i = 0; i < 1_500; i += 1) registry.ingest('x', bytes(String(Math.sin(i))), i);
    const line = registry.takeSnapshots()[0]?.lines[0];
    expect(line?.times.length).toBe(POINTS_PER_SNAPSHOT);
    expect(line?.times[0]).toBe(0);
    expect(line?.times[POINTS_PER_SNAPSHOT - 1]).toBe(1_499);
  });

  it('reports only the series that changed since the last snapshot', () => {
    const registry = new SeriesRegistry();
    registry.watch('a', 'a', '');
    registry.watch('b', 'b', '');
    registry.takeSnapshots();
    expect(registry.hasChanges).toBe(false);
    registry.ingest('b', bytes('2'), 1);
    expect(registry.takeSnapshots().map((snapshot) => snapshot.seriesId)).toEqual(['b']);
  });
});
