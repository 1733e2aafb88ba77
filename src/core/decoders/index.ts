export { createDecoderRegistry, decodePayload, DEFAULT_DECODERS } from './registry.ts';
export type {
  DecoderRegistry,
  DecoderRegistryOptions,
  DecoderStatus,
  IngestPlan,
} from './registry.ts';
export { DEFAULT_DECODER_ENTRIES } from './decoder-entries.ts';
export type { DecoderEntry } from './decoder-entries.ts';
export { checkDecoderRule, compileDecoderRules, DECODER_IDS } from './decoder-rules.ts';
export type { DecoderRule, DecoderRuleProblem, SchemaState } from './decoder-rules.ts';
export { DEFAULT_DECODE_LIMITS } from './types.ts';
export { choiceValue, decoderChoices, pickLabel, pickOfValue } from './decoder-choices.ts';
export type { DecoderChoice, DecoderPick, ProtoType } from './decoder-choices.ts';
export type {
  DecodeContext,
  DecodeLimits,
  DecodedPayload,
  DecoderId,
  FormatDecoder,
  PayloadDecoder,
  PayloadEvidence,
  PayloadFormat,
} from './types.ts';
