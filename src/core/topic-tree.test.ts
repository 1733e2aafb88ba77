import { describe, expect, it } from 'vitest';
import {
  MIN_GAPS,
  RATE_WINDOW_MS,
  STALE_FLOOR_MS,
  TopicTree,
  smoothInterval,
  staleAfterMs,
} from './topic-tree.ts';
import { compileTopicFilter, filterLevels } from './topic-filter.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const asText = (payload: Uint8Array) => new TextDecoder().decode(payload);
const open = (tree: TopicTree, expanded: string[], maxRows = 100, now = 0, filter = '') =>
  tree.view({ expanded: new Set(expanded), maxRows, describe: asText, now, filter });

describe('TopicTree', () => {
  it('counts messages and topics at every level', () => {
    const tree = new TopicTree();
    tree.record('home/kitchen/temp', bytes('21'), 1);
    tree.record('home/kitchen/temp', bytes('22'), 2);
    tree.record('home/hall/temp', bytes('19'), 3);

    const view = open(tree, ['home', 'home/kitchen'], 100);
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
    const [row] = open(tree, [], 10).rows;
    expect(row).toMatchObject({ isTopic: true, lastValue: 'second', lastTime: 2 });
  });

  it('lists nothing below a collapsed node', () => {
    const tree = new TopicTree();
    for (let i = 0; i < 10_000; i += 1) tree.record(`bench/t/${i}`, bytes('1'), i);
    const view = open(tree, [], 100);
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
    const view = open(tree, ['s'], 11);
    expect(view.rows).toHaveLength(11);
    expect(view.hiddenRows).toBe(40);
  });

  it('sorts numbered levels as a person would', () => {
    const tree = new TopicTree();
    for (const name of ['dev-10', 'dev-2', 'dev-1']) tree.record(`x/${name}`, bytes('1'), 1);
    expect(open(tree, ['x'], 10).rows.map((row) => row.name)).toEqual([
      'x',
      'dev-1',
      'dev-2',
      'dev-10',
    ]);
  });

  it('keeps empty levels and a leading slash as levels of their own', () => {
    const tree = new TopicTree();
    tree.record('/finance', bytes('1'), 1);
    const rows = open(tree, [''], 10).rows;
    expect(rows.map((row) => row.path)).toEqual(['', '/finance']);
  });

  it('marks a level that is both a topic and a parent', () => {
    const tree = new TopicTree();
    tree.record('sport', bytes('x'), 1);
    tree.record('sport/tennis', bytes('y'), 2);
    const [sport] = open(tree, [], 10).rows;
    expect(sport).toMatchObject({ isTopic: true, messages: 2, topics: 2, childCount: 1 });
  });

  it('keeps what the last message on a topic left, for its row only', () => {
    const tree = new TopicTree<{ label: string }>();
    tree.record('a/b', { label: 'first' }, 1);
    tree.record('a/b', { label: 'second' }, 2);
    const described: string[] = [];
    const describe = (last: { label: string }) => {
      described.push(last.label);
      return last.label;
    };
    const { rows } = tree.view({ expanded: new Set(['a']), maxRows: 10, describe, now: 2 });
    expect(rows.map((row) => row.lastValue)).toEqual(['', 'second']);
    expect(described).toEqual(['second']);
  });

  it('starts over after clear', () => {
    const tree = new TopicTree();
    tree.record('a/b', bytes('1'), 1);
    tree.clear();
    expect(open(tree, ['a'], 10)).toEqual({
      rows: [],
      hiddenRows: 0,
      totalTopics: 0,
      staleTopics: 0,
      filter: '',
      matchedTopics: 0,
    });
  });
});

/** Records `count` messages on `topic`, `gapMs` apart, from `start`; returns the last time. */
function publishEvery(tree: TopicTree, topic: string, gapMs: number, count: number, start = 0) {
  for (let i = 0; i < count; i += 1) tree.record(topic, bytes(String(i)), start + i * gapMs);
  return start + (count - 1) * gapMs;
}

const rowOf = (tree: TopicTree, path: string, now: number, expanded: string[] = []) =>
  open(tree, expanded, 100, now).rows.find((row) => row.path === path);

