import { describe, expect, it } from 'vitest';
import { hexDumpLine, hexDumpLineCount } from './hex-dump.ts';

const bytesOf = (...parts: (string | number[])[]) =>
  Uint8Array.from(
    parts.flatMap((part) =>
      typeof part === 'string' ? Array.from(new TextEncoder().encode(part)) : part,
    ),
  );

describe('hexDumpLineCount', () => {
  it.each([
    [0, 0],
    [1, 1],
    [16, 1],
    [17, 2],
    [16 * 1024 * 1024, 1024 * 1024],
    [-1, 0],
    [Number.NaN, 0],
  ])('gives %d bytes %d lines', (length, lines) => {
    expect(hexDumpLineCount(length)).toBe(lines);
  });
});

describe('hexDumpLine', () => {
  it('shows a full line as offset, two groups of eight and the printable text', () => {
    const bytes = bytesOf(
      new Array<number>(16).fill(0x41),
      '{"a": 1}',
      [0x0a, 0x00, 0xff],
      [0, 0, 0, 0, 0],
    );
    expect(hexDumpLine(bytes, 1)).toBe(
      '00000010  7b 22 61 22 3a 20 31 7d  0a 00 ff 00 00 00 00 00  |{"a": 1}........|',
    );
    expect(hexDumpLine(bytes, 0)).toBe(
      '00000000  41 41 41 41 41 41 41 41  41 41 41 41 41 41 41 41  |AAAAAAAAAAAAAAAA|',
    );
  });

  it('pads a short last line so the text column stays aligned', () => {
    const full = hexDumpLine(bytesOf('0123456789abcdef'), 0);
    const short = hexDumpLine(bytesOf('0123456789abcdef', 'xyz'), 1);
    expect(short).toBe('00000010  78 79 7a                                          |xyz|');
    expect(short.indexOf('|')).toBe(full.indexOf('|'));
    const nine = hexDumpLine(bytesOf('123456789'), 0);
    expect(nine).toContain('38  39 ');
    expect(nine.indexOf('|')).toBe(full.indexOf('|'));
  });

  it('shows control bytes, DEL and non-ASCII bytes as dots', () => {
    expect(hexDumpLine(bytesOf([0x1f, 0x7f, 0x80], 'é ~'), 0)).toMatch(/\|\.\.\.\.\. ~\|$/);
  });

  it('gives an empty string for lines outside the payload', () => {
    const bytes = bytesOf('abc');
    expect(hexDumpLine(bytes, 1)).toBe('');
    expect(hexDumpLine(bytes, -1)).toBe('');
    expect(hexDumpLine(bytes, 0.5)).toBe('');
    expect(hexDumpLine(new Uint8Array(), 0)).toBe('');
  });

  it('makes the last line of a 16 MB payload without touching the rest', () => {
    const big = new Uint8Array(16 * 1024 * 1024 + 3).fill(0x2e);
    const last = hexDumpLineCount(big.length) - 1;
    expect(hexDumpLine(big, last)).toMatch(/^01000000 {2}2e 2e 2e {2}/);
  });
});
