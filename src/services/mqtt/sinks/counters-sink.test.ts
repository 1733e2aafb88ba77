import { describe, expect, it } from 'vitest';
import { CountersSink } from './counters-sink.ts';
import { emptyConnectionBatch } from '../protocol.ts';
import { message } from '../engine/test-support.ts';

describe('CountersSink', () => {
  it('adds up messages and payload bytes', () => {
    const sink = new CountersSink(0);
    sink.ingest(message('a', 'hello'));
    sink.ingest(message('a', new Uint8Array(1_000)));
    const batch = emptyConnectionBatch('c1');
    sink.flush(batch);
    expect(batch.counters).toEqual({ received: 2, bytes: 1_005, rate: 0 });
    expect(sink.dueAt(0)).toBeNull();
  });

  it('measures the rate over the last second, and says so only when it changed', () => {
    const sink = new CountersSink(0);
    for (let i = 0; i < 500; i += 1) sink.ingest(message('a', '1'));
    sink.flush(emptyConnectionBatch('c1'));
    sink.tick(999);
    expect(sink.dueAt(999)).toBeNull();
    sink.tick(2_000);
    const batch = emptyConnectionBatch('c1');
    sink.flush(batch);
    expect(batch.counters?.rate).toBe(250);
  });
});

describe('CountersSink clear', () => {
  it('starts counting from zero again, so Clear empties the list and the counter together', () => {
    const sink = new CountersSink(0);
    for (let i = 0; i < 3; i += 1) sink.ingest(message('t', 'abc'));
    sink.clear();
    sink.ingest(message('t', 'x'));
    const batch = emptyConnectionBatch('c1');
    sink.flush(batch);
    expect(batch.counters).toMatchObject({ received: 1, bytes: 1 });
  });
});
