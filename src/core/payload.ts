/**
 * Turns payload bytes into something a person can read: text, JSON, or hex for binary.
 *
 * Runs once per message in the ingest worker, so it only ever looks at the head of a
 * payload; a 16 MB retained blob costs the same as a 2 KB one.
 */

export type PayloadFormat = 'empty' | 'text' | 'json' | 'binary';

export interface DecodedPayload {
  format: PayloadFormat;
  /** Text or JSON as sent, or space-separated hex for binary; only the head of the payload. */
  preview: string;
  /** Size of the whole payload in bytes. */
  size: number;
  /** The preview covers only part of the payload. */
  truncated: boolean;
}

/** Hex triples each byte's length, so binary previews cover fewer bytes than text ones. */
export const DEFAULT_HEX_PREVIEW_BYTES = 256;

// Reused: constructing a TextDecoder per message is measurable at 20k/s. Not fatal: input
// is validated first (see isReadableUtf8), and base64 output is plain ASCII.
const utf8 = new TextDecoder('utf-8');

const HEX_PAIRS: readonly string[] = Array.from({ length: 256 }, (_, b) =>
  b.toString(16).padStart(2, '0'),
);

/**
 * Space-separated lower-case hex of the first `maxBytes` bytes (all by default),
 * e.g. `de ad be ef`.
 */
export function toHex(bytes: Uint8Array, maxBytes: number = bytes.length): string {
  const n = Math.min(bytes.length, Math.max(0, maxBytes));
  if (n === 0) return '';
  let out = HEX_PAIRS[bytes[0] as number] as string;
  for (let i = 1; i < n; i++) out += ' ' + (HEX_PAIRS[bytes[i] as number] as string);
  return out;
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** Human byte size with 1024 steps: `512 B`, `1.5 KB`, `16.0 MB`. */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 1024)
    return `${Number.isFinite(n) ? Math.max(0, Math.round(n)) : 0} B`;
  let value = n;
  let unit = 0;
  // Step up while the one-decimal rendering would reach 1024 (1023.97 KB shows as 1.0 MB).
  while (value >= 1023.95 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${UNITS[unit]}`;
}

/** A byte in 0x80..0xBF that continues a multi-byte UTF-8 sequence. */
function isContinuation(b: number | undefined): boolean {
  return b !== undefined && (b & 0xc0) === 0x80;
}

/**
 * Whether `bytes[0, end)` is well-formed UTF-8 (RFC 3629 §4) free of control characters
 * other than tab, line feed and carriage return (C0, DEL, and C1 as `c2 80`–`c2 9f`).
 * Done by hand because a fatal TextDecoder reports bad input by throwing, and a throw per
 * binary message costs several times more than the whole scan.
 */
function isReadableUtf8(bytes: Uint8Array, end: number): boolean {
  let i = 0;
  while (i < end) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f) return false;
      i++;
      continue;
    }
    const b1 = i + 1 < end ? bytes[i + 1] : undefined;
    if (b >= 0xc2 && b <= 0xdf) {
      if (!isContinuation(b1) || (b === 0xc2 && (b1 as number) < 0xa0)) return false; // C1
      i += 2;
    } else if (b >= 0xe0 && b <= 0xef) {
      // E0 needs A0..BF (no overlongs); ED needs 80..9F (no surrogates, RFC 3629 §3).
      if (!isContinuation(b1) || (b === 0xe0 && (b1 as number) < 0xa0)) return false;
      if (b === 0xed && (b1 as number) > 0x9f) return false;
      if (!isContinuation(i + 2 < end ? bytes[i + 2] : undefined)) return false;
      i += 3;
    } else if (b >= 0xf0 && b <= 0xf4) {
      // F0 needs 90..BF (no overlongs); F4 needs 80..8F (nothing above U+10FFFF).
      if (!isContinuation(b1) || (b === 0xf0 && (b1 as number) < 0x90)) return false;
      if (b === 0xf4 && (b1 as number) > 0x8f) return false;
      if (!isContinuation(i + 2 < end ? bytes[i + 2] : undefined)) return false;
      if (!isContinuation(i + 3 < end ? bytes[i + 3] : undefined)) return false;
      i += 4;
    } else {
      return false; // stray continuation byte, C0/C1 overlong lead, or F5..FF
    }
  }
  return true;
}

/**
 * Whether the first character after JSON whitespace (RFC 8259 §2) is `{` or `[`: a cheap
 * test that lets callers skip `JSON.parse` for the plain numbers and words most sensors send.
 */
export function looksLikeJsonContainer(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return c === 0x7b || c === 0x5b;
  }
  return false;
}

function isJsonContainer(text: string): boolean {
  if (!looksLikeJsonContainer(text)) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    // SyntaxError for malformed input; RangeError where an engine recurses on deep nesting.
    return false;
  }
}

/**
 * Classifies and previews a payload, looking at no more than the first `maxPreviewBytes`
 * (plus up to three bytes to finish a UTF-8 character cut at the boundary).
 *
 * - `empty`: zero bytes.
 * - `text`: valid UTF-8 without control characters other than `\t`, `\n`, `\r`.
 * - `json`: text that is a whole JSON object or array (never when truncated, since a
 *   prefix of JSON is not JSON).
 * - `binary`: anything else; the preview is hex of the first `maxHexBytes` bytes.
 *
 * MQTT 5's Payload Format Indicator (§3.3.2.3.2) is only a hint, so the bytes decide.
 */
export function decodePayload(
  bytes: Uint8Array,
  maxPreviewBytes = 2048,
  maxHexBytes = DEFAULT_HEX_PREVIEW_BYTES,
): DecodedPayload {
  const size = bytes.length;
  if (size === 0) return { format: 'empty', preview: '', size, truncated: false };

  let end = Math.min(size, Math.max(0, maxPreviewBytes));
  // A continuation byte (10xxxxxx) right after the cut belongs to a character the cut
  // split; take the rest of it (at most 3 bytes, RFC 3629 §3) so the split is not
  // mistaken for invalid UTF-8.
  for (let extra = 0; extra < 3 && end < size; extra++) {
    if (((bytes[end] as number) & 0xc0) !== 0x80) break;
    end++;
  }

  if (isReadableUtf8(bytes, end)) {
    const text = utf8.decode(bytes.subarray(0, end));
    const truncated = end < size;
    const format = !truncated && isJsonContainer(text) ? 'json' : 'text';
    return { format, preview: text, size, truncated };
  }

  const hexBytes = Math.min(size, Math.max(0, maxHexBytes));
  return { format: 'binary', preview: toHex(bytes, hexBytes), size, truncated: hexBytes < size };
}
