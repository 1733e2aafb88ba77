/**
 * Reads one field of a JSON document straight from its bytes, without decoding the text or
 * building the object tree: a search of a million payloads for `temperature > 30` then costs
 * one pass over each payload's bytes instead of a TextDecoder call and a JSON.parse.
 *
 * The answer is the one `JSON.parse` would give (RFC 8259 grammar; the last of duplicate keys
 * wins; a leading UTF-8 BOM is skipped, as TextDecoder does): a document JSON.parse refuses is
 * refused here too, so a search never finds what a chart of the same field would not show.
 */
import { utf8Decoder } from './decoders/utf8.ts';
import type { JsonPath } from './json-path.ts';

/** Stands for an object or array found at the path; conditions on it compare as on an object. */
export const JSON_CONTAINER: object = Object.freeze({});

export type ScannedField = { found: false } | { found: true; value: unknown };

/** A path prepared once per search: each step as the key bytes and as an array index. */
export interface CompiledJsonPath {
  readonly keys: readonly Uint8Array[];
  readonly texts: readonly string[];
  /** The step as an array index, or -1 when it cannot index an array. */
  readonly indexes: readonly number[];
}

const encoder = new TextEncoder();

/** Prepares a path for {@link scanJsonField}; `readings.0` reaches into arrays as `[0]` does. */
export function compileJsonPath(path: JsonPath): CompiledJsonPath {
  const texts = path.map(String);
  return {
    texts,
    keys: texts.map((text) => encoder.encode(text)),
    indexes: path.map((step) =>
      typeof step === 'number'
        ? Number.isInteger(step) && step >= 0
          ? step
          : -1
        : /^\d{1,10}$/.test(step)
          ? Number(step)
          : -1,
    ),
  };
}

/** Deeper documents overflow JSON.parse's recursion in a worker; they are refused as it would. */
export const MAX_JSON_DEPTH = 10_000;

const OBJECT = 1;
const ARRAY = 2;
// Reused across calls: a scan allocates nothing unless it reads a string or number at the path.
const kinds = new Uint8Array(MAX_JSON_DEPTH + 2);
const levels = new Int32Array(MAX_JSON_DEPTH + 2);
const counts = new Int32Array(MAX_JSON_DEPTH + 2);

const NOT_FOUND: ScannedField = Object.freeze({ found: false });

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66);
}

/** Set by {@link stringEnd}: whether the string just read had escapes. */
let lastStringEscaped = false;

/** Index of the quote closing a string whose text starts at `at`, or -1 when malformed. */
function stringEnd(bytes: Uint8Array, at: number, end: number): number {
  lastStringEscaped = false;
  let j = at;
  while (j < end) {
    const c = bytes[j] as number;
    if (c === 0x22) return j;
    if (c < 0x20) return -1;
    if (c === 0x5c) {
      lastStringEscaped = true;
      const e = bytes[j + 1];
      if (e === 0x75) {
        if (j + 5 >= end) return -1;
        for (let k = 2; k < 6; k++) if (!isHex(bytes[j + k] as number)) return -1;
        j += 6;
        continue;
      }
      if (
        e !== 0x22 &&
        e !== 0x5c &&
        e !== 0x2f &&
        e !== 0x62 &&
        e !== 0x66 &&
        e !== 0x6e &&
        e !== 0x72 &&
        e !== 0x74
      )
        return -1;
      j += 2;
      continue;
    }
    j++;
  }
  return -1;
}

/** Index just past a number starting at `at`, or -1 when it breaks JSON's number grammar. */
function numberEnd(bytes: Uint8Array, at: number, end: number): number {
  let i = at;
  if (bytes[i] === 0x2d) i++;
  if (bytes[i] === 0x30) i++;
  else if (i < end && isDigit(bytes[i] as number, 1))
    while (i < end && isDigit(bytes[i] as number, 0)) i++;
  else return -1;
  if (i < end && bytes[i] === 0x2e) {
    const digits = ++i;
    while (i < end && isDigit(bytes[i] as number, 0)) i++;
    if (i === digits) return -1;
  }
  if (i < end && (bytes[i] === 0x65 || bytes[i] === 0x45)) {
    i++;
    if (bytes[i] === 0x2b || bytes[i] === 0x2d) i++;
    const digits = i;
    while (i < end && isDigit(bytes[i] as number, 0)) i++;
    if (i === digits) return -1;
  }
  return i;
}

function isDigit(c: number, from: number): boolean {
  return c >= 0x30 + from && c <= 0x39;
}

