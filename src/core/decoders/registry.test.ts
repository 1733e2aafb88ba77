import { describe, expect, it } from 'vitest';
import { toHex } from '../payload.ts';
import { decodePayload } from './registry.ts';
import { DEFAULT_DECODE_LIMITS } from './types.ts';
import type { DecodeLimits } from './types.ts';

const limits = (changes: Partial<DecodeLimits>) => ({ ...DEFAULT_DECODE_LIMITS, ...changes });

const utf8 = (text: string) => new TextEncoder().encode(text);

/** C0 except tab, LF and CR; DEL; C1. */
const isControl = (ch: string) => {
  const c = ch.charCodeAt(0);
  return (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f);
};

describe('decodePayload', () => {
  it('reports an empty payload as empty', () => {
    expect(decodePayload(new Uint8Array())).toEqual({
      format: 'empty',
      preview: '',
      size: 0,
      truncated: false,
    });
  });

  it('shows plain UTF-8 as text, with tabs and newlines allowed', () => {
    expect(decodePayload(utf8('21.5 °C\tok\r\n'))).toEqual({
      format: 'text',
      preview: '21.5 °C\tok\r\n',
      size: 13, // '°' takes two bytes
      truncated: false,
    });
  });

  it('recognises a JSON object or array, even after leading whitespace', () => {
    expect(decodePayload(utf8('{"t":21.5}')).format).toBe('json');
    expect(decodePayload(utf8(' \n[1, 2, 3]')).format).toBe('json');
  });

  it('treats JSON primitives and malformed JSON as text', () => {
    expect(decodePayload(utf8('21.5')).format).toBe('text');
    expect(decodePayload(utf8('"hello"')).format).toBe('text');
    expect(decodePayload(utf8('{"t": 21.5')).format).toBe('text');
    expect(decodePayload(utf8('[not json]')).format).toBe('text');
  });

  it('calls a whole JSON document json even when its preview is cut', () => {
    const big = JSON.stringify({ values: Array.from({ length: 1000 }, (_, i) => i) });
    const decoded = decodePayload(utf8(big), limits({ previewBytes: 100 }));
    expect(decoded).toMatchObject({ format: 'json', truncated: true, size: big.length });
    expect(decoded.preview).toBe(big.slice(0, 100));
    expect((decoded.value as { values: number[] }).values).toHaveLength(1000);
  });

  it('keeps the parsed JSON value for every consumer', () => {
    expect(decodePayload(utf8('{"t":21.5,"ok":true}')).value).toEqual({ t: 21.5, ok: true });
  });

  it('previews JSON larger than the parse limit as text, without parsing it', () => {
    const big = JSON.stringify({ values: Array.from({ length: 1000 }, (_, i) => i) });
    const decoded = decodePayload(utf8(big), limits({ previewBytes: 100, parseBytes: 1000 }));
    expect(decoded).toMatchObject({ format: 'text', truncated: true });
    expect(decoded.value).toBeUndefined();
  });

  it('survives deeply nested brackets without throwing', () => {
    const deep = utf8('['.repeat(100000));
    expect(() => decodePayload(deep, limits({ previewBytes: 200000 }))).not.toThrow();
    expect(decodePayload(deep, limits({ previewBytes: 200000 })).format).toBe('text');
    const balanced = utf8('['.repeat(100000) + ']'.repeat(100000));
    expect(() => decodePayload(balanced, limits({ previewBytes: 300000 }))).not.toThrow();
  });

  it('keeps a multi-byte character whole when the preview cut falls inside it', () => {
    // 'é' is 2 bytes, '€' is 3 bytes, '😀' is 4 bytes; each straddles byte 4.
    for (const char of ['é', '€', '😀']) {
      const text = 'abc' + char + 'xyz';
      const decoded = decodePayload(utf8(text), limits({ previewBytes: 4 }));
      expect(decoded.format).toBe('text');
      expect(decoded.preview).toBe('abc' + char);
      expect(decoded.truncated).toBe(true);
    }
  });

  it('does not mark a payload that fits exactly as truncated', () => {
    expect(decodePayload(utf8('abcd'), limits({ previewBytes: 4 }))).toMatchObject({
      preview: 'abcd',
      truncated: false,
    });
  });

  it('shows invalid UTF-8 as hex', () => {
    const decoded = decodePayload(new Uint8Array([0xde, 0xad, 0xbe, 0xef]));
    expect(decoded).toEqual({
      format: 'binary',
      preview: 'de ad be ef',
      size: 4,
      truncated: false,
    });
  });

  it('shows a character cut short at the end of the payload as binary', () => {
    const bytes = utf8('ab€').subarray(0, 4); // 'a', 'b', and 2 of the 3 bytes of '€'
    expect(decodePayload(bytes).format).toBe('binary');
  });

  it('shows valid UTF-8 with control characters as binary', () => {
    expect(decodePayload(utf8('a\u0000b')).format).toBe('binary');
    expect(decodePayload(utf8('bell\u0007')).format).toBe('binary');
    expect(decodePayload(utf8('del\u007f')).format).toBe('binary');
    expect(decodePayload(utf8('c1\u0085')).format).toBe('binary');
  });

  it.each([
    ['an overlong encoding', [0xc0, 0x80]],
    ['an overlong three-byte form', [0xe0, 0x80, 0x80]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a stray continuation byte', [0x61, 0x80]],
    ['a lead byte that cannot start anything', [0xf8, 0x80, 0x80, 0x80]],
    ['a sequence interrupted by ASCII', [0xe2, 0x82, 0x41]],
  ])('shows %s as binary', (_name, bytes) => {
    expect(decodePayload(new Uint8Array(bytes)).format).toBe('binary');
  });

  it('agrees with a strict TextDecoder on which byte strings are readable text', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    const ascii = [0x00, 0x09, 0x0a, 0x41, 0x7e, 0x7f];
    const continuations = [0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf];
    const leads = [0xc0, 0xc2, 0xdf, 0xe0, 0xe1, 0xed, 0xee, 0xf0, 0xf1, 0xf4, 0xf5, 0xff];
    let seed = 42;
    const random = (n: number) => {
      // mulberry32: small, seedable, and good in the low bits, unlike a plain LCG.
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    const pick = (from: number[]) => from[random(from.length)] as number;
    let multiByteTexts = 0;
    for (let run = 0; run < 5000; run++) {
      // A few characters, each ASCII or a lead byte followed by 0-3 continuation bytes.
      const list: number[] = [];
      for (let chars = 1 + random(3); chars > 0; chars--) {
        if (random(2) === 0) list.push(pick(ascii));
        else {
          list.push(pick(leads));
          for (let k = random(4); k > 0; k--) list.push(pick(continuations));
        }
      }
      const bytes = Uint8Array.from(list);
      let expected: 'text' | 'binary';
      try {
        const text = strict.decode(bytes);
        expected = [...text].some(isControl) ? 'binary' : 'text';
      } catch {
        expected = 'binary';
      }
      expect(decodePayload(bytes).format, toHex(bytes)).toBe(expected);
      if (expected === 'text' && bytes.some((b) => b >= 0x80)) multiByteTexts++;
    }
    expect(multiByteTexts).toBeGreaterThan(20); // the generator did reach valid multi-byte text
  });

  it('limits the hex preview and flags it as truncated', () => {
    const bytes = new Uint8Array(1000).fill(0xff);
    const decoded = decodePayload(bytes, limits({ previewBytes: 2048, hexBytes: 4 }));
    expect(decoded).toEqual({
      format: 'binary',
      preview: 'ff ff ff ff',
      size: 1000,
      truncated: true,
    });
  });

  it('reads only the head of a 16 MB payload', () => {
    const bytes = new Uint8Array(16 * 1024 * 1024).fill(0x61); // 'a'
    const decoded = decodePayload(bytes);
    expect(decoded.format).toBe('text');
    expect(decoded.size).toBe(16 * 1024 * 1024);
    expect(decoded.truncated).toBe(true);
    expect(decoded.preview).toHaveLength(2048);
  });

  it('classifies a 16 MB binary payload by its head', () => {
    const bytes = new Uint8Array(16 * 1024 * 1024);
    bytes[0] = 0xff;
    const decoded = decodePayload(bytes);
    expect(decoded).toMatchObject({ format: 'binary', truncated: true });
    expect(decoded.preview.startsWith('ff 00 00')).toBe(true);
  });
});
