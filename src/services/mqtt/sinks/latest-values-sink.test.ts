import { describe, expect, it } from 'vitest';
import { LATEST_INTERVAL_MS, LATEST_TOPICS, LatestValuesSink } from './latest-values-sink.ts';
import { emptyConnectionBatch } from '../protocol.ts';
import { message } from '../engine/test-support.ts';
import { createDecoderRegistry } from '../../../core/decoders/index.ts';
import { MessageStore } from '../../../core/recorder/message-store.ts';

function flushed(sink: LatestValuesSink, now: number) {
  const batch = emptyConnectionBatch('c1');
  sink.flush(batch, now);
  return batch.latest;
}

describe('LatestValuesSink', () => {
  it('keeps the newest value of each matching topic, with the one before for a trend', () => {
    const sink = new LatestValuesSink();
    sink.watch('w', 'plant/+/state', 'temp');
    sink.ingest(message('plant/a/state', '{"temp":20.5}', 1_000));
    sink.ingest(message('plant/a/state', '{"temp":21}', 2_000));
    sink.ingest(message('plant/b/state', '{"temp":"19"}', 3_000));
    sink.ingest(message('plant/b/other', '{"temp":99}', 3_000));
    const [watch] = flushed(sink, 10_000);
    expect(watch?.watchId).toBe('w');
    expect(watch?.values).toEqual([
      { topic: 'plant/a/state', value: 21, text: '21', time: 2_000, previous: 20.5 },
      { topic: 'plant/b/state', value: 19, text: '19', time: 3_000, previous: null },
    ]);
  });

  it('gives words as text and no number, for a status tile', () => {
    const sink = new LatestValuesSink();
    sink.watch('status', 'dev/+/status', '');
    sink.watch('field', 'dev/+/info', 'link');
    sink.ingest(message('dev/1/status', 'online', 5));
    sink.ingest(message('dev/1/info', '{"link":{"up":true}}', 6));
    const latest = flushed(sink, 10_000);
    expect(latest.map((w) => w.values[0]?.text)).toEqual(['online', '{"up":true}']);
    expect(latest.map((w) => w.values[0]?.value)).toEqual([null, null]);
  });

  it('reads ON/OFF and true/false, in any case, as 1/0 beside their words', () => {
    const sink = new LatestValuesSink();
    sink.watch('relay', 'relay/+', '');
    sink.watch('power', 'plug/+', 'POWER');
    sink.ingest(message('relay/1', 'ON', 1));
    sink.ingest(message('relay/2', 'off', 2));
    sink.ingest(message('relay/3', 'False', 3));
    sink.ingest(message('plug/1', '{"POWER":"On"}', 4));
    const [relay, power] = flushed(sink, 10_000);
    expect(relay?.values.map((v) => [v.value, v.text])).toEqual([
      [1, 'ON'],
      [0, 'off'],
      [0, 'False'],
    ]);
    expect(power?.values.map((v) => [v.value, v.text])).toEqual([[1, 'On']]);
  });

  it('sends only watches that changed, and not more often than its interval', () => {
    const sink = new LatestValuesSink();
    sink.watch('a', 'a', '');
    sink.watch('b', 'b', '');
    expect(flushed(sink, 10_000).map((w) => w.watchId)).toEqual(['a', 'b']);
    sink.ingest(message('a', '1', 10_001));
    expect(sink.dueAt(10_001)).toBe(10_000 + LATEST_INTERVAL_MS);
    expect(flushed(sink, 10_001)).toEqual([]);
    expect(flushed(sink, 10_000 + LATEST_INTERVAL_MS).map((w) => w.watchId)).toEqual(['a']);
    expect(sink.dueAt(20_000)).toBeNull();
  });

  it('follows a bounded number of topics, so # cannot grow without end', () => {
    const sink = new LatestValuesSink();
    sink.watch('all', '#', '');
    for (let i = 0; i < LATEST_TOPICS + 10; i += 1) sink.ingest(message(`t/${i}`, '1', i));
    expect(flushed(sink, 10_000)[0]?.values).toHaveLength(LATEST_TOPICS);
  });

  it('forgets a widget that is gone', () => {
    const sink = new LatestValuesSink();
    sink.watch('w', 'x', '');
    sink.unwatch('w');
    sink.ingest(message('x', '1', 1));
    expect(flushed(sink, 10_000)).toEqual([]);
  });

  it('starts a widget added later with what the recorder holds: newest value and trend', () => {
    const store = new MessageStore();
    const record = (topic: string, payload: string, time: number) =>
      store.record({
        topic,
        payload: new TextEncoder().encode(payload),
        time,
        qos: 0,
        retain: false,
      });
    record('dev/1/status', 'online', 1);
    record('dev/1/temp', '20', 2);
    record('dev/1/temp', '21', 3);
    record('dev/1/temp', '22.5', 4);
    const registry = createDecoderRegistry();
    const sink = new LatestValuesSink();
    sink.watch('w', 'dev/1/+', '');
    sink.backfill('w', store, (topic, payload) => registry.decode({ topic, payload }));
    const [watch] = flushed(sink, 10_000);
    expect(watch?.values).toEqual([
      { topic: 'dev/1/temp', value: 22.5, text: '22.5', time: 4, previous: 21 },
      { topic: 'dev/1/status', value: null, text: 'online', time: 1, previous: null },
    ]);
  });
});
