/** UTF-8 checks shared by the text decoders (RFC 3629). */

// Reused: constructing a TextDecoder per message is measurable at 20k/s. Not fatal: input
// is validated first (see isReadableUtf8).
export const utf8Decoder = new TextDecoder('utf-8');

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
export function isReadableUtf8(bytes: Uint8Array, end: number = bytes.length): boolean {
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
 * Where to cut a payload for a preview of about `maxBytes`: a continuation byte right after
 * the cut belongs to a character the cut split, so the rest of it (at most 3 bytes, RFC 3629
 * §3) is taken too, and the split is not mistaken for invalid UTF-8.
 */
export function previewEnd(bytes: Uint8Array, maxBytes: number): number {
  let end = Math.min(bytes.length, Math.max(0, maxBytes));
  for (let extra = 0; extra < 3 && end < bytes.length; extra++) {
    if (((bytes[end] as number) & 0xc0) !== 0x80) break;
    end++;
  }
  return end;
}

/** The readable head of a payload already known to be readable UTF-8 up to `end`. */
export function textPreview(bytes: Uint8Array, end: number): string {
  return utf8Decoder.decode(end === bytes.length ? bytes : bytes.subarray(0, end));
}
