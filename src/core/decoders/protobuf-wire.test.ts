import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { plainLong, readMessage, readRawMessage } from './protobuf-wire.ts';

const root = protobuf.parse(
  `syntax = "proto2";
   message Old { optional int32 a = 1; repeated int32 packed = 2 [packed = true]; repeated int32 loose = 3; }
   message New { optional int32 a = 1; repeated int32 packed = 2 [packed = true]; repeated int32 loose = 3; optional string added = 4; }`,
  { keepCase: true },
).root;
root.resolveAll();
const Old = root.lookupType('Old');
const New = root.lookupType('New');

describe('readMessage', () => {
  it('reads repeated numbers packed or not, whichever the sender chose', () => {
    const payload = Old.encode({ a: 1, packed: [1, 2, 3], loose: [4, 5] }).finish();
    expect(readMessage(Old, payload)).toEqual({ a: 1, packed: [1, 2, 3], loose: [4, 5] });
  });

  it('skips fields the schema does not know (a newer sender)', () => {
    const payload = New.encode({ a: 7, added: 'later' }).finish();
    expect(readMessage(Old, payload)).toEqual({ a: 7, packed: [], loose: [] });
  });

  it('keeps bytes as bytes when asked', () => {
    const Blob = protobuf.parse('message B { optional bytes b = 1; }').root.lookupType('B');
    const payload = Blob.encode({ b: new Uint8Array([1, 2]) }).finish();
    expect(readMessage(Blob, payload)).toEqual({ b: '01 02' });
    const raw = readMessage(Blob, payload, { rawBytes: true }).b;
    expect(raw).toBeInstanceOf(Uint8Array);
    expect(Array.from(raw as Uint8Array)).toEqual([1, 2]);
  });
});

describe('readRawMessage', () => {
  it('reads fields by number, repeated ones as a list, nested messages as objects', () => {
    const payload = Old.encode({ a: 150, loose: [4, 5] }).finish();
    expect(readRawMessage(payload)).toEqual({ '1': 150, '3': [4, 5] });
    const nested = new Uint8Array([0x1a, 0x03, 0x08, 0x96, 0x01, 0x12, 0x02, 0x68, 0x69]);
    expect(readRawMessage(nested)).toEqual({ '3': { '1': 150 }, '2': 'hi' });
  });

  it('throws for a group, which needs a schema, and for bytes that end mid-field', () => {
    expect(() => readRawMessage(new Uint8Array([0x0b, 0x0c]))).toThrow(/group/);
    expect(() => readRawMessage(new Uint8Array([0x08]))).toThrow(/range/);
  });
});

describe('plainLong', () => {
  const long = (high: number, low: number, unsigned = false) => ({ high, low, unsigned });

  it('is a number when exact, else the decimal text', () => {
    expect(plainLong(long(395, 3487918080 | 0))).toBe(1_700_000_000_000);
    expect(plainLong(long(-1, -5))).toBe(-5);
    expect(plainLong(long(-1, -1, true))).toBe('18446744073709551615');
    expect(plainLong(long(-0x80000000, 0))).toBe('-9223372036854775808');
    expect(plainLong(long(0x200000, 0))).toBe('9007199254740992');
    expect(plainLong(12)).toBe(12);
  });
});
