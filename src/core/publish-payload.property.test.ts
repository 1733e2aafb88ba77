import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  encodePayload,
  findJsonError,
  formatJson,
  hexToBytes,
  utf8Length,
} from './publish-payload.ts';
import { toHex } from './payload.ts';
import { anyText, codeUnits, textOf } from './test-arbitraries.ts';

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('payload encoding, for any input', () => {
  it('hex: bytes written as hex, with any spacing, read back as the same bytes', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 100 }),
        fc.constantFrom('', ' ', '\n', '  '),
        (input, gap) => {
          const text = [...input].map((b) => b.toString(16).padStart(2, '0')).join(gap);
          expect(hexToBytes(text)).toEqual({ ok: true, bytes: input });
          expect(hexToBytes(text.toUpperCase())).toEqual({ ok: true, bytes: input });
        },
      ),
    );
  });

  it('hex: hexToBytes reads back what toHex writes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (input) => {
        expect(hexToBytes(toHex(input))).toEqual({ ok: true, bytes: input });
      }),
    );
  });

  it('hex: never throws, and accepts exactly an even number of hex digits and spaces', () => {
    fc.assert(
      fc.property(textOf(['0', 'a', 'F', '9', ' ', '\n', 'g', 'x']), (text) => {
        const result = hexToBytes(text);
        const digits = text.replace(/\s/g, '');
        const valid = /^[0-9a-fA-F]*$/.test(digits) && digits.length % 2 === 0;
        expect(result.ok).toBe(valid);
        if (result.ok) expect(result.bytes.length).toBe(digits.length / 2);
      }),
    );
  });

  it('JSON: accepts and refuses exactly what JSON.parse does', () => {
    const text = fc.oneof(
      fc.json().map((json) => json),
      textOf([
        '{',
        '}',
        '[',
        ']',
        '"',
        ':',
        ',',
        '1',
        '-',
        '.',
        'e',
        'true',
        'null',
        ' ',
        '\\',
        'u',
        '0',
      ]),
      codeUnits(),
    );
    fc.assert(
      fc.property(text, (input) => {
        expect(findJsonError(input) === null).toBe(parses(input));
      }),
      { numRuns: 2_000 },
    );
  });

  it('JSON: the error position is inside the text or at its end', () => {
    fc.assert(
      fc.property(anyText(60), (input) => {
        const error = findJsonError(input);
        if (error) {
          expect(error.offset).toBeGreaterThanOrEqual(0);
          expect(error.offset).toBeLessThanOrEqual(input.length);
          expect(error.line).toBe(input.slice(0, error.offset).split('\n').length);
        }
      }),
    );
  });

  it('JSON: formatting keeps the value', () => {
    fc.assert(
      fc.property(fc.json(), (input) => {
        const formatted = formatJson(input);
        expect(formatted.ok).toBe(true);
        if (formatted.ok) expect(JSON.parse(formatted.text)).toEqual(JSON.parse(input));
      }),
    );
  });

  it('text: the bytes are the UTF-8 encoding, and utf8Length agrees', () => {
    fc.assert(
      fc.property(anyText(), (input) => {
        const encoded = encodePayload('text', input);
        expect(encoded).toEqual({ ok: true, bytes: new TextEncoder().encode(input) });
        if (encoded.ok) expect(utf8Length(input)).toBe(encoded.bytes.length);
      }),
    );
  });
});
