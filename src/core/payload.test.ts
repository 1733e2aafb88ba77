import { describe, expect, it } from 'vitest';
import { formatBytes, looksLikeJsonContainer, toHex } from './payload.ts';

describe('looksLikeJsonContainer', () => {
  it.each([
    ['{"a":1}', true],
    [' \r\n\t[1]', true],
    ['{ broken', true],
    ['21.5', false],
    ['"x"', false],
    ['', false],
    ['   ', false],
  ])('says %j → %s', (text, expected) => {
    expect(looksLikeJsonContainer(text)).toBe(expected);
  });
});

describe('toHex', () => {
  it('writes space-separated lower-case pairs', () => {
    expect(toHex(new Uint8Array([0, 1, 0x0a, 0xff]))).toBe('00 01 0a ff');
  });

  it('stops after maxBytes', () => {
    expect(toHex(new Uint8Array([1, 2, 3, 4]), 2)).toBe('01 02');
    expect(toHex(new Uint8Array([1, 2]), 10)).toBe('01 02');
    expect(toHex(new Uint8Array([1, 2]), 0)).toBe('');
  });

  it('writes nothing for no bytes', () => {
    expect(toHex(new Uint8Array())).toBe('');
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [1023, '1023 B'],
    [1024, '1.0 KB'],
    [1536, '1.5 KB'],
    [1024 * 1024 - 1, '1.0 MB'],
    [16 * 1024 * 1024, '16.0 MB'],
    [3 * 1024 ** 3, '3.0 GB'],
  ])('formats %d bytes as %j', (n, expected) => {
    expect(formatBytes(n)).toBe(expected);
  });
});
