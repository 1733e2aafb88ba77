import { describe, expect, it } from 'vitest';
import { datatypeName, plainValue, setValueOf } from './sparkplug-values.ts';

describe('plainValue', () => {
  it('restores signed integers written as 32-bit or 8/16-bit two’s complement', () => {
    expect(plainValue(0xfffffffb, 1, 0)).toBe(-5); // Int8, as Tahu writes it
    expect(plainValue(0xfb, 1, 0)).toBe(-5); // Int8, as some devices write it
    expect(plainValue(0xff38, 2, 0)).toBe(-200); // Int16
    expect(plainValue(0x7f, 1, 0)).toBe(127);
    expect(plainValue(0xffffffff, 3, 0)).toBe(-1); // Int32
    expect(plainValue('18446744073709551615', 4, 0)).toBe(-1); // Int64 past 2^53 as uint64
    expect(plainValue(4_000_000_000, 7, 0)).toBe(4_000_000_000); // UInt32 unchanged
  });

  it('refuses an array whose bytes do not fill whole elements', () => {
    expect(() => plainValue(new Uint8Array(3), 24, 0)).toThrow(/not a multiple of 4/);
    expect(() => plainValue(new Uint8Array([9, 0, 0, 0, 0]), 32, 0)).toThrow(/cut short/);
  });

  it('reads the 64-bit and DateTime arrays exactly', () => {
    const bytes = new Uint8Array(16);
    const view = new DataView(bytes.buffer);
    view.setBigInt64(0, -2n, true);
    view.setBigInt64(8, 2n ** 62n, true);
    expect(plainValue(bytes, 25, 0)).toEqual([-2, '4611686018427387904']);
    view.setBigUint64(0, 1_700_000_000_000n, true);
    expect(plainValue(bytes, 34, 0)).toEqual([1_700_000_000_000, '4611686018427387904']);
  });
});

describe('setValueOf and datatypeName', () => {
  it('finds the one value field set, and names datatypes', () => {
    expect(setValueOf({ name: 'x', doubleValue: 2 })).toBe(2);
    expect(setValueOf({ name: 'x' })).toBeUndefined();
    expect(datatypeName(9)).toBe('Float');
    expect(datatypeName(undefined)).toBe('Unknown');
    expect(datatypeName(99)).toBe('Unknown (99)');
  });
});
