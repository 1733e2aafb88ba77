import { describe, expect, it } from 'vitest';
import { compileQuery, EMPTY_QUERY } from './message-query.ts';
import type { MessageQuery } from './message-query.ts';
import { DEFAULT_RECORDER_BUDGET, MessageStore } from './message-store.ts';
import { QueryRun } from './query-run.ts';

const encoder = new TextEncoder();

function storeWith(
  messages: [topic: string, payload: string, time: number][],
  maxMessages?: number,
) {
  const store = new MessageStore(
    maxMessages ? { ...DEFAULT_RECORDER_BUDGET, maxMessages } : DEFAULT_RECORDER_BUDGET,
  );
  for (const [topic, payload, time] of messages)
    store.record({ topic, payload: encoder.encode(payload), time, qos: 0, retain: false });
  return store;
}

function run(stores: MessageStore[], query: Partial<MessageQuery>): QueryRun {
  const compiled = compileQuery({ ...EMPTY_QUERY, ...query });
  if (!compiled.ok) throw new Error(compiled.problems[0]?.reason);
  const search = new QueryRun(stores, compiled.compiled);
  search.step(Number.MAX_SAFE_INTEGER);
  return search;
}

const matchedIds = (search: QueryRun) =>
  Array.from({ length: search.matched }, (_, i) => search.matchAt(i)?.id);

describe('QueryRun', () => {
  it('finds matches newest first', () => {
    const store = storeWith([
      ['a/1', '{"t":10}', 1],
      ['b/1', '{"t":40}', 2],
      ['a/2', '{"t":35}', 3],
      ['a/3', 'plain', 4],
    ]);
    expect(matchedIds(run([store], { topicFilter: 'a/+' }))).toEqual([4, 3, 1]);
    expect(matchedIds(run([store], { field: 't > 30' }))).toEqual([3, 2]);
    expect(matchedIds(run([store], { topicFilter: 'a/#', field: 't > 30' }))).toEqual([3]);
  });

  it('merges several connections by time', () => {
    const first = storeWith([
      ['x', '1', 10],
      ['x', '3', 30],
    ]);
    const second = storeWith([
      ['y', '2', 20],
      ['y', '4', 40],
    ]);
    const search = run([first, second], {});
    const order = Array.from({ length: search.matched }, (_, i) => search.matchAt(i));
    expect(order).toEqual([
      { storeIndex: 1, id: 2 },
      { storeIndex: 0, id: 2 },
      { storeIndex: 1, id: 1 },
      { storeIndex: 0, id: 1 },
    ]);
  });

  it('works in slices and reports progress', () => {
    const store = storeWith(
      Array.from({ length: 10_000 }, (_, i) => ['t', String(i), i] as const).map(
        ([topic, payload, time]) => [topic, payload, time],
      ),
    );
    const compiled = compileQuery({ ...EMPTY_QUERY, text: '99' });
    if (!compiled.ok) throw new Error('compile');
    const search = new QueryRun([store], compiled.compiled);
    expect(search.step(1_000)).toBe(false);
    expect(search.progress()).toMatchObject({ scanned: 1_000, total: 10_000, done: false });
    while (!search.step(1_000));
    // 99, 199…9999 minus: every number containing "99".
    const expected = Array.from({ length: 10_000 }, (_, i) => String(i)).filter((s) =>
      s.includes('99'),
    ).length;
    expect(search.progress()).toMatchObject({ matched: expected, scanned: 10_000, done: true });
  });

  it('filters by time range and finds the offset of a time', () => {
    const store = storeWith(
      Array.from({ length: 100 }, (_, i) => ['t', 'x', i * 10] as [string, string, number]),
    );
    const search = run([store], { from: 200, to: 299 });
    expect(search.matched).toBe(10);
    const all = run([store], {});
    // Newest first: time 990 is offset 0, time 500 is offset 49.
    expect(all.indexAtTime(500)).toBe(49);
    expect(all.indexAtTime(505)).toBe(49);
    expect(all.indexAtTime(10_000)).toBe(0);
  });

  it('searches payload text and regular expressions', () => {
    const store = storeWith([
      ['t', 'Alarm: door open', 1],
      ['t', 'all quiet', 2],
      ['t', 'ALARM cleared', 3],
    ]);
    expect(matchedIds(run([store], { text: 'alarm' }))).toEqual([3, 1]);
    expect(matchedIds(run([store], { text: 'alarm', caseSensitive: true }))).toEqual([]);
    expect(matchedIds(run([store], { text: '^all\\b', regex: true }))).toEqual([2]);
  });

  it('stops at messages evicted while it ran', () => {
    const store = storeWith(
      Array.from({ length: 10 }, (_, i) => ['t', String(i), i] as [string, string, number]),
      10,
    );
    const compiled = compileQuery(EMPTY_QUERY);
    if (!compiled.ok) throw new Error('compile');
    const search = new QueryRun([store], compiled.compiled);
    search.step(3);
    for (let i = 0; i < 5; i += 1)
      store.record({
        topic: 't',
        payload: encoder.encode('new'),
        time: 100,
        qos: 0,
        retain: false,
      });
    search.step(100);
    // Ids 10, 9, 8 were seen; 7 and 6 are still kept; 1…5 were evicted.
    expect(matchedIds(search)).toEqual([10, 9, 8, 7, 6]);
  });
});

describe('compileQuery', () => {
  it('names each problem on its field', () => {
    const result = compileQuery({
      ...EMPTY_QUERY,
      topicFilter: 'a/#/b',
      text: '([',
      regex: true,
      field: '> 3',
      from: 10,
      to: 5,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.field)).toEqual(['topicFilter', 'text', 'field', 'time']);
    expect(result.problems[1]?.reason).toMatch(/regular expression/);
  });

  it('an empty query matches everything', () => {
    const result = compileQuery(EMPTY_QUERY);
    expect(result.ok && result.compiled.matchesAll).toBe(true);
  });

  it('never parses JSON nested deeper than the stack allows', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const store = storeWith([['t', deep, 1]]);
    expect(run([store], { field: 'a > 1' }).matched).toBe(0);
  });
});
