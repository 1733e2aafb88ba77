import { binaryDecoder } from './binary-decoder.ts';
import { emptyDecoder } from './empty-decoder.ts';
import { jsonDecoder } from './json-decoder.ts';
import { textDecoder } from './text-decoder.ts';
import { DEFAULT_DECODE_LIMITS } from './types.ts';
import type { DecodeLimits, DecodedPayload, PayloadDecoder, PayloadEvidence } from './types.ts';

/**
 * The decoders in the order they are asked: the most specific evidence first, the catch-all
 * binary decoder last. A new decoder is one file and one line here.
 */
export const DEFAULT_DECODERS: readonly PayloadDecoder[] = [
  emptyDecoder,
  jsonDecoder,
  textDecoder,
  binaryDecoder,
];

export interface DecoderRegistry {
  decode(evidence: PayloadEvidence): DecodedPayload;
}

/** Asks each decoder in turn; the first that applies and succeeds decides. */
export function createDecoderRegistry(
  decoders: readonly PayloadDecoder[] = DEFAULT_DECODERS,
  limits: DecodeLimits = DEFAULT_DECODE_LIMITS,
): DecoderRegistry {
  return {
    decode(evidence) {
      for (const decoder of decoders) {
        if (!decoder.canDecode(evidence, limits)) continue;
        const decoded = decoder.decode(evidence, limits);
        if (decoded) return decoded;
      }
      return binaryDecoder.decode(evidence, limits) as DecodedPayload;
    },
  };
}

const defaultRegistry = createDecoderRegistry();

/** Decodes bytes with the default decoders, for callers that know nothing but the bytes. */
export function decodePayload(
  payload: Uint8Array,
  limits: DecodeLimits = DEFAULT_DECODE_LIMITS,
): DecodedPayload {
  const registry =
    limits === DEFAULT_DECODE_LIMITS ? defaultRegistry : createDecoderRegistry(undefined, limits);
  return registry.decode({ topic: '', payload });
}
