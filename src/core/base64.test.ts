import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from './base64.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

function decoded(text: string): Uint8Array {
  const result = base64ToBytes(text);
  if (!result.ok) throw new Error(result.reason);
  return result.bytes;
}

describe('bytesToBase64', () => {
  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg=='],
    ['fooba', 'Zm9vYmE='],
    ['foobar', 'Zm9vYmFy'],
  ])('encodes %j as %j (RFC 4648 §10)', (text, expected) => {
    expect(bytesToBase64(utf8(text))).toBe(expected);
  });

  it('encodes every byte value', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(bytesToBase64(all)).toBe(Buffer.from(all).toString('base64'));
  });

  it('encodes 16 MB, across chunk boundaries, the same as Node does', () => {
    const big = new Uint8Array(16 * 1024 * 1024 + 1);
    for (let i = 0; i < big.length; i++) big[i] = (i * 31 + (i >> 8)) & 0xff;
    expect(bytesToBase64(big) === Buffer.from(big).toString('base64')).toBe(true);
  });
});

describe('base64ToBytes', () => {
  it.each(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'])('round-trips %j', (text) => {
    expect(decoded(bytesToBase64(utf8(text)))).toEqual(utf8(text));
  });

  it('accepts line breaks, missing padding and the URL-safe alphabet', () => {
    expect(decoded('Zm9v\r\nYmFy\n')).toEqual(utf8('foobar'));
    expect(decoded('Zm8')).toEqual(utf8('fo'));
    expect(decoded('Zg')).toEqual(utf8('f'));
    expect(decoded('-_8')).toEqual(Uint8Array.from([0xfb, 0xff]));
    expect(decoded('+/8=')).toEqual(Uint8Array.from([0xfb, 0xff]));
  });

  it('decodes 16 MB the same as Node does', () => {
    const big = new Uint8Array(16 * 1024 * 1024 + 2);
    for (let i = 0; i < big.length; i++) big[i] = (i * 7) & 0xff;
    // Compared as buffers: a deep equality over 16 million elements would take minutes.
    expect(Buffer.from(decoded(Buffer.from(big).toString('base64'))).equals(big)).toBe(true);
  });

  it.each([
    ['Zm9v!', /"!" at position 5/],
    ['Zm9vé', /"é" at position 5/],
    ['Zg==Zg==', /after the '=' padding/],
    ['Z', /single character/],
    ['Zm9vY', /single character/],
    ['Zg=', /padding/],
    ['Zm9v=', /padding/],
    ['Zm8==', /padding/],
  ])('rejects %j, saying why', (text, reason) => {
    const result = base64ToBytes(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
