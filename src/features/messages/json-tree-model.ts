/**
 * What the JSON tree shows and how its keys move, kept out of the component so it can be
 * tested without a DOM. The tree is a flat list of rows (the WAI-ARIA tree pattern allows
 * `aria-level` instead of nested groups), built without recursion: a document nested
 * 100,000 levels deep costs only the levels that are open.
 */
import { appendJsonPathSegment } from '../../core/json-path-format.ts';
import type { JsonPath } from '../../core/json-path.ts';

/** Children shown at first, and added per "Show more". */
export const JSON_TREE_PAGE = 200;
/** Levels open before the user opens or closes anything. */
export const JSON_TREE_OPEN_LEVELS = 2;
/** Characters of a string shown in its row; the text tab has the whole payload. */
const STRING_PREVIEW_CHARS = 200;

export type JsonKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null' | 'other';

export interface JsonValueRow {
  type: 'value';
  /** The row's path as text (`readings[0].value`; `''` for the root): unique, and stable across messages. */
  key: string;
  path: JsonPath;
  /** Key or index in the parent; null for a root that is not a container. */
  name: string | number | null;
  /** 1-based, as `aria-level`. */
  level: number;
  posInSet: number;
  setSize: number;
  /** Row index of the parent, -1 at the top. */
  parentIndex: number;
  kind: JsonKind;
  /** `"on"`, `21.5`, `true`, `null`, `{3 keys}`, `[5 items]`. */
  preview: string;
  childCount: number;
  /** undefined for a row that cannot open (a leaf, `{}`, `[]`). */
  expanded: boolean | undefined;
}

export interface JsonMoreRow {
  type: 'more';
  key: string;
  parentKey: string;
  level: number;
  parentIndex: number;
  /** Children shown already. */
  shown: number;
  /** Children not shown yet. */
  hidden: number;
  /** How many the button shows next (at most a page). */
  next: number;
  /** Key of the first child it reveals, where focus goes after it is pressed. */
  nextKey: string;
}

export type JsonTreeRow = JsonValueRow | JsonMoreRow;

export interface JsonTreeState {
  /** Rows the user opened or closed; the rest follow {@link JSON_TREE_OPEN_LEVELS}. */
  readonly open: ReadonlyMap<string, boolean>;
  /** Children shown per container, where more than the first page is. */
  readonly shown: ReadonlyMap<string, number>;
}

export const INITIAL_JSON_TREE_STATE: JsonTreeState = { open: new Map(), shown: new Map() };

/** A key no path text can equal: formatted paths never hold a raw NUL. */
const MORE_PREFIX = '\u0000more:';

type Container = Record<string, unknown> | unknown[];

function kindOf(value: unknown): JsonKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'object':
      return 'object';
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'other';
  }
}

// Object.keys of a wide object is O(keys); rows re-render on every toggle, so keep them.
const keysCache = new WeakMap<object, string[]>();

function keysOf(object: Record<string, unknown>): string[] {
  let keys = keysCache.get(object);
  if (keys === undefined) {
    keys = Object.keys(object);
    keysCache.set(object, keys);
  }
  return keys;
}

function childCountOf(value: unknown, kind: JsonKind): number {
  if (kind === 'array') return (value as unknown[]).length;
  if (kind === 'object') return keysOf(value as Record<string, unknown>).length;
  return 0;
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

function stringPreview(text: string): string {
  if (text.length <= STRING_PREVIEW_CHARS) return JSON.stringify(text);
  let end = STRING_PREVIEW_CHARS;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // do not split a surrogate pair
  return `${JSON.stringify(text.slice(0, end)).slice(0, -1)}…"`;
}

/** The text shown after a row's name: JSON for leaves, a count for containers. */
export function previewOf(value: unknown, kind: JsonKind, childCount: number): string {
  switch (kind) {
    case 'string':
      return stringPreview(value as string);
    case 'number':
    case 'boolean':
      return String(value);
    case 'null':
      return 'null';
    case 'array':
      return childCount === 0 ? '[]' : `[${plural(childCount, 'item', 'items')}]`;
    case 'object':
      return childCount === 0 ? '{}' : `{${plural(childCount, 'key', 'keys')}}`;
    default:
      return String(value);
  }
}

function isOpen(state: JsonTreeState, key: string, level: number): boolean {
  return state.open.get(key) ?? level <= JSON_TREE_OPEN_LEVELS;
}

interface Frame {
  container: Container;
  keys: string[] | null; // null for an array
  parentKey: string;
  parentPath: JsonPath;
  parentIndex: number;
  level: number;
  next: number;
  end: number;
  total: number;
}

function valueRow(
  value: unknown,
  name: string | number | null,
  key: string,
  path: JsonPath,
  place: { level: number; posInSet: number; setSize: number; parentIndex: number },
  state: JsonTreeState,
): JsonValueRow {
  const kind = kindOf(value);
  const childCount = childCountOf(value, kind);
  return {
    type: 'value',
    key,
    path,
    name,
    ...place,
    kind,
    preview: previewOf(value, kind, childCount),
    childCount,
    expanded: childCount > 0 ? isOpen(state, key, place.level) : undefined,
  };
}

function frameOf(
  container: Container,
  key: string,
  path: JsonPath,
  level: number,
  parentIndex: number,
  state: JsonTreeState,
): Frame {
  const keys = Array.isArray(container) ? null : keysOf(container);
  const total = keys === null ? (container as unknown[]).length : keys.length;
  const end = Math.min(total, state.shown.get(key) ?? JSON_TREE_PAGE);
  return {
    container,
    keys,
    parentKey: key,
    parentPath: path,
    parentIndex,
    level,
    next: 0,
    end,
    total,
  };
}

/**
 * The rows to show for `value`: the children of a root object or array at level 1 (a
 * root leaf or empty container is one row), then every open container's children in
 * order, each container's first {@link JSON_TREE_PAGE} (or as many as "Show more" asked
 * for) followed by a "more" row when some are still hidden.
 */
export function flattenJsonTree(value: unknown, state: JsonTreeState): JsonTreeRow[] {
  const rootKind = kindOf(value);
  if (childCountOf(value, rootKind) === 0) {
    const place = { level: 1, posInSet: 1, setSize: 1, parentIndex: -1 };
    return [valueRow(value, null, '', [], place, state)];
  }
  const rows: JsonTreeRow[] = [];
  const stack: Frame[] = [frameOf(value as Container, '', [], 1, -1, state)];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    if (frame.next < frame.end) {
      const index = frame.next++;
      const name: string | number = frame.keys === null ? index : (frame.keys[index] as string);
      const child =
        frame.keys === null
          ? (frame.container as unknown[])[index]
          : (frame.container as Record<string, unknown>)[name];
      const key = appendJsonPathSegment(frame.parentKey, name);
      const path = [...frame.parentPath, name];
      const place = {
        level: frame.level,
        posInSet: index + 1,
        setSize: frame.total,
        parentIndex: frame.parentIndex,
      };
      const row = valueRow(child, name, key, path, place, state);
      rows.push(row);
      if (row.expanded === true) {
        stack.push(frameOf(child as Container, key, path, frame.level + 1, rows.length - 1, state));
      }
      continue;
    }
    stack.pop();
    if (frame.end < frame.total) {
      const name = frame.keys === null ? frame.end : (frame.keys[frame.end] as string);
      rows.push({
        type: 'more',
        key: MORE_PREFIX + frame.parentKey,
        parentKey: frame.parentKey,
        level: frame.level,
        parentIndex: frame.parentIndex,
        shown: frame.end,
        hidden: frame.total - frame.end,
        next: Math.min(JSON_TREE_PAGE, frame.total - frame.end),
        nextKey: appendJsonPathSegment(frame.parentKey, name),
      });
    }
  }
  return rows;
}

