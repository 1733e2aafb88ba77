import { describe, expect, it } from 'vitest';
import { LIVE_ROWS_PER_BATCH, MessageCollector } from './message-collector.ts';
import { MESSAGE_HISTORY } from './protocol.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('MessageCollector', () => {
  it('counts every message while a live batch carries only the newest rows', () => {
    const collector = new MessageCollector(0);
    const total = LIVE_ROWS_PER_BATCH + 250;
    for (let i = 1; i <= total; i += 1)
      collector.ingest(`t/${i % 3}`, bytes(String(i)), 0, false, i);

    expect(collector.counters().received).toBe(total);
    const rows = collector.takeRows();
    expect(rows).toHaveLength(LIVE_ROWS_PER_BATCH);
    expect(rows[0]?.seq).toBe(251);
    expect(rows.at(-1)).toMatchObject({ seq: total, preview: String(total), format: 'text' });
  });

  it('hands out the whole kept history, without gaps, when asked', () => {
    const collector = new MessageCollector(0);
    const total = MESSAGE_HISTORY + 10;
    for (let i = 1; i <= total; i += 1) collector.ingest('t', bytes(String(i)), 0, false, i);
    collector.takeRows();
    const history = collector.takeHistory();
    expect(history).toHaveLength(MESSAGE_HISTORY);
    expect(history.map((row) => row.seq)).toEqual(
      Array.from({ length: MESSAGE_HISTORY }, (_, i) => i + 11),
    );
  });

  it('keeps only the head of a huge payload but reports its full size', () => {
    const collector = new MessageCollector(0);
    collector.ingest('big', new Uint8Array(16 * 1024 * 1024).fill(65), 0, false, 1);
    const [row] = collector.takeRows();
    expect(row).toMatchObject({ size: 16 * 1024 * 1024, truncated: true, format: 'text' });
    expect(row?.preview.length).toBeLessThanOrEqual(4_096);
  });

  it('has nothing to report once rows and new topics are taken', () => {
    const collector = new MessageCollector(0);
    collector.ingest('a', bytes('1'), 1, true, 5);
    expect(collector.takeRows()).toEqual([
      expect.objectContaining({ topic: 'a', qos: 1, retain: true, time: 5, size: 1 }),
    ]);
    expect(collector.takeRows()).toEqual([]);
    collector.takeNewTopics();
    expect(collector.hasUpdates).toBe(false);
  });

  it('reports each topic once, the first time it is seen', () => {
    const collector = new MessageCollector(0);
    collector.ingest('a', bytes('1'), 0, false, 1);
    collector.ingest('b', bytes('1'), 0, false, 2);
    collector.ingest('a', bytes('1'), 0, false, 3);
    expect(collector.takeNewTopics()).toEqual(['a', 'b']);
    collector.ingest('a', bytes('1'), 0, false, 4);
    expect(collector.takeNewTopics()).toEqual([]);
  });

  it('adds up payload bytes', () => {
    const collector = new MessageCollector(0);
    collector.ingest('a', bytes('hello'), 0, false, 1);
    collector.ingest('a', new Uint8Array(1_000), 0, false, 2);
    expect(collector.counters().bytes).toBe(1_005);
  });

  it('measures the rate over the last second', () => {
    const collector = new MessageCollector(0);
    for (let i = 0; i < 500; i += 1) collector.ingest('a', bytes('1'), 0, false, i);
    expect(collector.updateRate(999)).toBe(false);
    expect(collector.updateRate(2_000)).toBe(true);
    expect(collector.counters().rate).toBe(250);
  });
});
