import { describe, expect, it } from 'vitest';
import {
  COLUMN_BYTES_PER_MESSAGE,
  DEFAULT_RECORDER_BUDGET,
  MessageStore,
} from './message-store.ts';
import { toMessageProperties } from './message-properties.ts';

const encoder = new TextEncoder();
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

function record(store: MessageStore, topic: string, payload: string, time = 1) {
  return store.record({ time, topic, payload: encoder.encode(payload), qos: 0, retain: false });
}

describe('MessageStore', () => {
  it('keeps every message whole, with its flags, and reads it back by id', () => {
    const store = new MessageStore();
    const big = 'x'.repeat(300_000);
    const a = store.record({
      time: 10,
      topic: 'a/b',
      payload: encoder.encode('{"t":1}'),
      qos: 1,
      retain: true,
      dup: true,
    });
    const b = record(store, 'big', big, 11);
    expect(store.get(a)).toMatchObject({
      topic: 'a/b',
      time: 10,
      qos: 1,
      retain: true,
      dup: true,
      published: false,
      cut: false,
      size: 7,
    });
    expect(text(store.get(a)!.payload)).toBe('{"t":1}');
    expect(store.get(b)!.payload.length).toBe(300_000);
    expect(text(store.get(b)!.payload)).toBe(big);
    expect(store.size).toBe(2);
  });

  it('keeps the head of a payload over the per-message cap and says it was cut', () => {
    const store = new MessageStore({ ...DEFAULT_RECORDER_BUDGET, maxPayloadBytes: 1_000 });
    const id = record(store, 't', 'y'.repeat(2_500));
    const message = store.get(id)!;
    expect(message.cut).toBe(true);
    expect(message.size).toBe(2_500);
    expect(message.payload.length).toBe(1_000);
  });

  it('evicts the oldest first once the message budget is reached', () => {
    const store = new MessageStore({ ...DEFAULT_RECORDER_BUDGET, maxMessages: 3 });
    const ids = ['1', '2', '3', '4', '5'].map((n) => record(store, `t/${n}`, n));
    expect(store.size).toBe(3);
    expect(store.oldestId).toBe(ids[2]);
    expect(store.has(ids[1]!)).toBe(false);
    expect(store.stats()).toMatchObject({ kept: 3, evicted: 2 });
    expect(text(store.get(ids[4]!)!.payload)).toBe('5');
  });

  it('evicts by bytes when the memory budget is reached first', () => {
    const payload = 'z'.repeat(1_000);
    const maxBytes = 10 * (1_000 + COLUMN_BYTES_PER_MESSAGE);
    const store = new MessageStore({ ...DEFAULT_RECORDER_BUDGET, maxBytes });
    for (let i = 0; i < 50; i += 1) record(store, 'same', payload, i);
    expect(store.size).toBe(10);
    expect(store.stats().evicted).toBe(40);
    expect(store.timeOf(store.oldestId)).toBe(40);
  });

  it('keeps the newest message of every topic after the budget evicted it', () => {
    const store = new MessageStore({ ...DEFAULT_RECORDER_BUDGET, maxMessages: 2 });
    record(store, 'quiet/sensor', 'first', 1);
    const last = record(store, 'quiet/sensor', '21.5', 2);
    record(store, 'busy', 'a', 3);
    record(store, 'busy', 'b', 4);
    record(store, 'busy', 'c', 5);
    expect(store.has(last)).toBe(false);
    const latest = store.latest('quiet/sensor')!;
    expect(text(latest.payload)).toBe('21.5');
    expect(latest.time).toBe(2);
    expect(store.get(last)?.topic).toBe('quiet/sensor');
    // A new message on the topic replaces the kept copy.
    record(store, 'quiet/sensor', '22', 6);
    expect(text(store.latest('quiet/sensor')!.payload)).toBe('22');
  });

  it('lets go of payload chunks once every message in them is evicted', () => {
    const store = new MessageStore({ ...DEFAULT_RECORDER_BUDGET, maxMessages: 100 });
    const payload = 'p'.repeat(10_000);
    for (let i = 0; i < 5_000; i += 1) record(store, `t/${i % 10}`, payload, i);
    // 100 kept × 10 KB ≈ 1 MB; never the 50 MB that passed through.
    expect(store.stats().memoryBytes).toBeLessThan(12 * 1024 * 1024);
    expect(text(store.get(store.newestId)!.payload)).toBe(payload);
    expect(text(store.get(store.oldestId)!.payload)).toBe(payload);
  });

  it('grows its columns without losing or reordering messages', () => {
    const store = new MessageStore();
    for (let i = 0; i < 5_000; i += 1) record(store, `t/${i % 7}`, String(i), i);
    for (const id of [1, 1_024, 1_025, 2_048, 5_000]) {
      expect(text(store.get(id)!.payload)).toBe(String(id - 1));
      expect(store.get(id)!.topic).toBe(`t/${(id - 1) % 7}`);
    }
  });

  it('a smaller budget evicts at once', () => {
    const store = new MessageStore();
    for (let i = 0; i < 2_000; i += 1) record(store, 't', String(i));
    store.setBudget({ ...DEFAULT_RECORDER_BUDGET, maxMessages: 10 });
    expect(store.size).toBe(10);
    expect(text(store.get(store.newestId)!.payload)).toBe('1999');
    expect(text(store.get(store.oldestId)!.payload)).toBe('1990');
  });

  it('finds the previous message on the same topic', () => {
    const store = new MessageStore();
    const first = record(store, 'a', '1');
    record(store, 'b', 'x');
    const second = record(store, 'a', '2');
    expect(store.previousOnTopic(second)).toBe(first);
    expect(store.previousOnTopic(first)).toBe(0);
  });

  it('clear forgets every message and the counts', () => {
    const store = new MessageStore({ ...DEFAULT_RECORDER_BUDGET, maxMessages: 2 });
    for (let i = 0; i < 5; i += 1) record(store, 't', String(i));
    store.clear();
    expect(store.stats()).toMatchObject({ kept: 0, evicted: 0 });
    expect(store.latest('t')).toBeNull();
    const id = record(store, 't', 'after');
    expect(text(store.get(id)!.payload)).toBe('after');
  });

  it('keeps MQTT 5 properties beside the messages that have them', () => {
    const store = new MessageStore({ ...DEFAULT_RECORDER_BUDGET, maxMessages: 1 });
    const properties = toMessageProperties({
      contentType: 'application/json',
      userProperties: { site: 'north', tags: ['a', 'b'] },
      correlationData: new Uint8Array([1, 2]),
      subscriptionIdentifier: [3, 4],
      unknownThing: 1,
    });
    const id = store.record({
      time: 1,
      topic: 't',
      payload: new Uint8Array(0),
      qos: 0,
      retain: false,
      properties,
    });
    expect(store.get(id)?.properties).toEqual({
      contentType: 'application/json',
      userProperties: { site: 'north', tags: ['a', 'b'] },
      correlationData: new Uint8Array([1, 2]),
      subscriptionIdentifier: [3, 4],
    });
    record(store, 'u', 'evicts the first');
    expect(store.latest('t')?.properties?.contentType).toBe('application/json');
  });
});

describe('toMessageProperties', () => {
  it('is null for no properties or junk', () => {
    expect(toMessageProperties(undefined)).toBeNull();
    expect(toMessageProperties({})).toBeNull();
    expect(toMessageProperties({ contentType: 5 })).toBeNull();
    expect(toMessageProperties('x')).toBeNull();
  });
});
