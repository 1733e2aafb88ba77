import type { MessageProperties } from '../recorder/message-properties.ts';
import { binaryDecoder } from './binary-decoder.ts';
import { mediaTypeOf, mediaTypeSuffix } from './content-type.ts';
import { DEFAULT_DECODER_ENTRIES } from './decoder-entries.ts';
import type { DecoderEntry } from './decoder-entries.ts';
import { checkDecoderRule, checkDecoderRules, compileDecoderRules } from './decoder-rules.ts';
import type { DecoderRule, DecoderRuleProblem, SchemaState } from './decoder-rules.ts';
import { emptyDecoder } from './empty-decoder.ts';
import { jsonDecoder } from './json-decoder.ts';
import { textDecoder } from './text-decoder.ts';
import { DEFAULT_DECODE_LIMITS } from './types.ts';
import type {
  CompiledSchema,
  DecodeContext,
  DecodeLimits,
  DecodedPayload,
  DecoderId,
  FormatDecoder,
  PayloadDecoder,
  PayloadEvidence,
} from './types.ts';

/**
 * The decoders that decide from the bytes alone, in the order they are asked: the empty
 * payload first, the catch-all binary decoder last. They run when no evidence (a rule, a
 * content type, a topic namespace) chose a decoder, and they show what such a decoder could
 * not read.
 */
export const DEFAULT_DECODERS: readonly PayloadDecoder[] = [
  emptyDecoder,
  jsonDecoder,
  textDecoder,
  binaryDecoder,
];

/**
 * What the pipeline does with a message before any sink sees it. `pass`: go on. `decode-now`:
 * decode it first, in order, because it teaches its decoder something (a Sparkplug BIRTH).
 * A promise: the decoder that applies is still being fetched; hold the message (and those
 * after it) until the promise settles, then ask again.
 */
export type IngestPlan = 'pass' | 'decode-now' | Promise<void>;

/** How a connection's decoder settings are doing, for the page to show. */
export interface DecoderStatus {
  schemas: { schemaId: string; state: SchemaState }[];
  ruleProblems: DecoderRuleProblem[];
}

export interface DecoderRegistry {
  /** The one decode of a payload; never throws. */
  decode(evidence: PayloadEvidence): DecodedPayload;
  /**
   * Asked for every message as it arrives, from evidence only (no decoding): cheap, and
   * without allocation when no chosen decoder applies, the common case.
   */
  plan(topic: string, properties?: MessageProperties | null): IngestPlan;
  /**
   * Decodes one payload as the user asked for it ("show as" in a message's detail), whatever
   * the evidence says; settles once the decoder (and the rule's schema) is at hand. A payload
   * the decoder cannot read comes back as the default chain shows it, with a note. Never
   * rejects, and teaches the decoders nothing (the message was read back, not live).
   */
  decodeAs(evidence: PayloadEvidence, rule: DecoderRule): DecodedPayload | Promise<DecodedPayload>;
  /** Replaces the user's rules; returns the ones that cannot work as written. */
  setRules(rules: readonly DecoderRule[]): DecoderRuleProblem[];
  /** Parses a .proto text under an id (replacing one of the same id); settles when done. */
  registerSchema(schemaId: string, text: string): Promise<SchemaState>;
  removeSchema(schemaId: string): void;
  status(): DecoderStatus;
}

export interface DecoderRegistryOptions {
  decoders?: readonly PayloadDecoder[];
  entries?: readonly DecoderEntry[];
  limits?: DecodeLimits;
  /** Told when a decoder's code could not be fetched, in words for the connection's log. */
  onProblem?: (text: string) => void;
}

interface EntryState {
  readonly entry: DecoderEntry;
  decoder: FormatDecoder | null;
  loading: Promise<void> | null;
  failure: string | null;
  failedAt: number;
}

/** What chose a decoder for a message, to say in a note when it could not decode. */
interface Choice {
  state: EntryState;
  rule: DecoderRule | null;
  contentType: string | null;
}

/** A decoder whose code failed to load is asked for again after this long. */
const LOAD_RETRY_MS = 30_000;
/** Topics whose rule is remembered; past this the memory starts over. */
const RULE_CACHE_TOPICS = 10_000;
const CONTENT_TYPE_CACHE = 64;
const DECODE_NOW: IngestPlan = 'decode-now';
const PASS: IngestPlan = 'pass';

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * One connection's decoders. Evidence chooses a decoder, strongest first: a rule the user set
 * for the topic, then the MQTT 5 content type, then a topic namespace (Sparkplug B). With no
 * evidence the default chain reads the bytes (empty, JSON object or array, text, hex). A
 * chosen decoder that cannot read the payload never throws out of here: the payload is shown
 * as the default chain shows it, with a note saying what failed.
 */
