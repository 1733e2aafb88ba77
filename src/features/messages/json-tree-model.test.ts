import { describe, expect, it } from 'vitest';
import {
  INITIAL_JSON_TREE_STATE,
  JSON_TREE_PAGE,
  applyJsonTreeAction,
  flattenJsonTree,
  jsonTreeKeyAction,
} from './json-tree-model.ts';
import type { JsonTreeRow, JsonTreeState } from './json-tree-model.ts';

/** Rows as a reader sees them: indent, name, preview, and ▸/▾ for closed/open. */
function outline(rows: JsonTreeRow[]): string[] {
  return rows.map((row) => {
    const indent = '  '.repeat(row.level - 1);
    if (row.type === 'more') return `${indent}[Show ${row.next} more of ${row.hidden}]`;
    const mark = row.expanded === undefined ? ' ' : row.expanded ? '▾' : '▸';
    return `${indent}${mark} ${row.name === null ? '' : `${row.name}: `}${row.preview}`;
  });
}

const sensor = {
  id: 'gh-01',
  temperature: 21.5,
  online: true,
  battery: null,
  readings: [{ value: 1, at: { s: 1 } }, { value: 2 }],
  empty: {},
};

/** Presses keys from the first row; returns the state and the active key. */
function press(value: unknown, keys: string[], start: JsonTreeState = INITIAL_JSON_TREE_STATE) {
  let state = start;
  let activeKey: string | null = null;
  for (const key of keys) {
    const rows = flattenJsonTree(value, state);
    const active = Math.max(
      0,
      rows.findIndex((row) => row.key === activeKey),
    );
    const action = jsonTreeKeyAction(rows, active, key);
    if (action === null) continue;
    ({ state, activeKey } = applyJsonTreeAction(state, rows, action));
  }
  return { state, activeKey, rows: flattenJsonTree(value, state) };
}

describe('flattenJsonTree', () => {
  it('opens the first two levels and shows counts for closed containers', () => {
    expect(outline(flattenJsonTree(sensor, INITIAL_JSON_TREE_STATE))).toEqual([
      '  id: "gh-01"',
      '  temperature: 21.5',
      '  online: true',
      '  battery: null',
      '▾ readings: [2 items]',
      '  ▾ 0: {2 keys}',
      '      value: 1',
      '    ▸ at: {1 key}',
      '  ▾ 1: {1 key}',
      '      value: 2',
      '  empty: {}',
    ]);
  });

  it('gives each row its path, its key as path text, and its place among its siblings', () => {
    const rows = flattenJsonTree(sensor, INITIAL_JSON_TREE_STATE);
    const first = rows[5];
    expect(first).toMatchObject({
      type: 'value',
      key: 'readings[0]',
      path: ['readings', 0],
      level: 2,
      posInSet: 1,
      setSize: 2,
      parentIndex: 4,
    });
  });

  it('shows a root leaf or empty container as one row', () => {
    expect(outline(flattenJsonTree(21.5, INITIAL_JSON_TREE_STATE))).toEqual(['  21.5']);
    expect(outline(flattenJsonTree([], INITIAL_JSON_TREE_STATE))).toEqual(['  []']);
    expect(flattenJsonTree('x', INITIAL_JSON_TREE_STATE)[0]).toMatchObject({ key: '', path: [] });
  });

  it('quotes strings as JSON and cuts long ones', () => {
    const rows = flattenJsonTree(
      { s: 'a"b\n<b>', long: 'x'.repeat(100_000) },
      INITIAL_JSON_TREE_STATE,
    );
    expect(rows[0]).toMatchObject({ preview: '"a\\"b\\n<b>"' });
    const long = rows[1];
    expect(long?.type === 'value' && long.preview).toBe(`"${'x'.repeat(200)}…"`);
  });

  it('uses keys that are not identifiers as bracketed path text', () => {
    const rows = flattenJsonTree({ 'my key': { 'a.b': 1 } }, INITIAL_JSON_TREE_STATE);
    expect(rows.map((row) => row.key)).toEqual(['["my key"]', '["my key"]["a.b"]']);
  });

  it('shows the first 200 children of a big array, then a row to show more', () => {
    const big = Array.from({ length: 450 }, (_, i) => i);
    const rows = flattenJsonTree(big, INITIAL_JSON_TREE_STATE);
    expect(rows).toHaveLength(JSON_TREE_PAGE + 1);
    expect(rows[JSON_TREE_PAGE]).toMatchObject({
      type: 'more',
      next: 200,
      hidden: 250,
      nextKey: '[200]',
    });
  });

  it('renders collapsed a document nested 10,000 levels deep without recursion', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(outline(flattenJsonTree(deep, INITIAL_JSON_TREE_STATE))).toEqual([
      '▾ 0: [1 item]',
      '  ▾ 0: [1 item]',
      '    ▸ 0: [1 item]',
    ]);
  });

  it('follows every open level of a deep document without overflowing the stack', () => {
    let deep: unknown = 1;
    // Keys and paths grow with depth, so this costs depth²: 3,000 levels keep the test quick.
    const depth = 3_000;
    for (let i = 0; i < depth; i++) deep = { k: deep };
    const open = new Map<string, boolean>();
    let key = '';
    for (let i = 0; i < depth; i++) {
      key = key === '' ? 'k' : `${key}.k`;
      open.set(key, true);
    }
    const rows = flattenJsonTree(deep, { ...INITIAL_JSON_TREE_STATE, open });
    expect(rows).toHaveLength(depth);
    expect(rows[depth - 1]).toMatchObject({ level: depth, preview: '1' });
  });
});

