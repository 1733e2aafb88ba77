import { encode, Tagged } from 'cborg';
import { describe, expect, it } from 'vitest';
import { parseJsonPath, readChartValue } from '../json-path.ts';
import { cborDecoder } from './cbor-decoder.ts';
import { DEFAULT_DECODE_LIMITS } from './types.ts';

const decode = (payload: Uint8Array, limits = DEFAULT_DECODE_LIMITS) =>
  cborDecoder.decode({ topic: 'demo/cbor/meter', payload }, limits, {
    schemas: new Map(),
    memory: new Map(),
  });

describe('cborDecoder', () => {
  it('reads values of every CBOR type made by the reference encoder', () => {
    const payload = encode({
      int: 42,
      negative: -17,
      big: 2n ** 64n - 1n,
      float: 21.5,
      half: 0.5,
      text: 'grüß',
      bytes: new Uint8Array([0xca, 0xfe]),
      array: [1, 'two', [3]],
      map: new Map<unknown, unknown>([
        [1, 'one'],
        ['nested', { ok: true }],
      ]),
      yes: true,
      no: false,
      nothing: null,
      missing: undefined,
      infinity: Infinity,
      tagged: new Tagged(1000, 'custom'),
    });
    const decoded = decode(payload);
    expect(decoded.format).toBe('cbor');
    expect(decoded.value).toEqual({
      int: 42,
      negative: -17,
      big: '18446744073709551615',
      float: 21.5,
      half: 0.5,
      text: 'grüß',
      bytes: 'ca fe',
      array: [1, 'two', [3]],
      map: { '1': 'one', nested: { ok: true } },
      yes: true,
      no: false,
      nothing: null,
      missing: null,
      infinity: Infinity,
      tagged: { tag: 1000, value: 'custom' },
    });
    expect(structuredClone(decoded)).toEqual(decoded);
  });

  it('reads the tags for dates and bignums (RFC 8949 §3.4)', () => {
    const decoded = decode(
      encode([
        new Tagged(0, '2024-01-02T03:04:05Z'),
        new Tagged(1, 1_700_000_000),
        new Tagged(2, new Uint8Array([0x01, 0x00])),
        new Tagged(3, new Uint8Array([0x01, 0x00])),
      ]),
    );
    expect(decoded.value).toEqual(['2024-01-02T03:04:05Z', '2023-11-14T22:13:20.000Z', 256, -257]);
  });

  it('previews the value as compact JSON-like text, cut to the preview limit', () => {
    const decoded = decode(encode({ t: 21.5, ok: true }));
    expect(decoded.preview).toBe('{"t":21.5,"ok":true}');
    const long = decode(encode({ values: Array.from({ length: 500 }, (_, i) => i) }), {
      ...DEFAULT_DECODE_LIMITS,
      previewBytes: 40,
    });
    expect(long).toMatchObject({ truncated: true });
    expect(long.preview).toHaveLength(40);
  });

  it('gives a chart a field by path, and a payload that is one number as a whole', () => {
    const path = parseJsonPath('readings[1].value');
    if (!path.ok) throw new Error(path.reason);
    const payload = encode({ readings: [{ value: 1 }, { value: 2.25 }] });
    expect(readChartValue(decode(payload), path.path)).toBe(2.25);
    expect(readChartValue(decode(encode(7.5)), [])).toBe(7.5);
  });

  it.each([
    ['a truncated array', new Uint8Array([0x82, 0x01])],
    ['a truncated text string', new Uint8Array([0x65, 0x68, 0x65])],
    ['bytes left over after the item', new Uint8Array([0x01, 0x02])],
    ['a reserved additional information value', new Uint8Array([0x1c])],
  ])('throws, saying what is wrong, for %s', (_name, payload) => {
    expect(() => decode(payload)).toThrow(/CBOR/);
  });
});
