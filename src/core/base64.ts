/**
 * Base64 (RFC 4648 §4) for the message detail and for exports and imports. Both directions
 * handle a 16 MB payload in one pass, with no string built per byte.
 */
import { utf8Decoder } from './decoders/utf8.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const ALPHABET_CODES = Uint8Array.from(ALPHABET, (ch) => ch.charCodeAt(0));
const PAD = 0x3d; // '='

/**
 * Standard base64 with padding, as `btoa` would give, for any length of bytes. Written as
 * one pass into a byte buffer turned into text once: `btoa` needs a "binary string" built
 * from chunks first, and Node's `btoa` takes over a second for 16 MB.
 */
export function bytesToBase64(bytes: Uint8Array): string {
  const n = bytes.length;
  const out = new Uint8Array(Math.ceil(n / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const triple =
      ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out[o++] = ALPHABET_CODES[triple >> 18] as number;
    out[o++] = ALPHABET_CODES[(triple >> 12) & 63] as number;
    out[o++] = ALPHABET_CODES[(triple >> 6) & 63] as number;
    out[o++] = ALPHABET_CODES[triple & 63] as number;
  }
  if (i < n) {
    const b0 = bytes[i] as number;
    const b1 = i + 1 < n ? (bytes[i + 1] as number) : 0;
    out[o++] = ALPHABET_CODES[b0 >> 2] as number;
    out[o++] = ALPHABET_CODES[((b0 & 3) << 4) | (b1 >> 4)] as number;
    out[o++] = i + 1 < n ? (ALPHABET_CODES[(b1 & 15) << 2] as number) : PAD;
    out[o] = PAD;
  }
  // The output is ASCII, which UTF-8 decodes on its fast path.
  return utf8Decoder.decode(out);
}

export type Base64Result = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

/** 6-bit value of each ASCII code, -1 for codes outside the alphabet. */
const SEXTETS: Int8Array = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  // The URL-safe alphabet (RFC 4648 §5) too: files written by other tools use either.
  table[0x2d] = 62; // '-'
  table[0x5f] = 63; // '_'
  return table;
})();

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/**
 * Decodes base64 text into bytes. Accepts the standard and the URL-safe alphabet, line
 * breaks and spaces anywhere (MIME wraps at 76 characters), and missing padding. Says in
 * words what is wrong otherwise: a character outside the alphabet, text after the padding,
 * or a length no encoder produces.
 */
export function base64ToBytes(text: string): Base64Result {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4) + 3);
  let written = 0;
  let buffer = 0;
  let sextets = 0; // sextets collected in the current quantum of 4
  let padding = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isWhitespace(c)) continue;
    if (c === PAD) {
      padding++;
      continue;
    }
    const value = c < 128 ? (SEXTETS[c] as number) : -1;
    if (value < 0) {
      return {
        ok: false,
        reason: `Not base64: the character ${JSON.stringify(text[i] ?? '')} at position ${i + 1} is not one of A–Z, a–z, 0–9, + and /.`,
      };
    }
    if (padding > 0) {
      return {
        ok: false,
        reason: `Not base64: there is text after the '=' padding, at position ${i + 1}.`,
      };
    }
    buffer = (buffer << 6) | value;
    sextets++;
    if (sextets === 4) {
      out[written++] = (buffer >> 16) & 0xff;
      out[written++] = (buffer >> 8) & 0xff;
      out[written++] = buffer & 0xff;
      buffer = 0;
      sextets = 0;
    }
  }
  // A last quantum of 2 or 3 sextets holds 1 or 2 bytes; 1 sextet (6 bits) is not a byte.
  if (sextets === 1) {
    return {
      ok: false,
      reason: 'Not base64: the text ends with a single character that cannot stand for a byte.',
    };
  }
  if (padding > 0 && (sextets === 0 || padding !== 4 - sextets)) {
    return { ok: false, reason: "Not base64: the '=' padding at the end does not fit its length." };
  }
  if (sextets === 2) {
    out[written++] = (buffer >> 4) & 0xff;
  } else if (sextets === 3) {
    out[written++] = (buffer >> 10) & 0xff;
    out[written++] = (buffer >> 2) & 0xff;
  }
  return { ok: true, bytes: out.slice(0, written) };
}
