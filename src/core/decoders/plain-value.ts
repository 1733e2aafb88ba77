/**
 * Decoded values as plain data: what a binary decoder's library hands back (bigint, Map,
 * Uint8Array, Date, class instances) turned into objects, arrays, strings, numbers, booleans and
 * null, so the value crosses to the page by structured clone and a JSON path reads it as it
 * reads parsed JSON. Also the compact one-line preview of such a value.
 */
import { formatBytes, toHex } from '../payload.ts';
import type { DecodeLimits, DecodedPayload, PayloadFormat } from './types.ts';

/** Deeper structures are cut: a hostile payload must not overflow the stack. */
export const MAX_VALUE_DEPTH = 64;

/** Bytes shown as hex inside a value; longer byte strings are cut with their size said. */
const VALUE_HEX_BYTES = 64;

/** An integer as a number when it is exactly representable, else as its decimal string. */
export function plainInteger(value: bigint): number | string {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(value)
    : value.toString();
}

/**
 * A 32-bit float as the shortest decimal that reads back as the same float32: a sensor's
 * `21.7f` shows as 21.7, not as 21.700000762939453 (its exact value as a double).
 */
export function shortFloat32(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return value;
  // Most readings have a few decimals: found by arithmetic, which is far cheaper than text.
  for (let scale = 10; scale <= 1_000_000; scale *= 10) {
    const short = Math.round(value * scale) / scale;
    if (Math.fround(short) === value) return short;
  }
  for (let digits = 1; digits < 9; digits++) {
    const short = Number(value.toPrecision(digits));
    if (Math.fround(short) === value) return short;
  }
  return value;
}

/** Bytes inside a value: hex, cut after 64 bytes with the whole size said. */
export function plainBytes(bytes: Uint8Array): string {
  if (bytes.length <= VALUE_HEX_BYTES) return toHex(bytes);
  return `${toHex(bytes, VALUE_HEX_BYTES)} … (${bytes.length} bytes)`;
}

/**
 * Sets a key as an own, enumerable property: a key named `__proto__` stays a key instead of
 * replacing the prototype (as JSON.parse does).
 */
export function setKey(target: Record<string, unknown>, key: string, value: unknown): void {
  // Plain assignment otherwise: defining every property is many times slower.
  if (key !== '__proto__') target[key] = value;
  else
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
}

/** A map key as an object key: strings as they are, anything else as its plain JSON text. */
function keyText(key: unknown, depth: number): string {
  if (typeof key === 'string') return key;
  const plain = toPlainValue(key, undefined, depth + 1);
  return typeof plain === 'string' ? plain : (JSON.stringify(plain) ?? String(plain));
}

/**
 * Turns a decoder's output into plain data. `special` may convert a library's own types first
 * (a CBOR tag, a MessagePack extension) and returns undefined for anything it leaves alone.
 */
export function toPlainValue(
  value: unknown,
  special?: (value: object) => unknown,
  depth = 0,
): unknown {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return value;
    case 'bigint':
      return plainInteger(value);
    case 'object':
      break;
    default:
      return String(value);
  }
  if (depth >= MAX_VALUE_DEPTH) return '… (nested too deep)';
  if (ArrayBuffer.isView(value)) {
    return plainBytes(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
  }
  if (value instanceof ArrayBuffer) return plainBytes(new Uint8Array(value));
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : value.toISOString();
  }
  if (special) {
    const converted = special(value);
    if (converted !== undefined) return toPlainValue(converted, special, depth + 1);
  }
  if (Array.isArray(value)) return value.map((item) => toPlainValue(item, special, depth + 1));
  const out: Record<string, unknown> = {};
  if (value instanceof Map) {
    for (const [key, item] of value) {
      setKey(out, keyText(key, depth), toPlainValue(item, special, depth + 1));
    }
    return out;
  }
  for (const key of Object.keys(value)) {
    setKey(out, key, toPlainValue((value as Record<string, unknown>)[key], special, depth + 1));
  }
  return out;
}

/** A value's preview text as it is written; `full` once past the budget. */
interface PreviewText {
  text: string;
  budget: number;
  full: boolean;
}

function write(out: PreviewText, part: string): void {
  out.text += part;
  if (out.text.length > out.budget) out.full = true;
}

/** A number, string, boolean or null as the preview shows it. */
export function previewScalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function writeValue(out: PreviewText, item: unknown, depth: number): void {
  if (item === null || typeof item !== 'object') return write(out, previewScalar(item));
  if (depth >= MAX_VALUE_DEPTH) return write(out, '…');
  if (Array.isArray(item)) {
    write(out, '[');
    for (let i = 0; i < item.length && !out.full; i++) {
      if (i > 0) write(out, ',');
      writeValue(out, item[i], depth + 1);
    }
    return write(out, ']');
  }
  write(out, '{');
  const keys = Object.keys(item);
  for (let i = 0; i < keys.length && !out.full; i++) {
    const key = keys[i] as string;
    write(out, `${i > 0 ? ',' : ''}${JSON.stringify(key)}:`);
    writeValue(out, (item as Record<string, unknown>)[key], depth + 1);
  }
  write(out, '}');
}

/**
 * A compact, JSON-like line of a plain value (`{"t":21.5,"ok":true}`), at most `maxChars`
 * long: only as much of the value is visited as fits.
 */
export function previewValue(
  value: unknown,
  maxChars: number,
): { text: string; truncated: boolean } {
  const out: PreviewText = { text: '', budget: Math.max(0, maxChars), full: false };
  writeValue(out, value, 0);
  return out.full
    ? { text: out.text.slice(0, out.budget), truncated: true }
    : { text: out.text, truncated: false };
}

/** Throws, in words, for a payload too large to parse without stalling the stream. */
export function assertParseable(payload: Uint8Array, parseBytes: number): void {
  if (payload.length > parseBytes) {
    throw new Error(`it is larger than ${formatBytes(parseBytes)}, too large to decode`);
  }
}

/** The decoded form of a payload whose value is plain data: a compact preview of the value. */
export function structuredPayload(
  format: PayloadFormat,
  value: unknown,
  size: number,
  limits: DecodeLimits,
): DecodedPayload {
  const { text, truncated } = previewValue(value, limits.previewBytes);
  return { format, preview: text, size, truncated, value };
}
