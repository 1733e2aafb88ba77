/**
 * MessagePack, chosen by an `application/msgpack` (or `x-msgpack`) content type or a rule.
 * Loaded on demand, with @msgpack/msgpack, as its own chunk of the worker.
 */
import { Decoder, ExtData } from '@msgpack/msgpack';
import { DEFAULT_DECODE_LIMITS } from './types.ts';
import { assertParseable, structuredPayload, toPlainValue } from './plain-value.ts';
import type { FormatDecoder } from './types.ts';

/** No string, array or map in a payload is longer than the payload itself. */
const MAX_LENGTH = DEFAULT_DECODE_LIMITS.parseBytes;

const decoder = new Decoder({
  useBigInt64: true,
  maxStrLength: MAX_LENGTH,
  maxBinLength: MAX_LENGTH,
  maxArrayLength: MAX_LENGTH,
  maxMapLength: MAX_LENGTH,
  maxExtLength: MAX_LENGTH,
  // Keys of any type (MessagePack allows them); shown as text.
  mapKeyConverter: (key) =>
    typeof key === 'string' || typeof key === 'number'
      ? key
      : (JSON.stringify(toPlainValue(key)) ?? String(key)),
});

const special = (value: object): unknown =>
  value instanceof ExtData ? { ext: value.type, data: value.data } : undefined;

export const msgpackDecoder: FormatDecoder = {
  id: 'msgpack',
  decode({ payload }, limits) {
    assertParseable(payload, limits.parseBytes);
    const value = toPlainValue(decoder.decode(payload), special);
    return structuredPayload('msgpack', value, payload.length, limits);
  },
};
