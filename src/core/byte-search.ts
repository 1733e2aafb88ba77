/**
 * Finding text in payload bytes without decoding them: the recorder searches a million
 * payloads per query, and decoding each one to a string would cost more than the search.
 */
import { utf8Decoder } from './decoders/utf8.ts';

/**
 * The first index at or after `from` where `needle` occurs in `haystack`, or -1. An empty
 * needle is found at `from` (clamped to the haystack), as `String.prototype.indexOf` does.
 * Scans for the needle's first byte with the engine's native `indexOf`, then compares the
 * last byte and the rest, so a typical search touches each byte about once.
 */
export function indexOfBytes(haystack: Uint8Array, needle: Uint8Array, from: number = 0): number {
  const start = Math.max(0, Math.min(Math.trunc(from) || 0, haystack.length));
  const m = needle.length;
  if (m === 0) return start;
  const lastStart = haystack.length - m;
  const first = needle[0] as number;
  const lastByte = needle[m - 1] as number;
  let i = haystack.indexOf(first, start);
  while (i >= 0 && i <= lastStart) {
    if (haystack[i + m - 1] === lastByte && equalAt(haystack, i, needle)) return i;
    i = haystack.indexOf(first, i + 1);
  }
  return -1;
}

function equalAt(haystack: Uint8Array, at: number, needle: Uint8Array): boolean {
  for (let j = 1; j < needle.length - 1; j++) if (haystack[at + j] !== needle[j]) return false;
  return true;
}

/** ASCII upper-case letters to lower case; every other byte, including UTF-8 bytes, unchanged. */
function foldAscii(b: number): number {
  return b >= 0x41 && b <= 0x5a ? b | 0x20 : b;
}

function isAsciiLetter(b: number): boolean {
  const folded = b | 0x20;
  return folded >= 0x61 && folded <= 0x7a;
}

/** `needle` is already folded; the bytes of `haystack` are folded as they are compared. */
function foldedEqualAt(haystack: Uint8Array, at: number, needle: Uint8Array): boolean {
  for (let j = 0; j < needle.length; j++)
    if (foldAscii(haystack[at + j] as number) !== needle[j]) return false;
  return true;
}

/**
 * Whether `needle` (already folded, ASCII only) occurs in `haystack` ignoring ASCII case.
 * Anchors on one byte of the needle found with native `indexOf`: a non-letter when there is
 * one (`{`, a digit, a space: one scan), else the first letter in both cases (two scans,
 * merged in order).
 */
function includesFolded(haystack: Uint8Array, needle: Uint8Array, anchor: number): boolean {
  const m = needle.length;
  const lower = needle[anchor] as number;
  const upper = isAsciiLetter(lower) ? lower & ~0x20 : -1;
  const lastStart = haystack.length - m;
  let nextLower = haystack.indexOf(lower, anchor);
  let nextUpper = upper < 0 ? -1 : haystack.indexOf(upper, anchor);
  while (nextLower >= 0 || nextUpper >= 0) {
    const useLower = nextUpper < 0 || (nextLower >= 0 && nextLower < nextUpper);
    const at = (useLower ? nextLower : nextUpper) - anchor;
    if (at > lastStart) return false;
    if (foldedEqualAt(haystack, at, needle)) return true;
    if (useLower) nextLower = haystack.indexOf(lower, nextLower + 1);
    else nextUpper = haystack.indexOf(upper, nextUpper + 1);
  }
  return false;
}

export interface TextMatcherOptions {
  caseSensitive: boolean;
}

/**
 * A test for whether a payload contains `text`, as UTF-8 bytes. An empty text matches
 * every payload. Case-sensitive matching compares bytes exactly, so it also works on
 * payloads that are not valid UTF-8.
 *
 * Case-insensitive matching of an ASCII text folds ASCII letters only (`a`–`z` = `A`–`Z`),
 * still on the bytes. A text with non-ASCII characters (`température`, `ÜBER`) is matched
 * case-insensitively by decoding each payload and comparing `toLowerCase()` forms, which is
 * slower but knows the case of every script.
 */
export function createTextMatcher(
  text: string,
  { caseSensitive }: TextMatcherOptions,
): (payload: Uint8Array) => boolean {
  if (text === '') return () => true;
  const needle = new TextEncoder().encode(text);
  if (caseSensitive) return (payload) => indexOfBytes(payload, needle) >= 0;

  if (needle.some((b) => b >= 0x80)) {
    const lowered = text.toLowerCase();
    return (payload) => utf8Decoder.decode(payload).toLowerCase().includes(lowered);
  }
  const folded = needle.map(foldAscii);
  const nonLetter = folded.findIndex((b) => !isAsciiLetter(b));
  const anchor = nonLetter >= 0 ? nonLetter : 0;
  return (payload) => payload.length >= folded.length && includesFolded(payload, folded, anchor);
}

/** Tests whether `bytes[start…end)` holds the text; no view or string is made per payload. */
export type RangeMatcher = (bytes: Uint8Array, start: number, end: number) => boolean;

/**
 * {@link createTextMatcher} for payloads that sit inside a larger buffer (the recorder's
 * chunks): the search walks the range in a plain loop the engine compiles tightly, instead of
 * making a subarray and calling `indexOf` for each of a million payloads (3 to 5 times faster).
 * Non-ASCII text with case-insensitive matching decodes the range, as createTextMatcher does.
 */
export function createRangeMatcher(
  text: string,
  { caseSensitive }: TextMatcherOptions,
): RangeMatcher {
  if (text === '') return () => true;
  const raw = new TextEncoder().encode(text);
  if (!caseSensitive && raw.some((b) => b >= 0x80)) {
    const lowered = text.toLowerCase();
    return (bytes, start, end) =>
      utf8Decoder.decode(bytes.subarray(start, end)).toLowerCase().includes(lowered);
  }
  const fold = !caseSensitive;
  const needle = fold ? raw.map(foldAscii) : raw;
  const m = needle.length;
  const first = needle[0] as number;
  return (bytes, start, end) => {
    const last = end - m;
    for (let i = start; i <= last; i++) {
      let b = bytes[i] as number;
      if (fold && b >= 0x41 && b <= 0x5a) b |= 0x20;
      if (b !== first) continue;
      let j = 1;
      for (; j < m; j++) {
        let c = bytes[i + j] as number;
        if (fold && c >= 0x41 && c <= 0x5a) c |= 0x20;
        if (c !== needle[j]) break;
      }
      if (j === m) return true;
    }
    return false;
  };
}
