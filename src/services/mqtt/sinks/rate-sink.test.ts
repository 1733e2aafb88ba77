import { describe, expect, it } from 'vitest';
import { RATE_AVERAGE_SAMPLES, RATE_HISTORY, RATE_SAMPLE_MS, RateSink } from './rate-sink.ts';
import { TopicTreeSink } from './topic-tree-sink.ts';
import { emptyConnectionBatch } from '../protocol.ts';
import { message } from '../engine/test-support.ts';

/** A topic tree and a rate sink reading it, as a connection wires them. */
function setup() {
  const tree = new TopicTreeSink();
  const rates = new RateSink((levels) => tree.countMatching(levels));
  const feed = (topic: string, time: number) => tree.ingest(message(topic, '1', time));
  const read = (now: number) => {
    rates.tick(now);
    const batch = emptyConnectionBatch('c1');
    if (rates.dueAt(now) !== null) rates.flush(batch);
    return batch.rates;
  };
  return { tree, rates, feed, read };
}

/** `perSecond` messages on each topic during each of `seconds` seconds from `start`. */
function stream(
  feed: (topic: string, time: number) => void,
  topics: string[],
  perSecond: number,
  start: number,
  seconds: number,
  read: (now: number) => unknown,
) {
  for (let s = 0; s < seconds; s += 1) {
    for (let k = 0; k < perSecond; k += 1) {
      for (const topic of topics) feed(topic, start + s * 1000 + (k * 1000) / perSecond);
    }
    read(start + (s + 1) * 1000);
  }
}

describe('RateSink', () => {
  it('measures a known stream: 20 messages a second read as 20 msg/s', () => {
    const { rates, feed, read } = setup();
    rates.watch('w', 'line/speed', 0);
    stream(feed, ['line/speed'], 20, 0, 8, read);
    feed('line/speed', 8_000);
    rates.tick(8_000); // nothing new within the same second: no sample
    const batch = emptyConnectionBatch('c1');
    rates.flush(batch);
    expect(batch.rates).toEqual([]);
    const [rate] = read(9_000);
    expect(rate?.perSecond).toBeCloseTo((20 * (RATE_AVERAGE_SAMPLES - 1) + 1) / 5, 5);
    expect(rate?.history.slice(0, 8)).toEqual(Array(8).fill(20));
    expect(rate?.sampleMs).toBe(RATE_SAMPLE_MS);
    expect(rate?.lastMessageAt).toBe(8_000);
  });

  it('sums every topic a wildcard matches, and nothing else', () => {
    const { rates, feed, read } = setup();
    rates.watch('all', 'plant/+/temp', 0);
    rates.watch('one', 'plant/a/temp', 0);
    const topics = ['plant/a/temp', 'plant/b/temp', 'plant/c/temp', 'plant/a/hum', '$SYS/plant'];
    stream(feed, topics, 10, 0, 4, read);
    for (let k = 0; k < 10; k += 1) for (const topic of topics) feed(topic, 4_000 + k * 100);
    expect(read(5_000).map((r) => [r.watchId, r.perSecond])).toEqual([
      ['all', 30],
      ['one', 10],
    ]);
  });

  it('falls to zero when the topic stops, and says when its last message came', () => {
    const { rates, feed, read } = setup();
    rates.watch('w', 'door/#', 0);
    stream(feed, ['door/front', 'door'], 5, 0, 3, read);
    let last = read(4_000)[0];
    expect(last?.perSecond).toBeGreaterThan(0);
    for (let s = 5; s <= 3 + RATE_AVERAGE_SAMPLES; s += 1) last = read(s * 1000)[0];
    expect(last?.perSecond).toBe(0);
    expect(last?.history).toEqual([10, 10, 10, 0, 0, 0, 0, 0]);
    expect(last?.lastMessageAt).toBe(2_800);
  });

  it('counts only what arrives after the watch starts, and afresh after a clear', () => {
    const { tree, rates, feed, read } = setup();
    for (let k = 0; k < 500; k += 1) feed('t', k);
    rates.watch('w', 't', 1_000);
    feed('t', 1_500);
    expect(read(2_000)[0]?.history).toEqual([1]);
    tree.clear();
    rates.clear();
    feed('t', 2_500);
    feed('t', 2_600);
    expect(read(3_000)[0]?.history).toEqual([1, 2]);
  });

  it('keeps three minutes of samples, oldest first', () => {
    const { rates, feed, read } = setup();
    rates.watch('w', 't', 0);
    let last;
    for (let s = 1; s <= RATE_HISTORY + 20; s += 1) {
      feed('t', s * 1000 - 500);
      if (s > RATE_HISTORY) feed('t', s * 1000 - 400);
      last = read(s * 1000)[0];
    }
    expect(last?.history).toHaveLength(RATE_HISTORY);
    expect(last?.history[0]).toBe(1);
    expect(last?.history.at(-1)).toBe(2);
    expect(last?.history.filter((r) => r === 2)).toHaveLength(20);
  });

  it('stops when unwatched, and a filter that cannot match reads zero', () => {
    const { rates, feed, read } = setup();
    rates.watch('bad', 'a/#/b', 0);
    rates.watch('gone', 't', 0);
    rates.unwatch('gone');
    feed('t', 500);
    expect(read(1_000)).toEqual([
      { watchId: 'bad', perSecond: 0, history: [0], sampleMs: 1000, lastMessageAt: null },
    ]);
  });
});
