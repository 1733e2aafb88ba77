/**
 * What the publish form sends: its text turned into the payload's bytes, in the mode the user
 * chose, and refused with a reason before anything leaves the page (issue 16).
 */
import { base64ToBytes } from './base64.ts';
import { formatBytes } from './payload.ts';

/** How the payload field is read. A file's bytes are taken as they are. */
export type PayloadMode = 'text' | 'json' | 'hex' | 'base64';

export const PAYLOAD_MODES: readonly PayloadMode[] = ['text', 'json', 'hex', 'base64'];

export type Encoded = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

const encoder = new TextEncoder();

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  return -1;
}

/**
 * Reads hex digits into bytes: `01 ff A0`, `01ffa0` and line breaks all read the same. An odd
 * number of digits is refused: the last byte would be half a byte.
 */
export function hexToBytes(text: string): Encoded {
  const out = new Uint8Array(text.length >> 1);
  let written = 0;
  let high = -1;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) continue;
    const value = hexValue(c);
    if (value < 0) {
      return {
        ok: false,
        reason: `Not hex: the character ${JSON.stringify(text[i] ?? '')} at position ${i + 1} is not one of 0–9 and a–f.`,
      };
    }
    digits++;
    if (high < 0) high = value;
    else {
      out[written++] = (high << 4) | value;
      high = -1;
    }
  }
  if (high >= 0) {
    return {
      ok: false,
      reason: `Not hex: ${digits} digits is an odd number; each byte needs two digits.`,
    };
  }
  return { ok: true, bytes: out.slice(0, written) };
}

/** Where a JSON text stops being JSON: the offset (0-based), its line and column (1-based). */
export interface JsonError {
  reason: string;
  offset: number;
  line: number;
  column: number;
}

class JsonStop {
  constructor(
    readonly offset: number,
    readonly expected: string,
  ) {}
}

/** Nesting deeper than this is refused, so a hostile text cannot overflow the stack. */
const MAX_JSON_DEPTH = 512;

/**
 * A strict JSON (RFC 8259) reader that says where the first error is. `JSON.parse` accepts
 * and refuses the same texts, but its message and whether it gives a position differ between
 * browsers; this one always says which line and column, and what was expected there.
 */
function scanJson(text: string): JsonStop | null {
  let i = 0;
  const n = text.length;
  const skip = () => {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
  };
  const literal = (word: string) => {
    for (let k = 0; k < word.length; k++) {
      if (text[i + k] !== word[k]) throw new JsonStop(i + k, `'${word}'`);
    }
    i += word.length;
  };
  const string = () => {
    i++; // the opening quote
    for (;;) {
      if (i >= n) throw new JsonStop(i, "a closing '\"'");
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) throw new JsonStop(i, "'\\n' or another escape instead of a control character");
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          for (let k = 2; k < 6; k++) {
            if (hexValue(text.charCodeAt(i + k)) < 0) {
              throw new JsonStop(i + k, 'four hex digits after \\u');
            }
          }
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else throw new JsonStop(i + 1, 'an escape: one of " \\ / b f n r t u');
        continue;
      }
      i++;
    }
  };
  const digits = () => {
    const start = i;
    while (i < n && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
    if (i === start) throw new JsonStop(i, 'a digit');
  };
  const number = () => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else digits();
    if (text[i] === '.') {
      i++;
      digits();
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      digits();
    }
  };
  const value = (depth: number): void => {
    if (depth > MAX_JSON_DEPTH)
      throw new JsonStop(i, `at most ${MAX_JSON_DEPTH} levels of nesting`);
    skip();
    const c = text[i];
    if (c === '{') {
      i++;
      skip();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        skip();
        if (text[i] !== '"') throw new JsonStop(i, 'a property name in double quotes');
        string();
        skip();
        if (text[i] !== ':') throw new JsonStop(i, "':' after the property name");
        i++;
        value(depth + 1);
        skip();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        throw new JsonStop(i, "',' or '}'");
      }
    }
    if (c === '[') {
      i++;
      skip();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        skip();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        throw new JsonStop(i, "',' or ']'");
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    throw new JsonStop(i, 'a value: an object, array, string, number, true, false or null');
  };
  try {
    value(0);
    skip();
    if (i < n) throw new JsonStop(i, 'the end of the text after one complete value');
    return null;
  } catch (stop) {
    if (stop instanceof JsonStop) return stop;
    throw stop;
  }
}

