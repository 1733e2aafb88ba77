/**
 * A JSON field condition typed into the search form: `temperature > 30`,
 * `readings[0].value <= -1.5`, `status == "on"`, `battery exists`, `name ~ "^sensor-\d+$"`.
 * Parsed once per query, then tested against each payload's parsed JSON.
 */
import { parseJsonPath, parseNumericString } from '../json-path.ts';
import type { JsonPath } from '../json-path.ts';

export type FieldOperator = '==' | '!=' | '>' | '>=' | '<' | '<=' | '~' | 'exists';

/** A value written after `==` or `!=`. */
export type FieldValue = string | number | boolean | null;

export type FieldCondition =
  | { op: 'exists'; path: JsonPath }
  | { op: '~'; path: JsonPath; pattern: RegExp }
  | { op: '==' | '!='; path: JsonPath; value: FieldValue }
  /** A number compares numerically; a quoted text compares as text, by code unit. */
  | { op: '>' | '>=' | '<' | '<='; path: JsonPath; value: number | string };

export type FieldConditionResult =
  { ok: true; condition: FieldCondition } | { ok: false; reason: string };

const EXAMPLE = 'Write a field, an operator and a value, as in temperature > 30.';
const OPERATOR_LIST =
  'The operators are ==, !=, >, >=, <, <=, ~ (matches a regular expression) and exists.';

