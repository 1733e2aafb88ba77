import { describe, expect, it } from 'vitest';
import { createDecoderRegistry } from '../../../core/decoders/index.ts';
import { DEFAULT_RECORDER_BUDGET } from '../../../core/recorder/message-store.ts';
import { emptyConnectionBatch } from '../protocol.ts';
import { message } from '../engine/test-support.ts';
import { LIVE_ROWS_PER_BATCH, RecorderSink } from './recorder-sink.ts';

const flush = (sink: RecorderSink, now = 0) => {
  const batch = emptyConnectionBatch('c1');
  sink.flush(batch, now);
  return batch;
};

describe('RecorderSink', () => {
  it('sends only the newest rows a screen can show, however many arrived', () => {
    const sink = new RecorderSink('c1', createDecoderRegistry());
    const total = LIVE_ROWS_PER_BATCH + 250;
    for (let i = 0; i < total; i += 1) sink.ingest(message(`t/${i % 3}`, String(i + 1), i));
    const { rows, recorder } = flush(sink);
    expect(rows).toHaveLength(LIVE_ROWS_PER_BATCH);
    expect(rows[0]?.seq).toBe(251);
    expect(rows.at(-1)).toMatchObject({ preview: String(total), format: 'text', seq: total });
    expect(recorder).toMatchObject({ kept: total, evicted: 0 });
  });

  it('decodes only the rows it sends', () => {
    const sink = new RecorderSink('c1', createDecoderRegistry());
    const sent = Array.from({ length: 1_000 }, (_, i) => message('t', `{"i":${i}}`));
    for (const m of sent) sink.ingest(m);
    flush(sink);
    let decoded = 0;
    for (const m of sent)
      if ((m as unknown as { decodedPayload: unknown }).decodedPayload) decoded += 1;
    expect(decoded).toBe(LIVE_ROWS_PER_BATCH);
  });

  it('keeps a large payload whole after the pipeline let it go', () => {
    const sink = new RecorderSink('c1', createDecoderRegistry());
    const big = 'x'.repeat(50_000);
    const m = message('big', big);
    sink.ingest(m);
    m.settle();
    sink.requestDetail(1);
    const { detail } = flush(sink);
    expect(detail?.detail?.payload.length).toBe(50_000);
    expect(sink.rowFor(1)).toMatchObject({ size: 50_000, cut: false, topic: 'big' });
  });

  it('answers a detail with the previous message on the same topic', () => {
    const sink = new RecorderSink('c1', createDecoderRegistry());
    sink.ingest(message('a', '{"v":1}', 10));
    sink.ingest(message('b', 'other', 11));
    sink.ingest(message('a', '{"v":2}', 12, { qos: 1, retain: true }));
    sink.requestDetail(3);
    expect(sink.dueAt(5)).toBe(5);
    const { detail } = flush(sink);
    expect(detail?.id).toBe(3);
    expect(detail?.detail).toMatchObject({ topic: 'a', qos: 1, retain: true, time: 12 });
    expect(new TextDecoder().decode(detail?.detail?.previous?.payload)).toBe('{"v":1}');
    sink.requestDetail(99);
    expect(flush(sink).detail).toEqual({ id: 99, detail: null });
  });

  it('answers a detail decoded as the user picked, once that decoder is fetched', async () => {
    const sink = new RecorderSink('c1', createDecoderRegistry());
    sink.ingest(message('a', '{"v":1}', 10));
    sink.requestDetail(1);
    expect(flush(sink).detail?.detail?.decoded).toMatchObject({ format: 'json', value: { v: 1 } });
    sink.requestDetail(1, { decoder: 'binary' });
    expect(flush(sink).detail?.detail?.decoded).toMatchObject({
      format: 'binary',
      preview: '7b 22 76 22 3a 31 7d',
    });
    let woken = 0;
    sink.requestDetail(1, { decoder: 'cbor' }, () => (woken += 1));
    expect(flush(sink).detail).toBeNull();
    await expect.poll(() => woken).toBe(1);
    const late = flush(sink).detail?.detail?.decoded;
    expect(late?.note).toMatch(/^Could not decode as CBOR/);
  });

  it('a smaller budget evicts and the figures say so', () => {
    const sink = new RecorderSink('c1', createDecoderRegistry());
    for (let i = 0; i < 50; i += 1) sink.ingest(message('t', String(i)));
    flush(sink, 0);
    sink.setBudget({ ...DEFAULT_RECORDER_BUDGET, maxMessages: 20 });
    expect(flush(sink, 1).recorder).toMatchObject({ kept: 20, evicted: 30 });
    expect(sink.rowFor(1)).toBeNull();
    expect(sink.rowFor(50)?.preview).toBe('49');
  });

  it('clear forgets the recording', () => {
    const sink = new RecorderSink('c1', createDecoderRegistry());
    for (let i = 0; i < 5; i += 1) sink.ingest(message('t', String(i)));
    flush(sink);
    sink.clear();
    const { rows, recorder } = flush(sink, 10_000);
    expect(rows).toEqual([]);
    expect(recorder).toMatchObject({ kept: 0, evicted: 0 });
  });
});

describe('RecorderSink, sent messages', () => {
  it('records what the page published beside what it received, marked as sent', () => {
    const sink = new RecorderSink('c1', createDecoderRegistry());
    sink.ingest(message('in', 'received'));
    sink.ingestPublished(message('out', 'sent', 0, { published: true }));
    const { rows } = flush(sink);
    expect(rows.map((row) => [row.topic, row.published])).toEqual([
      ['in', false],
      ['out', true],
    ]);
  });
});