describe('keys', () => {
  const keysOf = (value: unknown, keys: string[]) => press(value, keys).activeKey;

  it('moves with Up, Down, Home and End, and stops at the ends', () => {
    expect(keysOf(sensor, ['ArrowDown', 'ArrowDown'])).toBe('online');
    expect(keysOf(sensor, ['ArrowDown', 'ArrowUp', 'ArrowUp'])).toBe('id');
    expect(keysOf(sensor, ['End'])).toBe('empty');
    expect(keysOf(sensor, ['End', 'ArrowDown'])).toBe('empty');
    expect(keysOf(sensor, ['End', 'Home'])).toBe('id');
  });

  it('opens a closed row with Right, then moves into it', () => {
    const toRow = ['End', 'ArrowUp', 'ArrowUp', 'ArrowUp']; // readings[0].at
    expect(keysOf(sensor, toRow)).toBe('readings[0].at');
    const opened = press(sensor, [...toRow, 'ArrowRight']);
    expect(opened.activeKey).toBe('readings[0].at');
    expect(outline(opened.rows)).toContain('        s: 1');
    expect(keysOf(sensor, [...toRow, 'ArrowRight', 'ArrowRight'])).toBe('readings[0].at.s');
    expect(keysOf(sensor, [...toRow, 'ArrowRight', 'ArrowRight', 'ArrowRight'])).toBe(
      'readings[0].at.s',
    );
  });

  it('closes an open row with Left, and moves to the parent from a closed one', () => {
    const toReadings = ['Home', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown'];
    const closed = press(sensor, [...toReadings, 'ArrowLeft']);
    expect(closed.activeKey).toBe('readings');
    expect(outline(closed.rows)).toContain('▸ readings: [2 items]');
    expect(keysOf(sensor, ['End', 'ArrowUp', 'ArrowLeft'])).toBe('readings[1]');
    expect(keysOf(sensor, ['End', 'ArrowUp', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft'])).toBe(
      'readings',
    );
    expect(keysOf(sensor, ['ArrowLeft'])).toBe(null);
  });

  it('toggles a row with Enter and ignores Enter on a leaf', () => {
    const toReadings = ['Home', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown'];
    expect(outline(press(sensor, [...toReadings, 'Enter']).rows)).toContain(
      '▸ readings: [2 items]',
    );
    expect(outline(press(sensor, [...toReadings, 'Enter', 'Enter']).rows)).toContain(
      '▾ readings: [2 items]',
    );
    expect(press(sensor, ['Enter']).state).toBe(INITIAL_JSON_TREE_STATE);
  });

  it('leaves other keys to the browser', () => {
    const rows = flattenJsonTree(sensor, INITIAL_JSON_TREE_STATE);
    expect(jsonTreeKeyAction(rows, 0, 'Tab')).toBe(null);
    expect(jsonTreeKeyAction([], 0, 'ArrowDown')).toBe(null);
  });

  it('shows 200 more with Enter on the more row and moves to the first one revealed', () => {
    const big = { list: Array.from({ length: 450 }, (_, i) => i) };
    const once = press(big, ['End', 'Enter']);
    expect(once.activeKey).toBe('list[200]');
    expect(once.rows.filter((row) => row.type === 'value')).toHaveLength(1 + 400);
    const twice = press(big, ['End', 'Enter', 'End', 'Enter']);
    expect(twice.activeKey).toBe('list[400]');
    expect(twice.rows).toHaveLength(1 + 450);
    expect(twice.rows.some((row) => row.type === 'more')).toBe(false);
  });

  it('shows more of a big root array too', () => {
    const rows = press(
      Array.from({ length: 201 }, (_, i) => i),
      ['End', 'Enter'],
    ).rows;
    expect(rows).toHaveLength(201);
  });
});