describe('TopicTree health', () => {
  it('marks a topic stale after three of its usual intervals of silence', () => {
    const tree = new TopicTree();
    const last = publishEvery(tree, 'sensor', 1_000, 5);
    expect(rowOf(tree, 'sensor', last + 2_900)).toMatchObject({ stale: false, staleTopics: 0 });
    expect(rowOf(tree, 'sensor', last + 3_100)).toMatchObject({
      stale: true,
      staleTopics: 1,
      usualIntervalMs: 1_000,
    });
  });

  it('never marks a topic stale once nothing subscribes to it any more', () => {
    const tree = new TopicTree();
    const last = publishEvery(tree, 'plant/a', 1_000, 5);
    publishEvery(tree, 'lab/b', 1_000, 5);
    const view = tree.view({
      expanded: new Set(['plant', 'lab']),
      maxRows: 10,
      describe: asText,
      now: last + 10_000,
      watched: (topic) => topic.startsWith('lab/'),
    });
    expect(view.rows.find((row) => row.path === 'plant/a')?.stale).toBe(false);
    expect(view.rows.find((row) => row.path === 'lab/b')?.stale).toBe(true);
    expect(view.staleTopics).toBe(1);
  });

  it('gives a fast topic the floor before it is stale, not 300 ms', () => {
    const tree = new TopicTree();
    const last = publishEvery(tree, 'fast', 100, 20);
    expect(rowOf(tree, 'fast', last + 500)?.stale).toBe(false);
    expect(rowOf(tree, 'fast', last + STALE_FLOOR_MS - 1)?.stale).toBe(false);
    expect(rowOf(tree, 'fast', last + STALE_FLOOR_MS + 1)?.stale).toBe(true);
  });

  it('never marks a topic stale before it has a usual interval', () => {
    const tree = new TopicTree();
    publishEvery(tree, 'once', 1_000, 1);
    publishEvery(tree, 'twice', 1_000, MIN_GAPS);
    expect(rowOf(tree, 'once', 1_000_000)).toMatchObject({ stale: false, usualIntervalMs: null });
    expect(rowOf(tree, 'twice', 1_000_000)?.stale).toBe(false);
  });

  it('is fresh again with the next message', () => {
    const tree = new TopicTree();
    const last = publishEvery(tree, 'sensor', 1_000, 5);
    tree.record('sensor', bytes('back'), last + 60_000);
    expect(rowOf(tree, 'sensor', last + 60_500)?.stale).toBe(false);
  });

  it('does not learn a long outage as the usual interval', () => {
    let interval = 0;
    interval = smoothInterval(interval, 0, 1_000);
    expect(interval).toBe(1_000);
    // A 60 s silence counts as the stale line (3 s), not as 60 s.
    interval = smoothInterval(interval, 1, 60_000);
    expect(interval).toBe(1_000 + (3_000 - 1_000) * 0.25);
    expect(staleAfterMs(interval)).toBeLessThan(5_000);
  });

  it('counts stale topics in every branch above them, collapsed or not', () => {
    const tree = new TopicTree();
    publishEvery(tree, 'site/a/temp', 1_000, 5);
    publishEvery(tree, 'site/b/temp', 1_000, 10);
    const view = open(tree, [], 100, 12_000);
    expect(view.staleTopics).toBe(1);
    expect(view.rows).toEqual([expect.objectContaining({ path: 'site', staleTopics: 1 })]);
  });

  it('says when the view changes with no message: a topic goes stale, a rate falls', () => {
    const tree = new TopicTree();
    const last = publishEvery(tree, 'sensor', 1_000, 5, 10 * RATE_WINDOW_MS);
    open(tree, [], 100, last);
    // The rate falls from now on, so the view is due again in a second, before the stale line.
    expect(tree.nextChangeAt).toBe(last + 1_000);
    open(tree, [], 100, last + 2_500);
    expect(tree.nextChangeAt).toBe(last + 3_001);
    open(tree, [], 100, last + 3 * RATE_WINDOW_MS);
    expect(tree.nextChangeAt).toBeNull();
  });
});

describe('TopicTree rates', () => {
  it('counts messages per second over a recent window, summed into parents', () => {
    const tree = new TopicTree();
    const start = 100 * RATE_WINDOW_MS;
    publishEvery(tree, 'a/x', 100, 100, start);
    publishEvery(tree, 'a/y', 500, 20, start);
    const rows = open(tree, ['a'], 100, start + 10_000).rows;
    const rate = (path: string) => rows.find((row) => row.path === path)?.rate ?? NaN;
    expect(rate('a/x')).toBeCloseTo(10, 0);
    expect(rate('a/y')).toBeCloseTo(2, 0);
    expect(rate('a')).toBeCloseTo(rate('a/x') + rate('a/y'), 5);
  });

  it('falls to zero once a topic is silent for a whole window', () => {
    const tree = new TopicTree();
    const last = publishEvery(tree, 't', 100, 50, 7 * RATE_WINDOW_MS);
    expect(rowOf(tree, 't', last + 2 * RATE_WINDOW_MS)?.rate).toBe(0);
  });
});