/** Longest first, so `>=` is not read as `>` followed by `=`. A lone `=` is taken as `==`. */
const SYMBOLS = ['==', '!=', '>=', '<=', '>', '<', '~', '='] as const;
type OperatorSymbol = (typeof SYMBOLS)[number];

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Index of the quote that closes the one at `open`, or -1; `\` escapes inside double quotes. */
function closingQuote(text: string, open: number): number {
  const quote = text[open];
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i;
  }
  return -1;
}

/**
 * The first operator outside a quoted bracket name: `["a>b"] > 1` compares the field `a>b`.
 * Any other name holding an operator character must be written in that quoted form.
 */
function findOperator(text: string): { at: number; symbol: OperatorSymbol } | null {
  for (let i = 0; i < text.length; i++) {
    const next = text[i + 1];
    if (text[i] === '[' && (next === '"' || next === "'")) {
      const close = closingQuote(text, i + 1);
      if (close < 0) return null;
      i = close;
      continue;
    }
    for (const symbol of SYMBOLS) if (text.startsWith(symbol, i)) return { at: i, symbol };
  }
  return null;
}

function parsePath(
  text: string,
  after: string,
): { ok: true; path: JsonPath } | { ok: false; reason: string } {
  if (text === '')
    return { ok: false, reason: `Write a field before ${after}, as in temperature > 30.` };
  const parsed = parseJsonPath(text);
  return parsed.ok ? parsed : { ok: false, reason: `In the field ${text}: ${parsed.reason}` };
}

type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** The text between matching quotes, or null when `raw` is not quoted; an error when unclosed. */
function quoted(raw: string, symbol: string): Parsed<{ inner: string; quote: string } | null> {
  const quote = raw[0];
  if (quote !== '"' && quote !== "'") return { ok: true, value: null };
  if (raw.length < 2 || raw[raw.length - 1] !== quote) {
    return {
      ok: false,
      reason: `The value after ${symbol} starts with a quote but does not end with one.`,
    };
  }
  return { ok: true, value: { inner: raw.slice(1, -1), quote } };
}

/** The value after `==`, `!=` or an ordering operator. */
function parseValue(raw: string, symbol: string): Parsed<{ value: FieldValue; quoted: boolean }> {
  const text = quoted(raw, symbol);
  if (!text.ok) return text;
  if (text.value !== null) {
    const { inner, quote } = text.value;
    if (quote === "'")
      return { ok: true, value: { value: inner.replace(/\\(['\\])/g, '$1'), quoted: true } };
    try {
      // JSON's escapes (\n, \u00e9, \") inside double quotes.
      return { ok: true, value: { value: JSON.parse(raw) as string, quoted: true } };
    } catch {
      return { ok: true, value: { value: inner, quoted: true } }; // e.g. "C:\temp": taken as written
    }
  }
  if (raw === 'true' || raw === 'false')
    return { ok: true, value: { value: raw === 'true', quoted: false } };
  if (raw === 'null') return { ok: true, value: { value: null, quoted: false } };
  if (NUMBER.test(raw)) return { ok: true, value: { value: Number(raw), quoted: false } };
  // A bare word, as in `status == on`, is text.
  return { ok: true, value: { value: raw, quoted: false } };
}

/**
 * The pattern after `~`: `/^sensor-\d+$/i`, `"^sensor-\d+$"` or bare `^sensor-\d+$`. Quotes
 * are taken as written (no JSON escapes), so a backslash means what it means in a regular
 * expression.
 */
function parsePattern(raw: string): Parsed<RegExp> {
  let source = raw;
  let flags = '';
  const lastSlash = raw.lastIndexOf('/');
  if (raw.startsWith('/') && lastSlash > 0 && /^[a-z]*$/.test(raw.slice(lastSlash + 1))) {
    source = raw.slice(1, lastSlash);
    // `g` and `y` make `test` remember where it stopped, so one payload would change the next.
    flags = raw.slice(lastSlash + 1).replace(/[gy]/g, '');
  } else {
    const text = quoted(raw, '~');
    if (!text.ok) return text;
    if (text.value !== null) source = text.value.inner;
  }
  try {
    return { ok: true, value: new RegExp(source, flags) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `Not a valid regular expression: ${message}` };
  }
}

/**
 * Parses a condition as a user types it: a field path (as {@link parseJsonPath} reads it),
 * an operator and a value, or a path followed by `exists`. Values are numbers, `true`,
 * `false`, `null`, quoted text (`"on"` with JSON escapes, `'on'`) or a bare word taken as
 * text. `~` takes a regular expression, bare, quoted or as `/…/flags`. Never throws: every
 * problem comes back as a reason in words.
 */
export function parseFieldCondition(input: string): FieldConditionResult {
  const text = input.trim();
  if (text === '') return { ok: false, reason: EXAMPLE };
  const found = findOperator(text);
  if (found === null) {
    const exists = /^([\s\S]*?)\s*\bexists$/i.exec(text);
    if (exists === null) return { ok: false, reason: `${EXAMPLE} ${OPERATOR_LIST}` };
    const path = parsePath((exists[1] ?? '').trim(), 'exists');
    return path.ok ? { ok: true, condition: { op: 'exists', path: path.path } } : path;
  }

  const symbol = found.symbol;
  const path = parsePath(text.slice(0, found.at).trim(), symbol);
  if (!path.ok) return path;
  const raw = text.slice(found.at + symbol.length).trim();
  if (raw === '')
    return { ok: false, reason: `Write a value after ${symbol}, as in temperature > 30.` };

  if (symbol === '~') {
    const pattern = parsePattern(raw);
    return pattern.ok
      ? { ok: true, condition: { op: '~', path: path.path, pattern: pattern.value } }
      : pattern;
  }
  const parsed = parseValue(raw, symbol);
  if (!parsed.ok) return parsed;
  const { value } = parsed.value;
  if (symbol === '==' || symbol === '=' || symbol === '!=') {
    return { ok: true, condition: { op: symbol === '!=' ? '!=' : '==', path: path.path, value } };
  }
  if (typeof value === 'number' || (typeof value === 'string' && parsed.value.quoted)) {
    return { ok: true, condition: { op: symbol, path: path.path, value } };
  }
  return {
    ok: false,
    reason: `Compare with a number or a quoted text after ${symbol}, as in temperature > 30 or time >= "2024-05-01".`,
  };
}

/** The value at `path`, following own properties only (never `__proto__` or `constructor`). */
function resolve(
  root: unknown,
  path: JsonPath,
): { found: true; value: unknown } | { found: false } {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return { found: false };
    if (Array.isArray(current)) {
      // `readings.0` reaches into an array as `readings[0]` does.
      const index = typeof key === 'number' ? key : /^\d{1,10}$/.test(key) ? Number(key) : -1;
      if (!Number.isInteger(index) || index < 0 || index >= current.length) return { found: false };
      current = current[index] as unknown;
    } else {
      const name = String(key);
      if (!Object.hasOwn(current, name)) return { found: false };
      current = (current as Record<string, unknown>)[name];
    }
  }
  return { found: true, value: current };
}

/**
 * A number field, or a string field that holds one (`"21.5"`). Booleans and switch words (`on`)
 * are not numbers here, unlike for a chart: a search compares what was sent.
 */
function numberOf(field: unknown): number | null {
  if (typeof field === 'number') return Number.isFinite(field) ? field : null;
  return typeof field === 'string' ? parseNumericString(field) : null;
}

function equals(field: unknown, value: FieldValue): boolean {
  if (typeof value === 'number') return numberOf(field) === value;
  return field === value; // text exactly, booleans and null by identity
}

function ordered(op: '>' | '>=' | '<' | '<=', a: number | string, b: number | string): boolean {
  switch (op) {
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
  }
}

/**
 * Whether a parsed JSON document meets the condition. A missing field fails every operator
 * (including `!=`) but `exists`, which holds even for a `null` field. Numbers compare
 * numerically, and a string field holding a number (`"21.5"`) counts as that number; `==`
 * with a text is exact and case-sensitive; `~` tests string fields only.
 */
export function matchesFieldCondition(condition: FieldCondition, value: unknown): boolean {
  return fieldMeetsCondition(condition, resolve(value, condition.path));
}

/** The second half of {@link matchesFieldCondition}: the field already looked up. */
export function fieldMeetsCondition(
  condition: FieldCondition,
  field: { found: true; value: unknown } | { found: false },
): boolean {
  if (!field.found) return false;
  switch (condition.op) {
    case 'exists':
      return true;
    case '~':
      if (typeof field.value !== 'string') return false;
      try {
        return condition.pattern.test(field.value);
      } catch {
        return false; // a backtracking pattern can exhaust the engine's stack on a long text
      }
    case '==':
      return equals(field.value, condition.value);
    case '!=':
      return !equals(field.value, condition.value);
    default: {
      const wanted = condition.value;
      if (typeof wanted === 'number') {
        const n = numberOf(field.value);
        return n !== null && ordered(condition.op, n, wanted);
      }
      return typeof field.value === 'string' && ordered(condition.op, field.value, wanted);
    }
  }
}