/** Whether the key `bytes[from, to)` is the path's step (escaped keys are decoded first). */
function keyIs(
  bytes: Uint8Array,
  from: number,
  to: number,
  escaped: boolean,
  path: CompiledJsonPath,
  step: number,
): boolean {
  if (escaped) {
    const text = JSON.parse(utf8Decoder.decode(bytes.subarray(from - 1, to + 1))) as string;
    return text === path.texts[step];
  }
  const key = path.keys[step] as Uint8Array;
  if (to - from !== key.length) return false;
  for (let k = 0; k < key.length; k++) if (bytes[from + k] !== key[k]) return false;
  return true;
}

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The number written in `bytes[from, to)` (already checked against JSON's grammar). Up to 15
 * digits and no exponent, it is the integer of its digits divided by a power of ten: both
 * exact doubles, and IEEE division rounds correctly, so the result is the one `Number` gives.
 */
function numberValue(bytes: Uint8Array, from: number, to: number): number {
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  let k = from;
  const negative = bytes[k] === 0x2d;
  if (negative) k++;
  for (; k < to; k++) {
    const c = bytes[k] as number;
    if (c === 0x2e) fraction = 0;
    else if (c >= 0x30 && c <= 0x39) {
      mantissa = mantissa * 10 + (c - 0x30);
      digits++;
      if (fraction >= 0) fraction++;
    } else break; // an exponent: read below
  }
  if (k === to && digits <= 15) {
    const value = fraction > 0 ? mantissa / (POWERS_OF_TEN[fraction] as number) : mantissa;
    return negative ? -value : value;
  }
  let text = '';
  for (let j = from; j < to; j++) text += String.fromCharCode(bytes[j] as number);
  return Number(text);
}

const READ_VALUE = 0;
const READ_KEY = 1;
const AFTER_VALUE = 2;

/**
 * The value at `path` in the JSON document `bytes[start, end)`: `{ found: false }` when the
 * document has no such field, or null when the bytes are not one JSON object or array (as
 * `JSON.parse` would refuse them, or one nested deeper than {@link MAX_JSON_DEPTH}).
 * Strings, numbers, booleans and null come back as JSON.parse makes them; an object or
 * array as {@link JSON_CONTAINER}. One loop with no closures: it runs once per payload.
 */
export function scanJsonField(
  bytes: Uint8Array,
  start: number,
  end: number,
  path: CompiledJsonPath,
): ScannedField | null {
  const steps = path.keys.length;
  let i = start;
  if (end - i >= 3 && bytes[i] === 0xef && bytes[i + 1] === 0xbb && bytes[i + 2] === 0xbf) i += 3;
  while (i < end && isSpace(bytes[i] as number)) i++;
  const first = bytes[i];
  if (first !== 0x7b && first !== 0x5b) return null; // only objects and arrays are searched

  let depth = 0;
  // How many steps of the path lead to the value about to be read; -1 when off the path.
  let level = 0;
  let found = false;
  let foundValue: unknown = null;
  let state = READ_VALUE;

  for (;;) {
    while (i < end && isSpace(bytes[i] as number)) i++;
    if (state === READ_VALUE) {
      if (i >= end) return null;
      const c = bytes[i] as number;
      const target = level === steps;
      state = AFTER_VALUE;
      if (c === 0x7b || c === 0x5b) {
        if (depth === MAX_JSON_DEPTH) return null;
        depth++;
        kinds[depth] = c === 0x7b ? OBJECT : ARRAY;
        levels[depth] = level >= 0 && level < steps ? level : -1;
        counts[depth] = 0;
        if (target) {
          found = true;
          foundValue = JSON_CONTAINER;
        }
        i++;
        while (i < end && isSpace(bytes[i] as number)) i++;
        if (bytes[i] === (c === 0x7b ? 0x7d : 0x5d)) {
          depth--;
          i++;
        } else if (c === 0x7b) state = READ_KEY;
        else {
          const parent = levels[depth] as number;
          level = parent >= 0 && path.indexes[parent] === 0 ? parent + 1 : -1;
          state = READ_VALUE;
        }
      } else if (c === 0x22) {
        const close = stringEnd(bytes, i + 1, end);
        if (close < 0) return null;
        if (target) {
          found = true;
          foundValue = lastStringEscaped
            ? (JSON.parse(utf8Decoder.decode(bytes.subarray(i, close + 1))) as string)
            : utf8Decoder.decode(bytes.subarray(i + 1, close));
        }
        i = close + 1;
      } else if (c === 0x74 || c === 0x66 || c === 0x6e) {
        const word = c === 0x74 ? 'true' : c === 0x66 ? 'false' : 'null';
        if (i + word.length > end) return null;
        for (let k = 1; k < word.length; k++) if (bytes[i + k] !== word.charCodeAt(k)) return null;
        if (target) {
          found = true;
          foundValue = c === 0x74 ? true : c === 0x66 ? false : null;
        }
        i += word.length;
      } else {
        const after = numberEnd(bytes, i, end);
        if (after < 0) return null;
        if (target) {
          found = true;
          foundValue = numberValue(bytes, i, after);
        }
        i = after;
      }
    } else if (state === READ_KEY) {
      if (bytes[i] !== 0x22) return null;
      const close = stringEnd(bytes, i + 1, end);
      if (close < 0) return null;
      const from = i + 1;
      i = close + 1;
      while (i < end && isSpace(bytes[i] as number)) i++;
      if (bytes[i] !== 0x3a) return null;
      i++;
      const parent = levels[depth] as number;
      if (parent >= 0 && keyIs(bytes, from, close, lastStringEscaped, path, parent)) {
        level = parent + 1;
        // A repeated key replaces what an earlier one held, as in JSON.parse.
        found = false;
      } else level = -1;
      state = READ_VALUE;
    } else {
      if (depth === 0) {
        if (i !== end) return null;
        return found ? { found: true, value: foundValue } : NOT_FOUND;
      }
      const d = bytes[i];
      if (d === 0x2c) {
        i++;
        if (kinds[depth] === OBJECT) state = READ_KEY;
        else {
          const index = (counts[depth] as number) + 1;
          counts[depth] = index;
          const parent = levels[depth] as number;
          level = parent >= 0 && path.indexes[parent] === index ? parent + 1 : -1;
          state = READ_VALUE;
        }
      } else if (
        (d === 0x7d && kinds[depth] === OBJECT) ||
        (d === 0x5d && kinds[depth] === ARRAY)
      ) {
        depth--;
        i++;
      } else return null;
    }
  }
}
