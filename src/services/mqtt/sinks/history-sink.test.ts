import { describe, expect, it } from 'vitest';
import { HistorySink, LIVE_ROWS_PER_BATCH } from './history-sink.ts';
import { MESSAGE_HISTORY, emptyConnectionBatch } from '../protocol.ts';
import { message } from '../engine/test-support.ts';

const flush = (sink: HistorySink) => {
  const batch = emptyConnectionBatch('c1');
  sink.flush(batch);
  return batch;
};

describe('HistorySink', () => {
  it('sends only the newest rows a screen can show, however many arrived', () => {
    const sink = new HistorySink();
    const total = LIVE_ROWS_PER_BATCH + 250;
    const sent = Array.from({ length: total }, (_, i) => message(`t/${i % 3}`, String(i + 1), i));
    for (const m of sent) sink.ingest(m);
    const { rows } = flush(sink);
    expect(rows).toHaveLength(LIVE_ROWS_PER_BATCH);
    expect(rows[0]?.seq).toBe(sent[250]?.seq);
    expect(rows.at(-1)).toMatchObject({
      preview: String(total),
      format: 'text',
      connectionId: 'c1',
    });
  });

  it('hands out the whole kept history, without gaps, when asked', () => {
    const sink = new HistorySink();
    const sent = Array.from({ length: MESSAGE_HISTORY + 10 }, (_, i) => message('t', String(i)));
    for (const m of sent) sink.ingest(m);
    flush(sink);
    sink.requestHistory();
    expect(sink.dueAt(5)).toBe(5);
    const { history } = flush(sink);
    expect(history?.map((row) => row.seq)).toEqual(sent.slice(10).map((m) => m.seq));
  });

  it('decodes only the rows it sends', () => {
    const sink = new HistorySink();
    const sent = Array.from({ length: 1_000 }, (_, i) => message('t', `{"i":${i}}`));
    let decodes = 0;
    for (const m of sent) {
      const original = m.decoded.bind(m);
      m.decoded = () => {
        decodes += 1;
        return original();
      };
      sink.ingest(m);
    }
    flush(sink);
    expect(decodes).toBe(LIVE_ROWS_PER_BATCH);
  });

  it('keeps only the head of a huge payload but reports its full size', () => {
    const sink = new HistorySink();
    const huge = message('big', new Uint8Array(16 * 1024 * 1024).fill(65));
    sink.ingest(huge);
    huge.settle();
    const [row] = flush(sink).rows;
    expect(row).toMatchObject({ size: 16 * 1024 * 1024, truncated: true, format: 'text' });
    expect(row?.preview.length).toBeLessThanOrEqual(4_096);
  });

  it('has nothing to send once its rows are taken', () => {
    const sink = new HistorySink();
    sink.ingest(message('a', '1', 5, { qos: 1, retain: true }));
    expect(flush(sink).rows).toEqual([
      expect.objectContaining({ topic: 'a', qos: 1, retain: true, time: 5, size: 1 }),
    ]);
    expect(sink.dueAt(10)).toBeNull();
  });
});