/** Line and column (1-based, columns in UTF-16 code units as an editor counts) of `offset`. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Null when `text` is one JSON value; else where and why it is not. */
export function findJsonError(text: string): JsonError | null {
  const stop = scanJson(text);
  if (!stop) return null;
  const { line, column } = lineAndColumn(text, stop.offset);
  const found =
    stop.offset >= text.length ? 'the text ends' : `found ${JSON.stringify(text[stop.offset])}`;
  return {
    offset: stop.offset,
    line,
    column,
    reason: `Not JSON: at line ${line}, column ${column} ${found}; expected ${stop.expected}.`,
  };
}

/** The JSON text indented by two spaces, or the reason it cannot be. */
export function formatJson(
  text: string,
): { ok: true; text: string } | { ok: false; reason: string } {
  const error = findJsonError(text);
  if (error) return { ok: false, reason: error.reason };
  return { ok: true, text: JSON.stringify(JSON.parse(text), null, 2) };
}

/** The payload's bytes for the field's `text` read as `mode`, or why it cannot be sent. */
export function encodePayload(mode: PayloadMode, text: string): Encoded {
  switch (mode) {
    case 'text':
      return { ok: true, bytes: encoder.encode(text) };
    case 'json': {
      const error = findJsonError(text);
      return error
        ? { ok: false, reason: error.reason }
        : { ok: true, bytes: encoder.encode(text) };
    }
    case 'hex':
      return hexToBytes(text);
    case 'base64':
      return base64ToBytes(text);
  }
}

/** §2.2.3: the Remaining Length is at most 268,435,455 (four bytes of 7 bits). */
export const MAX_REMAINING_LENGTH = 268_435_455;

function varIntLength(value: number): number {
  if (value < 128) return 1;
  if (value < 16_384) return 2;
  if (value < 2_097_152) return 3;
  return 4;
}

/**
 * The size of the whole PUBLISH packet (MQTT 5 §3.3): fixed header, topic, packet identifier
 * (QoS 1 and 2), properties (MQTT 5: their encoded length, 0 for none) and payload.
 */
export function publishPacketSize(
  topicBytes: number,
  payloadBytes: number,
  qos: 0 | 1 | 2,
  properties: { v5: boolean; length: number },
): number {
  const propertyPart = properties.v5 ? varIntLength(properties.length) + properties.length : 0;
  const remaining = 2 + topicBytes + (qos > 0 ? 2 : 0) + propertyPart + payloadBytes;
  return 1 + varIntLength(remaining) + remaining;
}

/**
 * Refuses a PUBLISH the broker would refuse by its size: larger than the Maximum Packet Size
 * its CONNACK announced (MQTT 5 §3.2.2.3.6; null when it said none) or than any MQTT packet.
 */
export function checkPacketSize(
  packetSize: number,
  brokerMaximum: number | null,
): { ok: true } | { ok: false; reason: string } {
  if (brokerMaximum !== null && packetSize > brokerMaximum) {
    return {
      ok: false,
      reason: `The message is ${formatBytes(packetSize)} as a packet; the broker accepts at most ${formatBytes(brokerMaximum)} (the Maximum Packet Size in its CONNACK).`,
    };
  }
  if (packetSize > MAX_REMAINING_LENGTH + 5) {
    return {
      ok: false,
      reason: `The message is ${formatBytes(packetSize)}; an MQTT packet holds at most 256 MB.`,
    };
  }
  return { ok: true };
}

/** UTF-8 length of a string without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
