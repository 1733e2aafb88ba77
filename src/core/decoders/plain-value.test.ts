import { describe, expect, it } from 'vitest';
import {
  MAX_VALUE_DEPTH,
  plainBytes,
  plainInteger,
  previewValue,
  shortFloat32,
  toPlainValue,
} from './plain-value.ts';

describe('toPlainValue', () => {
  it('turns what libraries return into plain data', () => {
    expect(
      toPlainValue({
        small: 5n,
        huge: 2n ** 70n,
        negative: -(2n ** 60n),
        bytes: new Uint8Array([1, 255]),
        view: new Uint16Array([1]),
        when: new Date(0),
        never: new Date(Number.NaN),
        map: new Map<unknown, unknown>([
          [1, 'a'],
          [[1, 2], 'b'],
        ]),
        missing: undefined,
        list: [1n, 'x'],
      }),
    ).toEqual({
      small: 5,
      huge: '1180591620717411303424',
      negative: '-1152921504606846976',
      bytes: '01 ff',
      view: '01 00',
      when: '1970-01-01T00:00:00.000Z',
      never: null,
      map: { '1': 'a', '[1,2]': 'b' },
      missing: null,
      list: [1, 'x'],
    });
  });

  it('keeps a key named __proto__ as a key', () => {
    const value = toPlainValue(new Map([['__proto__', { polluted: true }]])) as object;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });

  it('cuts structures nested deeper than the limit instead of overflowing the stack', () => {
    let deep: unknown[] = [];
    const root = deep;
    for (let i = 0; i < 10_000; i++) {
      const next: unknown[] = [];
      deep.push(next);
      deep = next;
    }
    let plain = toPlainValue(root);
    let depth = 0;
    while (Array.isArray(plain)) {
      plain = plain[0];
      depth++;
    }
    expect(depth).toBe(MAX_VALUE_DEPTH);
    expect(plain).toBe('… (nested too deep)');
  });
});

describe('plainInteger and plainBytes', () => {
  it('keeps safe integers as numbers and the rest exact, as text', () => {
    expect(plainInteger(BigInt(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    expect(plainInteger(BigInt(Number.MAX_SAFE_INTEGER) + 1n)).toBe('9007199254740992');
  });

  it('shows long byte strings cut, with their size', () => {
    expect(plainBytes(new Uint8Array(100))).toMatch(/^00( 00){63} … \(100 bytes\)$/);
  });
});

describe('previewValue', () => {
  it('writes compact JSON-like text', () => {
    expect(previewValue({ t: 21.5, ok: true, s: 'a"b', n: null, l: [1, 2] }, 100)).toEqual({
      text: '{"t":21.5,"ok":true,"s":"a\\"b","n":null,"l":[1,2]}',
      truncated: false,
    });
    expect(previewValue(Infinity, 10).text).toBe('Infinity');
  });

  it('stops at the budget without visiting the rest', () => {
    const huge = Array.from({ length: 100_000 }, (_, i) => ({ i }));
    const { text, truncated } = previewValue(huge, 30);
    expect(truncated).toBe(true);
    expect(text).toBe('[{"i":0},{"i":1},{"i":2},{"i":');
  });
});

describe('shortFloat32', () => {
  it('shows a 32-bit float as the shortest decimal that is the same float32', () => {
    expect(shortFloat32(Math.fround(21.7))).toBe(21.7);
    expect(shortFloat32(Math.fround(114.28))).toBe(114.28);
    expect(shortFloat32(Math.fround(1e-7))).toBe(1e-7);
    expect(shortFloat32(Math.fround(1 / 3))).toBe(0.33333334);
    expect(shortFloat32(-0.5)).toBe(-0.5);
    expect(shortFloat32(Infinity)).toBe(Infinity);
    expect(Number.isNaN(shortFloat32(Number.NaN))).toBe(true);
  });
});
