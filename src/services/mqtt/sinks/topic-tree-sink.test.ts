import { describe, expect, it } from 'vitest';
import { TopicTreeSink, TREE_INTERVAL_MS } from './topic-tree-sink.ts';
import { STALE_FLOOR_MS } from '../../../core/topic-tree.ts';
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

  it('sends Sparkplug nodes online or offline, and keeps them across a clear', () => {
    const sink = new TopicTreeSink();
    sink.ingest(message('spBv1.0/plant/NBIRTH/edge', 'x', 1));
    sink.ingest(message('spBv1.0/plant/DBIRTH/edge/pump', 'x', 2));
    sink.ingest(message('spBv1.0/plant/NDEATH/edge', 'x', 3));
    sink.clear();
    const batch = emptyConnectionBatch('c1');
    sink.flush(batch, 1_000);
    expect(batch.tree?.sparkplug?.map((s) => [s.device ?? s.edgeNode, s.state])).toEqual([
      ['edge', 'offline'],
      ['pump', 'offline'],
    ]);
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

  it('sends only the topics that contain the searched text, at once', () => {
    const sink = new TopicTreeSink();
    for (let i = 0; i < 1_000; i += 1) sink.ingest(message(`fleet/dev-${i}/temp`, '1', 1_000));
    sink.flush(emptyConnectionBatch('c1'), 1_000);
    sink.search('dev-42/');
    expect(sink.dueAt(1_001)).toBe(1_001);
    const batch = emptyConnectionBatch('c1');
    sink.flush(batch, 1_001);
    expect(batch.tree?.rows.map((row) => row.path)).toEqual([
      'fleet',
      'fleet/dev-42',
      'fleet/dev-42/temp',
    ]);
    expect(batch.tree).toMatchObject({ filter: 'dev-42/', matchedTopics: 1, totalTopics: 1_000 });
  });

  it('drops the retained marker when an empty retained message deletes it', () => {
    const sink = new TopicTreeSink();
    const retainedOf = (at: number) => {
      const batch = emptyConnectionBatch('c1');
      sink.expand([]);
      sink.flush(batch, at);
      return batch.tree?.rows[0]?.retained;
    };
    sink.ingest(message('door', 'open', 1, { retain: true }));
    expect(retainedOf(1)).toBe(true);
    sink.ingest(message('door', '', 2, { qos: 1, retain: true }));
    expect(retainedOf(2)).toBe(false);
  });

  it('sends the tree when a topic goes stale, though no message arrived', () => {
    const sink = new TopicTreeSink();
    for (let i = 0; i < 5; i += 1) sink.ingest(message('probe', String(i), 10_000 + i * 100));
    const first = emptyConnectionBatch('c1');
    sink.flush(first, 10_400);
    expect(first.tree?.rows[0]?.stale).toBe(false);
    // Only the falling rate and then the stale line ask for a redraw: follow the pump.
    let at = 10_400;
    let stale = first;
    while (!stale.tree?.rows[0]?.stale) {
      const due = sink.dueAt(at);
      if (due === null || due > 20_000) throw new Error(`no redraw due after ${at}`);
      at = due;
      stale = emptyConnectionBatch('c1');
      sink.flush(stale, at);
    }
    expect(at).toBeGreaterThan(10_400 + STALE_FLOOR_MS);
    expect(at).toBeLessThanOrEqual(10_400 + STALE_FLOOR_MS + TREE_INTERVAL_MS);
    expect(stale.tree?.staleTopics).toBe(1);
  });
});
