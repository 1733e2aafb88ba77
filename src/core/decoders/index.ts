export { createDecoderRegistry, decodePayload, DEFAULT_DECODERS } from './registry.ts';
export type { DecoderRegistry } from './registry.ts';
export { DEFAULT_DECODE_LIMITS } from './types.ts';
export type {
  DecodeLimits,
  DecodedPayload,
  PayloadDecoder,
  PayloadEvidence,
  PayloadFormat,
} from './types.ts';
