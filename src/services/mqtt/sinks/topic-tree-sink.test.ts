import { describe, expect, it } from 'vitest';
import { TopicTreeSink, TREE_INTERVAL_MS } from './topic-tree-sink.ts';
import { emptyConnectionBatch } from '../protocol.ts';
import { message } from '../engine/test-support.ts';

describe('TopicTreeSink', () => {
  it('reports each topic once, the first time it is seen', () => {
    const sink = new TopicTreeSink();
    sink.ingest(message('a', '1'));
    sink.ingest(message('b', '1'));
    sink.ingest(message('a', '1'));
    const first = emptyConnectionBatch('c1');
    sink.flush(first, 0);
    expect(first.newTopics).toEqual(['a', 'b']);
    sink.ingest(message('a', '1'));
    const second = emptyConnectionBatch('c1');
    sink.flush(second, 1);
    expect(second.newTopics).toEqual([]);
  });

  it('sends the tree at once when a branch is opened, then at most twice a second', () => {
    const sink = new TopicTreeSink();
    sink.ingest(message('home/kitchen', '21.5'));
    sink.expand(['home']);
    const opened = emptyConnectionBatch('c1');
    sink.flush(opened, 1_000);
    expect(opened.tree?.rows.map((row) => [row.path, row.lastValue])).toEqual([
      ['home', ''],
      ['home/kitchen', '21.5'],
    ]);
    sink.ingest(message('home/kitchen', '22'));
    expect(sink.dueAt(1_010)).toBe(1_000 + TREE_INTERVAL_MS);
  });

  it('shows the last value from the same decode the list uses, cut for the row', () => {
    const sink = new TopicTreeSink();
    const long = message('t', 'x'.repeat(500));
    sink.ingest(long);
    const batch = emptyConnectionBatch('c1');
    sink.flush(batch, 0);
    expect(batch.tree?.rows[0]?.lastValue).toBe('x'.repeat(120));
    expect(long.decoded().preview).toHaveLength(500);
  });
});
