import { describe, expect, it } from 'vitest';
import { TopicTree } from './topic-tree.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const asText = (payload: Uint8Array) => new TextDecoder().decode(payload);

describe('TopicTree', () => {
  it('counts messages and topics at every level', () => {
    const tree = new TopicTree();
    tree.record('home/kitchen/temp', bytes('21'), 1);
    tree.record('home/kitchen/temp', bytes('22'), 2);
    tree.record('home/hall/temp', bytes('19'), 3);

    const view = tree.view(new Set(['home', 'home/kitchen']), 100, asText);
    expect(view.totalTopics).toBe(2);
    expect(view.rows.map((row) => [row.path, row.depth, row.messages, row.topics])).toEqual([
      ['home', 0, 3, 2],
      ['home/hall', 1, 1, 1],
      ['home/kitchen', 1, 2, 1],
      ['home/kitchen/temp', 2, 2, 1],
    ]);
  });

  it('shows the last payload of a topic', () => {
    const tree = new TopicTree();
    tree.record('a', bytes('first'), 1);
    tree.record('a', bytes('second'), 2);
    const [row] = tree.view(new Set(), 10, asText).rows;
    expect(row).toMatchObject({ isTopic: true, lastValue: 'second', lastTime: 2 });
  });

  it('lists nothing below a collapsed node', () => {
    const tree = new TopicTree();
    for (let i = 0; i < 10_000; i += 1) tree.record(`bench/t/${i}`, bytes('1'), i);
    const view = tree.view(new Set(), 100, asText);
    expect(view.rows).toHaveLength(1);
    expect(view.rows[0]).toMatchObject({
      path: 'bench',
      messages: 10_000,
      topics: 10_000,
      childCount: 1,
    });
  });

  it('caps the rows and says how many were left out', () => {
    const tree = new TopicTree();
    for (let i = 0; i < 50; i += 1) tree.record(`s/${i}`, bytes('1'), i);
    const view = tree.view(new Set(['s']), 11, asText);
    expect(view.rows).toHaveLength(11);
    expect(view.hiddenRows).toBe(40);
  });

  it('sorts numbered levels as a person would', () => {
    const tree = new TopicTree();
    for (const name of ['dev-10', 'dev-2', 'dev-1']) tree.record(`x/${name}`, bytes('1'), 1);
    expect(tree.view(new Set(['x']), 10, asText).rows.map((row) => row.name)).toEqual([
      'x',
      'dev-1',
      'dev-2',
      'dev-10',
    ]);
  });

  it('keeps empty levels and a leading slash as levels of their own', () => {
    const tree = new TopicTree();
    tree.record('/finance', bytes('1'), 1);
    const rows = tree.view(new Set(['']), 10, asText).rows;
    expect(rows.map((row) => row.path)).toEqual(['', '/finance']);
  });

  it('marks a level that is both a topic and a parent', () => {
    const tree = new TopicTree();
    tree.record('sport', bytes('x'), 1);
    tree.record('sport/tennis', bytes('y'), 2);
    const [sport] = tree.view(new Set(), 10, asText).rows;
    expect(sport).toMatchObject({ isTopic: true, messages: 2, topics: 2, childCount: 1 });
  });

  it('keeps what the last message on a topic left, for its row only', () => {
    const tree = new TopicTree<{ label: string }>();
    tree.record('a/b', { label: 'first' }, 1);
    tree.record('a/b', { label: 'second' }, 2);
    const described: string[] = [];
    const rows = tree.view(new Set(['a']), 10, (last) => {
      described.push(last.label);
      return last.label;
    }).rows;
    expect(rows.map((row) => row.lastValue)).toEqual(['', 'second']);
    expect(described).toEqual(['second']);
  });

  it('starts over after clear', () => {
    const tree = new TopicTree();
    tree.record('a/b', bytes('1'), 1);
    tree.clear();
    expect(tree.view(new Set(['a']), 10, asText)).toEqual({
      rows: [],
      hiddenRows: 0,
      totalTopics: 0,
    });
  });
});