export function createDecoderRegistry(options: DecoderRegistryOptions = {}): DecoderRegistry {
  const chain = options.decoders ?? DEFAULT_DECODERS;
  const limits = options.limits ?? DEFAULT_DECODE_LIMITS;
  const onProblem = options.onProblem ?? (() => undefined);

  const states = new Map<DecoderId, EntryState>();
  const byMediaType = new Map<string, EntryState>();
  const bySuffix = new Map<string, EntryState>();
  const claimers: EntryState[] = [];
  for (const entry of options.entries ?? DEFAULT_DECODER_ENTRIES) {
    const state: EntryState = { entry, decoder: null, loading: null, failure: null, failedAt: 0 };
    states.set(entry.id, state);
    for (const type of entry.contentTypes) byMediaType.set(type, state);
    if (entry.suffix) bySuffix.set(entry.suffix, state);
    if (entry.claimsTopic) claimers.push(state);
  }

  let rules: readonly DecoderRule[] = [];
  let ruleFor: (topic: string) => DecoderRule | null = () => null;
  const ruleCache = new Map<string, DecoderRule | null>();
  /** Why a rule cannot work as written (a schema that failed, a type not in it), by rule. */
  const ruleProblems = new Map<DecoderRule, string>();
  const contentTypeCache = new Map<string, EntryState | null>();

  const schemaStates = new Map<string, SchemaState>();
  const schemaLoads = new Map<string, Promise<SchemaState>>();
  const compiled = new Map<string, CompiledSchema>();
  const context: DecodeContext = { schemas: compiled, memory: new Map() };

  function cachedRule(topic: string): DecoderRule | null {
    let rule = ruleCache.get(topic);
    if (rule === undefined) {
      if (ruleCache.size >= RULE_CACHE_TOPICS) ruleCache.clear();
      rule = ruleFor(topic);
      ruleCache.set(topic, rule);
    }
    return rule;
  }

  function byContentType(contentType: string): EntryState | null {
    let state = contentTypeCache.get(contentType);
    if (state === undefined) {
      if (contentTypeCache.size >= CONTENT_TYPE_CACHE) contentTypeCache.clear();
      const media = mediaTypeOf(contentType);
      state = byMediaType.get(media) ?? bySuffix.get(mediaTypeSuffix(media)) ?? null;
      contentTypeCache.set(contentType, state);
    }
    return state;
  }

  /** The decoder evidence chooses, or null (no allocation then): rule, content type, topic. */
  function choose(topic: string, properties: MessageProperties | null | undefined): Choice | null {
    if (rules.length > 0) {
      const rule = cachedRule(topic);
      const state = rule ? states.get(rule.decoder) : undefined;
      if (rule && state) return { state, rule, contentType: null };
    }
    const contentType = properties?.contentType;
    if (contentType !== undefined) {
      const state = byContentType(contentType);
      if (state) return { state, rule: null, contentType };
    }
    // A publisher that flags the payload as UTF-8 text (MQTT 5 §3.3.2.3.2) is not sending a
    // binary format, whatever its topic looks like.
    if (properties?.payloadFormatIndicator === true) return null;
    for (let i = 0; i < claimers.length; i++) {
      const state = claimers[i] as EntryState;
      if (state.entry.claimsTopic?.(topic)) return { state, rule: null, contentType: null };
    }
    return null;
  }

  /** Starts fetching a decoder (once); null when it is at hand or failed recently. */
  function ensureLoaded(state: EntryState): Promise<void> | null {
    if (state.decoder) return null;
    if (state.loading) return state.loading;
    if (state.failure !== null && Date.now() - state.failedAt < LOAD_RETRY_MS) return null;
    let loaded: FormatDecoder | Promise<FormatDecoder>;
    try {
      loaded = state.entry.load();
    } catch (error) {
      loaded = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    if (!(loaded instanceof Promise)) {
      state.decoder = loaded;
      return null;
    }
    state.loading = loaded.then(
      (decoder) => {
        state.decoder = decoder;
        state.failure = null;
        state.loading = null;
      },
      (error: unknown) => {
        state.failure = errorText(error);
        state.failedAt = Date.now();
        state.loading = null;
        onProblem(`The ${state.entry.label} decoder could not be loaded: ${state.failure}`);
      },
    );
    return state.loading;
  }

  function defaultDecode(evidence: PayloadEvidence): DecodedPayload {
    for (const decoder of chain) {
      if (!decoder.canDecode(evidence, limits)) continue;
      const decoded = decoder.decode(evidence, limits);
      if (decoded) return decoded;
    }
    return binaryDecoder.decode(evidence, limits) as DecodedPayload;
  }

  function why({ state, rule, contentType }: Choice): string {
    if (rule) return `as the rule for ${rule.filter} says`;
    if (contentType !== null) return `as its content type ${contentType} says`;
    return `as its ${state.entry.label} topic says`;
  }

  function withNote(evidence: PayloadEvidence, note: string): DecodedPayload {
    return { ...defaultDecode(evidence), note };
  }

  function decode(evidence: PayloadEvidence): DecodedPayload {
    if (evidence.payload.length === 0) return defaultDecode(evidence);
    const choice = choose(evidence.topic, evidence.properties);
    if (!choice) return defaultDecode(evidence);
    const { state } = choice;
    const label = state.entry.label;
    const problem = choice.rule ? ruleProblems.get(choice.rule) : undefined;
    if (problem) {
      return withNote(evidence, `Could not decode as ${label}, ${why(choice)}: ${problem}`);
    }
    if (!state.decoder) ensureLoaded(state);
    const decoder = state.decoder;
    if (!decoder) {
      return withNote(
        evidence,
        state.failure !== null
          ? `Not decoded as ${label}: its decoder could not be loaded (${state.failure}).`
          : `Not decoded as ${label}: its decoder was still loading.`,
      );
    }
    try {
      return decoder.decode({ ...evidence, rule: choice.rule }, limits, context);
    } catch (error) {
      return withNote(
        evidence,
        `Could not decode as ${label}, ${why(choice)}: ${errorText(error)}`,
      );
    }
  }

  function decodeAs(
    evidence: PayloadEvidence,
    rule: DecoderRule,
  ): DecodedPayload | Promise<DecodedPayload> {
    const state = states.get(rule.decoder);
    if (!state) return withNote(evidence, `There is no decoder named '${rule.decoder}'.`);
    const label = state.entry.label;
    const loading = ensureLoaded(state);
    const schema = rule.schemaId === undefined ? undefined : schemaLoads.get(rule.schemaId);
    if (loading || schema) {
      return Promise.all([loading, schema]).then(() => decodeAs(evidence, rule));
    }
    const problem = checkDecoderRule(rule, schemaOf);
    if (problem) return withNote(evidence, `Could not decode as ${label}: ${problem}`);
    const decoder = state.decoder;
    if (!decoder) {
      return withNote(
        evidence,
        `Not decoded as ${label}: its decoder could not be loaded (${state.failure ?? 'unknown'}).`,
      );
    }
    if (evidence.payload.length === 0) {
      return withNote(evidence, `Not decoded as ${label}: the payload is empty.`);
    }
    try {
      return decoder.decode({ ...evidence, rule, live: false }, limits, context);
    } catch (error) {
      return withNote(evidence, `Could not decode as ${label}: ${errorText(error)}`);
    }
  }

  function plan(topic: string, properties?: MessageProperties | null): IngestPlan {
    const choice = choose(topic, properties);
    if (!choice) return PASS;
    const { state, rule } = choice;
    const loading = ensureLoaded(state);
    if (loading) return loading.then(() => undefined);
    const schema = rule?.schemaId === undefined ? undefined : schemaLoads.get(rule.schemaId);
    if (schema) return schema.then(() => undefined);
    return state.decoder && state.entry.teachesTopic?.(topic) ? DECODE_NOW : PASS;
  }

  const schemaOf = (schemaId: string) => schemaStates.get(schemaId);

  /** Checks the rules against the schemas as they are now; remembers each rule's problem. */
  function checkRules(): DecoderRuleProblem[] {
    const problems = checkDecoderRules(rules, schemaOf);
    ruleProblems.clear();
    for (const { index, reason } of problems) ruleProblems.set(rules[index] as DecoderRule, reason);
    return problems;
  }

  /** Parses a .proto text with the Protobuf decoder, fetching it first if need be. */
  async function compileSchema(
    text: string,
  ): Promise<{ state: SchemaState; schema: CompiledSchema | null }> {
    const protobuf = states.get('protobuf');
    if (protobuf) await ensureLoaded(protobuf);
    const compile = protobuf?.decoder?.compileSchema?.bind(protobuf.decoder);
    if (!compile) {
      const reason = `the Protobuf decoder could not be loaded (${protobuf?.failure ?? 'none is set up'}).`;
      return { state: { state: 'failed', reason }, schema: null };
    }
    const result = compile(text);
    if (!result.ok) return { state: { state: 'failed', reason: result.reason }, schema: null };
    return {
      state: { state: 'ready', messageTypes: result.schema.messageTypes },
      schema: result.schema,
    };
  }

  function registerSchema(schemaId: string, text: string): Promise<SchemaState> {
    schemaStates.set(schemaId, { state: 'compiling' });
    compiled.delete(schemaId);
    checkRules();
    const done: Promise<SchemaState> = compileSchema(text).then(({ state, schema }) => {
      // A newer registration (or a removal) of the same id wins over this one.
      if (schemaLoads.get(schemaId) === done) {
        schemaStates.set(schemaId, state);
        if (schema) compiled.set(schemaId, schema);
        schemaLoads.delete(schemaId);
        checkRules();
      }
      return state;
    });
    schemaLoads.set(schemaId, done);
    return done;
  }

  return {
    decode,
    decodeAs,
    plan,
    setRules(next) {
      rules = next.map((rule) => ({ ...rule }));
      ruleFor = compileDecoderRules(rules);
      ruleCache.clear();
      return checkRules();
    },
    registerSchema,
    removeSchema(schemaId) {
      schemaStates.delete(schemaId);
      schemaLoads.delete(schemaId);
      compiled.delete(schemaId);
      checkRules();
    },
    status() {
      return {
        schemas: [...schemaStates].map(([schemaId, state]) => ({ schemaId, state })),
        ruleProblems: checkRules(),
      };
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
    limits === DEFAULT_DECODE_LIMITS ? defaultRegistry : createDecoderRegistry({ limits });
  return registry.decode({ topic: '', payload });
}
