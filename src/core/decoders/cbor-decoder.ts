/**
 * CBOR (RFC 8949), chosen by an `application/cbor` content type or a rule. Loaded on demand,
 * with cborg, as its own chunk of the worker.
 */
import { decode } from 'cborg';
import type { TagDecodeControl } from 'cborg/interface';
import { assertParseable, plainInteger, structuredPayload, toPlainValue } from './plain-value.ts';
import type { FormatDecoder } from './types.ts';

/** A tag this decoder has no meaning for: shown with its number (RFC 8949 §3.4). */
class Tagged {
  constructor(
    readonly tag: number,
    readonly value: unknown,
  ) {}
}

/** A bignum's bytes (tag 2 and 3, RFC 8949 §3.4.3) as a bigint. */
function bignum(bytes: unknown): bigint | null {
  if (!(bytes instanceof Uint8Array)) return null;
  let n = 0n;
  for (const byte of bytes) n = (n << 8n) | BigInt(byte);
  return n;
}

function tagged(tag: number, value: unknown): unknown {
  switch (tag) {
    case 0: // a date and time as text
      return value;
    case 1: {
      // seconds since the epoch
      const ms = typeof value === 'number' ? value * 1_000 : Number.NaN;
      return Number.isFinite(ms) ? new Date(ms) : new Tagged(tag, value);
    }
    case 2:
    case 3: {
      const n = bignum(value);
      if (n === null) return new Tagged(tag, value);
      return plainInteger(tag === 2 ? n : -1n - n);
    }
    default:
      return new Tagged(tag, value);
  }
}

/**
 * cborg refuses a tag it has no decoder for; this answers for every tag number, so a valid
 * item with an application's own tag still decodes.
 */
const everyTag = new Proxy<Record<number, (control: TagDecodeControl) => unknown>>(
  {},
  {
    get: (_target, key) =>
      typeof key === 'string' && /^\d+$/.test(key)
        ? (decodeTagged: TagDecodeControl) => tagged(Number(key), decodeTagged())
        : undefined,
  },
);

const special = (value: object): unknown =>
  value instanceof Tagged ? { tag: value.tag, value: value.value } : undefined;

export const cborDecoder: FormatDecoder = {
  id: 'cbor',
  decode({ payload }, limits) {
    assertParseable(payload, limits.parseBytes);
    const decoded: unknown = decode(payload, {
      useMaps: true,
      tags: everyTag,
      rejectDuplicateMapKeys: false,
    });
    return structuredPayload('cbor', toPlainValue(decoded, special), payload.length, limits);
  },
};
