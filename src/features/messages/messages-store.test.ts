import { describe, expect, it } from 'vitest';
import { emptyConnectionBatch } from '../../services/mqtt/protocol.ts';
import type { EngineBatch, MessageRow } from '../../services/mqtt/index.ts';
import {
  applyStreamBatches,
  createConnectionStream,
  createMessageView,
  visibleRows,
} from './messages-store.ts';

function row(seq: number): MessageRow {
  return {
    connectionId: 'c1',
    seq,
    time: 1_000 + seq,
    topic: `t/${seq}`,
    format: 'text',
    preview: String(seq),
    size: 1,
    truncated: false,
    qos: 0,
    retain: false,
    dup: false,
    cut: false,
    published: false,
  };
}

/** Applies one frame's batch of connection c1 to the view, as the page does. */
function applyBatch(
  view: ReturnType<typeof createMessageView>,
  stream: ReturnType<typeof createConnectionStream>,
  batch: Partial<EngineBatch['connections'][number]>,
) {
  applyStreamBatches(
    view,
    {
      connections: [{ ...emptyConnectionBatch('c1'), ...batch }],
      query: null,
      queryRows: null,
      querySeek: null,
      exportChunk: null,
    },
    () => stream,
    () => [stream],
  );
}

describe('the live stream', () => {
  it('new rows ask for a redraw on both clocks: the live one and the one out of sight', () => {
    const view = createMessageView();
    const stream = createConnectionStream('c1');
    const before = [view.pacer.tick(), view.unseenPacer.tick()];
    applyBatch(view, stream, { rows: [row(1)] });
    // The first redraw of each clock comes at once; the next would wait for its interval.
    expect([view.pacer.tick(), view.unseenPacer.tick()]).toEqual(before.map((t) => t + 1));
  });

  it('marks where the connection was lost and came back, between the rows before and after', () => {
    const view = createMessageView();
    const stream = createConnectionStream('c1');
    const apply = (batch: Partial<EngineBatch['connections'][number]>) =>
      applyBatch(view, stream, batch);
    apply({ rows: [row(1), row(2)] });
    apply({
      events: [{ type: 'stream-gap', lostAt: 5_000, resumedAt: 7_500, sessionPresent: false }],
      rows: [row(3)],
    });
    const rows = visibleRows(view, () => stream);
    const shown = Array.from({ length: rows.size }, (_, i) => rows.at(i));
    expect(shown.map((r) => (r?.gap ? 'gap' : r?.preview))).toEqual(['1', '2', 'gap', '3']);
    expect(shown[2]?.gap).toEqual({ lostAt: 5_000, resumedAt: 7_500, sessionPresent: false });
  });
});
