import { describe, expect, it } from 'vitest';
import type { MessageRow } from '../../services/mqtt/index.ts';
import { RecordedRows } from './recorded-rows.ts';

const row = (seq: number): MessageRow => ({
  connectionId: 'c1',
  seq,
  time: seq,
  topic: 't',
  format: 'text',
  preview: String(seq),
  size: 1,
  truncated: false,
  qos: 0,
  retain: false,
  dup: false,
  cut: false,
  published: false,
});

describe('RecordedRows', () => {
  it('asks for the window around what is drawn, once, and not again while it is coming', () => {
    const rows = new RecordedRows();
    rows.reset(1);
    const window = rows.missing(100, 130, 10_000);
    expect(window).toEqual({ offset: 40, count: 150 });
    expect(rows.missing(100, 130, 10_000)).toBeNull();
    rows.put(
      1,
      40,
      Array.from({ length: 150 }, (_, i) => row(1_000 - i)),
    );
    expect(rows.at(100)?.seq).toBe(940);
    expect(rows.missing(100, 130, 10_000)).toBeNull();
    // Scrolled further: only then a new window.
    expect(rows.missing(500, 530, 10_000)).toEqual({ offset: 440, count: 150 });
  });

  it('ignores an answer to an older search', () => {
    const rows = new RecordedRows();
    rows.reset(1);
    rows.missing(0, 10, 100);
    rows.reset(2);
    expect(rows.put(1, 0, [row(1)])).toBe(false);
    expect(rows.at(0)).toBeUndefined();
  });

  it('never asks past the last match', () => {
    const rows = new RecordedRows();
    rows.reset(1);
    expect(rows.missing(0, 40, 12)).toEqual({ offset: 0, count: 12 });
    rows.put(
      1,
      0,
      Array.from({ length: 12 }, (_, i) => row(i)),
    );
    expect(rows.missing(0, 40, 12)).toBeNull();
  });
});