describe('TopicTree retained marker', () => {
  it('follows the last message on the topic', () => {
    const tree = new TopicTree();
    tree.record('door', bytes('open'), 1, true);
    expect(rowOf(tree, 'door', 2)?.retained).toBe(true);
    tree.record('door', bytes('closed'), 3, false);
    expect(rowOf(tree, 'door', 4)?.retained).toBe(false);
  });
});

describe('TopicTree search', () => {
  it('shows only topics containing the text, any case, with their branches open', () => {
    const tree = new TopicTree();
    for (const topic of ['plant/a/temp', 'plant/a/humidity', 'plant/b/Temp', 'office/light'])
      tree.record(topic, bytes('1'), 1);
    const view = open(tree, [], 100, 2, ' TEMP ');
    expect(view.rows.map((row) => [row.path, row.expanded])).toEqual([
      ['plant', true],
      ['plant/a', true],
      ['plant/a/temp', false],
      ['plant/b', true],
      ['plant/b/Temp', false],
    ]);
    expect(view).toMatchObject({ filter: 'temp', matchedTopics: 2, totalTopics: 4 });
  });

  it('matches a level in the middle of the path', () => {
    const tree = new TopicTree();
    tree.record('demo/office/of-02/telemetry', bytes('1'), 1);
    tree.record('demo/office/of-01/telemetry', bytes('1'), 1);
    const paths = open(tree, [], 100, 2, 'of-02').rows.map((row) => row.path);
    expect(paths).toEqual([
      'demo',
      'demo/office',
      'demo/office/of-02',
      'demo/office/of-02/telemetry',
    ]);
  });

  it('finds one topic among 10,000 and ships only its branch', () => {
    const tree = new TopicTree();
    for (let i = 0; i < 10_000; i += 1) tree.record(`bench/t/${i}`, bytes('1'), i);
    const view = open(tree, [], 400, 10_000, 't/4242');
    expect(view.rows.map((row) => row.path)).toEqual(['bench', 'bench/t', 'bench/t/4242']);
    expect(view.hiddenRows).toBe(0);
  });

  it('walks a topic tens of thousands of levels deep without overflowing the stack', () => {
    const tree = new TopicTree();
    const deep = 'x/'.repeat(30_000) + 'end';
    tree.record(deep, bytes('1'), 1);
    const view = open(tree, [], 10, 2, 'end');
    expect(view.rows).toHaveLength(10);
    expect(view.matchedTopics).toBe(1);
  });
});

describe('TopicTree counts per filter', () => {
  const topics = ['a', 'a/b', 'a/b/c', 'a/x/c', 'a//c', '/a', 'b/b', '$SYS/load', '$SYS/a/b'];
  const tree = new TopicTree();
  topics.forEach((topic, i) => {
    for (let k = 0; k <= i; k += 1) tree.record(topic, bytes('1'), 1000 + i);
  });
  const expected = (filter: string) => {
    const matches = compileTopicFilter(filter);
    const hits = topics.map((topic, i) => (matches(topic) ? i : -1)).filter((i) => i >= 0);
    const messages = hits.reduce((sum, i) => sum + i + 1, 0);
    return { messages, lastTime: hits.length > 0 ? 1000 + Math.max(...hits) : 0 };
  };

  it.each([
    '#',
    '+',
    'a',
    'a/#',
    'a/+',
    'a/+/c',
    '+/b/#',
    '+/+',
    '/#',
    '$SYS/#',
    '$SYS/+/b',
    'a/b/c/#',
    'nothing/#',
    '$share/g/a/#',
  ])('sums exactly the topics %s matches', (filter) => {
    expect(tree.countMatching(filterLevels(filter) ?? [])).toEqual(expected(filter));
  });

  it('starts again from nothing after a clear', () => {
    const fresh = new TopicTree();
    fresh.record('s/1', bytes('1'), 5);
    fresh.clear();
    expect(fresh.countMatching(['s', '#'])).toEqual({ messages: 0, lastTime: 0 });
  });
});
