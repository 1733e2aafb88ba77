/**
 * Pulls one number out of a payload so it can be charted: `temperature`,
 * `readings[0].value`, `$.a.b`, or the whole payload when the path is empty.
 */

import type { DecodedPayload } from './decoders/index.ts';
import { looksLikeJsonContainer } from './payload.ts';
import { readSwitchWord } from './switch-word.ts';

export type JsonPath = readonly (string | number)[];

export type JsonPathResult = { ok: true; path: JsonPath } | { ok: false; reason: string };

const EMPTY_PATH: JsonPath = Object.freeze([]);

const DOT = 0x2e;
const OPEN = 0x5b; // '['
const CLOSE = 0x5d; // ']'
const DOLLAR = 0x24;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;

const BRACKET_REASON =
  'Use a whole number or a quoted name inside brackets, as in readings[0] or ["my key"].';

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function allDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

type Segment = { ok: true; key: string | number; end: number } | { ok: false; reason: string };

/** Reads `[0]`, `["a.b"]` or `['a b']` starting at the `[` at `start`. */
function readBracket(path: string, start: number): Segment {
  const quote = path.charCodeAt(start + 1);
  if (quote === DOUBLE_QUOTE || quote === SINGLE_QUOTE) {
    // A quoted name may itself contain ']', so find the closing quote first.
    for (let i = start + 2; i < path.length; i++) {
      const c = path.charCodeAt(i);
      if (c === 0x5c && quote === DOUBLE_QUOTE) {
        i++; // JSON escape: skip the escaped character
      } else if (c === quote) {
        if (path.charCodeAt(i + 1) !== CLOSE) break;
        const raw = path.slice(start + 1, i + 1);
        if (quote === SINGLE_QUOTE) return { ok: true, key: raw.slice(1, -1), end: i + 2 };
        try {
          return { ok: true, key: JSON.parse(raw) as string, end: i + 2 };
        } catch {
          break;
        }
      }
    }
    return { ok: false, reason: BRACKET_REASON };
  }
  const close = path.indexOf(']', start + 1);
  if (close < 0) return { ok: false, reason: "The path has a '[' without a closing ']'." };
  const inner = path.slice(start + 1, close);
  if (!allDigits(inner)) return { ok: false, reason: BRACKET_REASON };
  return { ok: true, key: Number(inner), end: close + 1 };
}

/**
 * Parses a field path typed by a person. Accepts dotted names (`a.b.c`), array indexes
 * (`readings[0].value`), quoted names for keys with dots or spaces (`["a.b"]`, `['a b']`),
 * and an optional leading `$`, `$.` or `.`. An empty string is the empty path: the whole
 * payload.
 */
export function parseJsonPath(input: string): JsonPathResult {
  const path = input.trim();
  const n = path.length;
  if (n === 0) return { ok: true, path: EMPTY_PATH };

  const out: (string | number)[] = [];
  let i = 0;
  // `$` is the root only when a separator follows; `$value` is an ordinary key.
  if (path.charCodeAt(0) === DOLLAR && (n === 1 || path[1] === '.' || path[1] === '[')) i = 1;
  let afterDot = path.charCodeAt(i) === DOT;
  if (afterDot) i++;

  while (i < n) {
    if (path.charCodeAt(i) === OPEN && !afterDot) {
      const segment = readBracket(path, i);
      if (!segment.ok) return segment;
      out.push(segment.key);
      i = segment.end;
    } else {
      let j = i;
      while (j < n) {
        const c = path.charCodeAt(j);
        if (c === DOT || c === OPEN || c === CLOSE) break;
        j++;
      }
      if (j === i) {
        return {
          ok: false,
          reason: `Expected a field name at position ${i + 1}, as in readings[0].value.`,
        };
      }
      out.push(path.slice(i, j));
      i = j;
    }
    // After a segment comes the end, a '[' or a '.' and then a name.
    afterDot = path.charCodeAt(i) === DOT;
    if (afterDot) i++;
    else if (i < n && path.charCodeAt(i) !== OPEN) {
      return { ok: false, reason: `Unexpected '${path[i] ?? ''}' at position ${i + 1}.` };
    }
  }
  if (afterDot) return { ok: false, reason: "The path ends with '.'; add a field name after it." };
  return { ok: true, path: out };
}

