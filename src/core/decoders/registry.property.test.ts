import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHex } from '../payload.ts';
import { anyText, parsedJson } from '../test-arbitraries.ts';
import { decodePayload } from './registry.ts';
import { DEFAULT_DECODE_LIMITS } from './types.ts';
import type { DecodeLimits, DecodedPayload } from './types.ts';

const encoder = new TextEncoder();

/** Bytes as brokers send them: random, text, JSON, JSON cut short, deep nesting. */
const payloads = fc.oneof(
  fc.uint8Array({ maxLength: 600 }),
  anyText(300).map((text) => encoder.encode(text)),
  parsedJson().map((value) => encoder.encode(JSON.stringify(value) ?? 'null')),
  fc
    .tuple(parsedJson(), fc.nat())
    .map(([value, cut]) => encoder.encode(JSON.stringify(value) ?? '').slice(0, cut % 200)),
  fc.nat({ max: 20_000 }).map((depth) => encoder.encode('['.repeat(depth) + ']'.repeat(depth))),
  fc
    .tuple(fc.uint8Array({ maxLength: 40 }), anyText(40))
    .map(([bytes, text]) => new Uint8Array([...encoder.encode(text), ...bytes])),
);

const limits: fc.Arbitrary<DecodeLimits> = fc.oneof(
  fc.constant(DEFAULT_DECODE_LIMITS),
  fc.record({
    previewBytes: fc.integer({ min: -5, max: 300 }),
    hexBytes: fc.integer({ min: -5, max: 100 }),
    parseBytes: fc.integer({ min: -5, max: 2_000 }),
  }),
);

/** C0 except tab, LF and CR; DEL; C1: what the text decoders promise never to show. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** The checks every decoded payload passes, whatever decided its format. */
function checkDecoded(decoded: DecodedPayload, payload: Uint8Array, limit: DecodeLimits): void {
  expect(decoded.size).toBe(payload.length);
  expect(typeof decoded.preview).toBe('string');
  expect(typeof decoded.truncated).toBe('boolean');
  expect(decoded.format === 'empty').toBe(payload.length === 0);
  const previewBytes = Math.max(0, limit.previewBytes);
  switch (decoded.format) {
    case 'empty':
      expect(decoded).toEqual({ format: 'empty', preview: '', size: 0, truncated: false });
      return;
    case 'binary': {
      const shown = Math.min(payload.length, Math.max(0, limit.hexBytes));
      expect(decoded.preview).toBe(toHex(payload, shown));
      expect(decoded.truncated).toBe(shown < payload.length);
      return;
    }
    case 'text':
    case 'json': {
      // The preview is the payload's head as sent, cut only to finish a character (≤ 3 bytes).
      const head = encoder.encode(decoded.preview);
      expect(head.length).toBeLessThanOrEqual(previewBytes + 3);
      expect(payload.subarray(0, head.length)).toEqual(head);
      expect(decoded.truncated).toBe(head.length < payload.length);
      expect(decoded.preview).not.toMatch(CONTROL);
      if (decoded.format === 'json') {
        expect(payload.length).toBeLessThanOrEqual(limit.parseBytes);
        // Compared as text, and only for short payloads: walking a value nested thousands deep
        // overflows the stack of a test worker (the decoder itself never walks it).
        if (payload.length <= 1_500) {
          const text = new TextDecoder().decode(payload);
          expect(JSON.stringify(decoded.value)).toBe(JSON.stringify(JSON.parse(text)));
        }
      }
      return;
    }
    default:
      // A decoder added later: the checks above the switch still hold.
      return;
  }
}

describe('decodePayload, for any bytes', () => {
  it('never throws, and keeps the size, the limits and the format consistent', () => {
    fc.assert(
      fc.property(payloads, limits, (payload, limit) => {
        checkDecoded(decodePayload(payload, limit), payload, limit);
      }),
    );
  });

  it('decodes the same bytes the same way every time', () => {
    fc.assert(
      fc.property(payloads, (payload) => {
        const { value: _value, ...first } = decodePayload(payload);
        const { value: _again, ...second } = decodePayload(payload.slice());
        expect(second).toEqual(first);
      }),
      { numRuns: 50 },
    );
  });

  it('calls any readable text of a JSON object or array json, whole', () => {
    const containers = parsedJson().filter((v) => typeof v === 'object' && v !== null);
    fc.assert(
      fc.property(containers, (value) => {
        const payload = encoder.encode(JSON.stringify(value));
        fc.pre(payload.length <= DEFAULT_DECODE_LIMITS.parseBytes);
        fc.pre(!CONTROL.test(JSON.stringify(value)));
        const decoded = decodePayload(payload);
        expect(decoded.format).toBe('json');
        expect(decoded.value).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});
