import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from './base64.ts';
import { codeUnits, textOf } from './test-arbitraries.ts';

const bytes = fc.uint8Array({ maxLength: 200 });

describe('base64, for any input', () => {
  it('encodes as Node does, and decodes its own output back to the same bytes', () => {
    fc.assert(
      fc.property(bytes, (input) => {
        const text = bytesToBase64(input);
        expect(text).toBe(Buffer.from(input).toString('base64'));
        expect(base64ToBytes(text)).toEqual({ ok: true, bytes: input });
      }),
    );
  });

  it('reads the URL-safe alphabet, line breaks and missing padding as the same bytes', () => {
    fc.assert(
      fc.property(bytes, fc.nat({ max: 80 }), (input, width) => {
        const urlSafe = bytesToBase64(input)
          .replace(/\+/g, '-')
          .replace(/\//g, '_')
          .replace(/=+$/, '');
        const wrapped = width > 0 ? (urlSafe.match(new RegExp(`.{1,${width}}`, 'g')) ?? []) : [];
        expect(base64ToBytes(wrapped.join('\r\n') || urlSafe)).toEqual({ ok: true, bytes: input });
      }),
    );
  });

  it('never throws on any text, and what it accepts Node decodes to the same bytes', () => {
    const text = fc.oneof(
      textOf(['A', 'Q', 'z', '0', '+', '/', '-', '_', '=', '==', ' ', '\n', 'é', '*']),
      codeUnits(),
    );
    fc.assert(
      fc.property(text, (input) => {
        const decoded = base64ToBytes(input);
        if (decoded.ok) expect(decoded.bytes).toEqual(new Uint8Array(Buffer.from(input, 'base64')));
        else expect(decoded.reason).toMatch(/^Not base64: /);
      }),
    );
  });
});