/** A numeric string as a number; `Number('')` and `Number('  ')` are 0, which is not a reading. */
export function parseNumericString(s: string): number | null {
  if (s.length === 0 || s.length > 64) return null;
  const n = Number(s);
  if (!Number.isFinite(n)) return null;
  if (n === 0 && s.trim().length === 0) return null;
  return n;
}

/**
 * The chartable number a JSON value stands for: finite numbers, numeric strings, booleans and
 * the switch words `ON`/`OFF`/`true`/`false` (any case) as 1/0.
 */
export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return parseNumericString(value) ?? readSwitchWord(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return null;
}

/** `"3"` as an array index, or -1; lets `readings.0.value` reach into arrays too. */
function arrayIndex(key: string | number): number {
  if (typeof key === 'number') return Number.isInteger(key) ? key : -1;
  return key.length <= 10 && allDigits(key) ? Number(key) : -1;
}

/**
 * Follows `path` through parsed JSON and converts what it finds with {@link toNumber}.
 * Only own properties are followed, so `constructor` or `__proto__` never reach the prototype.
 */
export function readNumber(value: unknown, path: JsonPath): number | null {
  const found = readPath(value, path);
  return found === undefined ? null : toNumber(found);
}

/**
 * The value at `path` in parsed JSON (own properties only, like {@link readNumber}), or
 * undefined when the path leads nowhere.
 */
export function readPath(value: unknown, path: JsonPath): unknown {
  let current = value;
  for (let i = 0; i < path.length; i++) {
    if (current === null || typeof current !== 'object') return undefined;
    const key = path[i] as string | number;
    if (Array.isArray(current)) {
      const index = arrayIndex(key);
      if (index < 0 || index >= current.length) return undefined;
      current = current[index] as unknown;
    } else {
      const name = typeof key === 'number' ? String(key) : key;
      if (!Object.hasOwn(current, name)) return undefined;
      current = (current as Record<string, unknown>)[name];
    }
  }
  return current;
}

/**
 * The number in a payload at `path`, or null. With the empty path the whole payload is the
 * value: `21.43`, ` 21.43\n`, `"21.43"`, `true`, `ON`. Otherwise the payload must be a JSON object
 * or array; anything else is rejected before `JSON.parse` is attempted.
 */
export function extractNumber(payloadText: string, path: JsonPath): number | null {
  if (path.length === 0) {
    const n = parseNumericString(payloadText);
    if (n !== null) return n;
    // Rarer forms: a switch word (`ON`, `false`), or a JSON string holding a number or one.
    const word = readSwitchWord(payloadText);
    if (word !== null) return word;
    const trimmed = payloadText.trim();
    if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) {
      return toNumber(trimmed.slice(1, -1));
    }
    return null;
  }
  const parsed = parseJsonContainer(payloadText);
  return parsed === undefined ? null : readNumber(parsed, path);
}

/**
 * The parsed object or array of a JSON payload, or undefined when the text is not one
 * (checked cheaply first) or is malformed. Lets a caller parse once for several paths.
 */
export function parseJsonContainer(payloadText: string): unknown {
  if (!looksLikeJsonContainer(payloadText)) return undefined;
  try {
    return JSON.parse(payloadText) as unknown;
  } catch {
    return undefined; // malformed, or a RangeError from very deep nesting
  }
}

/**
 * The number a chart reads from a decoded payload: the whole payload when `path` is empty
 * (`21.43`, `"21.43"`, `true`, or a CBOR or MessagePack payload that is one number), else the
 * value at `path` in the decoded value (parsed JSON, a Sparkplug payload's
 * `metrics.Temperature.value`, a Protobuf field). Uses the one decode the pipeline made, so
 * charts never parse a payload again.
 */
export function readChartValue(decoded: DecodedPayload, path: JsonPath): number | null {
  const { value } = decoded;
  if (path.length > 0) return value === undefined ? null : readNumber(value, path);
  if (decoded.format === 'text') {
    return decoded.truncated ? null : extractNumber(decoded.preview, path);
  }
  return value === null || typeof value === 'object' ? null : toNumber(value);
}