export type JsonTreeAction =
  | { type: 'focus'; index: number }
  | { type: 'toggle'; index: number }
  | { type: 'expand'; index: number }
  | { type: 'collapse'; index: number }
  | { type: 'more'; index: number };

/**
 * What a key does on the row at `activeIndex`, per the WAI-ARIA tree pattern: Up/Down move,
 * Home/End go to the first/last row, Right opens a closed row or moves into an open one,
 * Left closes an open row or moves to its parent, Enter toggles a row or shows more.
 * null: the key is not the tree's (let the browser have it).
 */
export function jsonTreeKeyAction(
  rows: readonly JsonTreeRow[],
  activeIndex: number,
  key: string,
): JsonTreeAction | null {
  if (rows.length === 0) return null;
  const index = Math.max(0, Math.min(activeIndex, rows.length - 1));
  const row = rows[index] as JsonTreeRow;
  const expanded = row.type === 'value' ? row.expanded : undefined;
  switch (key) {
    case 'ArrowDown':
      return index + 1 < rows.length ? { type: 'focus', index: index + 1 } : null;
    case 'ArrowUp':
      return index > 0 ? { type: 'focus', index: index - 1 } : null;
    case 'Home':
      return { type: 'focus', index: 0 };
    case 'End':
      return { type: 'focus', index: rows.length - 1 };
    case 'ArrowRight':
      if (expanded === false) return { type: 'expand', index };
      return expanded === true ? { type: 'focus', index: index + 1 } : null;
    case 'ArrowLeft':
      if (expanded === true) return { type: 'collapse', index };
      return row.parentIndex >= 0 ? { type: 'focus', index: row.parentIndex } : null;
    case 'Enter':
      if (row.type === 'more') return { type: 'more', index };
      return expanded === undefined ? null : { type: 'toggle', index };
    default:
      return null;
  }
}

function withOpen(state: JsonTreeState, key: string, open: boolean): JsonTreeState {
  const next = new Map(state.open);
  next.set(key, open);
  return { ...state, open: next };
}

/**
 * The state and active row after an action. Opening and closing leave focus on the row;
 * "Show more" moves it to the first child it revealed, where reading goes on.
 */
export function applyJsonTreeAction(
  state: JsonTreeState,
  rows: readonly JsonTreeRow[],
  action: JsonTreeAction,
): { state: JsonTreeState; activeKey: string | null } {
  const row = rows[action.index];
  if (row === undefined) return { state, activeKey: null };
  switch (action.type) {
    case 'focus':
      return { state, activeKey: row.key };
    case 'expand':
    case 'collapse':
    case 'toggle': {
      if (row.type !== 'value' || row.expanded === undefined) return { state, activeKey: row.key };
      const open = action.type === 'toggle' ? !row.expanded : action.type === 'expand';
      return { state: withOpen(state, row.key, open), activeKey: row.key };
    }
    case 'more': {
      if (row.type !== 'more') return { state, activeKey: row.key };
      const shown = new Map(state.shown);
      shown.set(row.parentKey, row.shown + row.next);
      return { state: { ...state, shown }, activeKey: row.nextKey };
    }
  }
}
