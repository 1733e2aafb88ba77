import { encode, ExtData } from '@msgpack/msgpack';
import { describe, expect, it } from 'vitest';
import { parseJsonPath, readChartValue } from '../json-path.ts';
import { msgpackDecoder } from './msgpack-decoder.ts';
import { DEFAULT_DECODE_LIMITS } from './types.ts';

const decode = (payload: Uint8Array) =>
  msgpackDecoder.decode({ topic: 'demo/msgpack', payload }, DEFAULT_DECODE_LIMITS, {
    schemas: new Map(),
    memory: new Map(),
  });

describe('msgpackDecoder', () => {
  it('reads values of every MessagePack type made by the reference encoder', () => {
    const payload = encode(
      {
        positive: 200,
        negative: -40_000,
        int64: 2n ** 60n,
        uint64: 2n ** 64n - 1n,
        float: 21.5,
        text: 'grüß',
        bytes: new Uint8Array([0xca, 0xfe]),
        array: [1, 'two', [3]],
        map: { nested: { ok: true } },
        yes: true,
        nothing: null,
        when: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)),
        ext: new ExtData(7, new Uint8Array([1, 2])),
      },
      { useBigInt64: true },
    );
    const decoded = decode(payload);
    expect(decoded.format).toBe('msgpack');
    expect(decoded.value).toEqual({
      positive: 200,
      negative: -40_000,
      int64: '1152921504606846976',
      uint64: '18446744073709551615',
      float: 21.5,
      text: 'grüß',
      bytes: 'ca fe',
      array: [1, 'two', [3]],
      map: { nested: { ok: true } },
      yes: true,
      nothing: null,
      when: '2024-01-02T03:04:05.000Z',
      ext: { ext: 7, data: '01 02' },
    });
    expect(decoded.preview.startsWith('{"positive":200,"negative":-40000')).toBe(true);
    expect(structuredClone(decoded)).toEqual(decoded);
  });

  it('reads map keys that are not strings (MessagePack allows any), as text', () => {
    // {1: "one", [1, 2]: true}, written by hand: the reference encoder only writes string keys.
    const payload = new Uint8Array([0x82, 0x01, 0xa3, 0x6f, 0x6e, 0x65, 0x92, 0x01, 0x02, 0xc3]);
    expect(decode(payload).value).toEqual({ '1': 'one', '[1,2]': true });
  });

  it('gives a chart a field by path', () => {
    const path = parseJsonPath('t');
    if (!path.ok) throw new Error(path.reason);
    expect(readChartValue(decode(encode({ t: 19.25 })), path.path)).toBe(19.25);
  });

  it.each([
    ['a truncated map', encode({ a: 1, b: 2 }).subarray(0, 4)],
    ['bytes left over after the value', new Uint8Array([0x01, 0x02])],
    ['a type byte that is never used', new Uint8Array([0xc1])],
    [
      'a map header that claims more entries than there are bytes',
      new Uint8Array([0xdf, 0xff, 0xff, 0xff, 0xff]),
    ],
  ])('throws, saying what is wrong, for %s', (_name, payload) => {
    expect(() => decode(payload)).toThrow(/\w/);
  });
});
