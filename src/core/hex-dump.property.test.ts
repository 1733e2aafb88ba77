import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HEX_DUMP_BYTES_PER_LINE, hexDumpLine, hexDumpLineCount } from './hex-dump.ts';

const bytes = fc.uint8Array({ maxLength: 100 });
const anyIndex = fc.oneof(
  fc.integer({ min: -3, max: 10 }),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, Infinity, -Infinity, NaN),
);

/** One line read back: its offset, its bytes from the hex columns, and its text column. */
function readLine(line: string) {
  const match = /^([0-9a-f]{8,}) {2}(.{49}) \|(.*)\|$/s.exec(line);
  if (!match) throw new Error(`not a dump line: ${JSON.stringify(line)}`);
  const [, offset = '', hex = '', ascii = ''] = match;
  return {
    offset: parseInt(offset, 16),
    bytes: hex
      .trim()
      .split(/ +/)
      .filter((pair) => pair !== '')
      .map((pair) => parseInt(pair, 16)),
    ascii,
  };
}

describe('hex dump, for any bytes and line numbers', () => {
  it('never throws, and a line outside the dump is empty', () => {
    fc.assert(
      fc.property(bytes, anyIndex, (input, index) => {
        const line = hexDumpLine(input, index);
        const inside =
          Number.isInteger(index) && index >= 0 && index < hexDumpLineCount(input.length);
        expect(line === '').toBe(!inside);
      }),
    );
  });

  it('counts the lines of any length, nonsense lengths as none', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -5, max: 10_000 }), fc.double()), (length) => {
        const count = hexDumpLineCount(length);
        expect(count).toBe(length > 0 && Number.isFinite(length) ? Math.ceil(length / 16) : 0);
      }),
    );
  });

  it('gives back every byte in order, at its offset, with a printable text column', () => {
    fc.assert(
      fc.property(bytes, (input) => {
        const lines = Array.from({ length: hexDumpLineCount(input.length) }, (_, i) =>
          readLine(hexDumpLine(input, i)),
        );
        lines.forEach((line, i) => {
          expect(line.offset).toBe(i * HEX_DUMP_BYTES_PER_LINE);
          expect(line.ascii).toHaveLength(line.bytes.length);
          expect(line.ascii).toMatch(/^[\x20-\x7e]*$/);
        });
        expect(lines.flatMap((line) => line.bytes)).toEqual([...input]);
      }),
    );
  });
});
