/**
 * A connection's decoder settings as they are saved with its profile: the rules (topic filter →
 * decoder, first match wins) and the .proto files that Protobuf rules name. The worker is told
 * them with `register-proto-schema` and `set-decoder-rules` whenever they change and before
 * each connect.
 */
import { DECODER_IDS } from './decoders/decoder-rules.ts';
import type { DecoderRule } from './decoders/decoder-rules.ts';
import type { DecoderPick } from './decoders/decoder-choices.ts';
import type { DecoderId } from './decoders/types.ts';

/** A .proto file the user loaded, under the name it is chosen by (its file name). */
export interface ProtoSchemaFile {
  schemaId: string;
  text: string;
}

export interface DecoderSettings {
  rules: DecoderRule[];
  schemas: ProtoSchemaFile[];
}

/** A .proto larger than this is refused: it would crowd the browser's storage of profiles. */
export const MAX_PROTO_BYTES = 256 * 1024;
/** More rules than anyone sets by hand; a file with more is cut. */
export const MAX_DECODER_RULES = 200;
export const MAX_PROTO_SCHEMAS = 20;

export function emptyDecoderSettings(): DecoderSettings {
  return { rules: [], schemas: [] };
}

export function cloneDecoderSettings(settings: DecoderSettings): DecoderSettings {
  return {
    rules: settings.rules.map((rule) => ({ ...rule })),
    schemas: settings.schemas.map((schema) => ({ ...schema })),
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';

function reviveRule(raw: unknown): DecoderRule | null {
  if (!isRecord(raw)) return null;
  const { filter, decoder, schemaId, messageType } = raw;
  if (!isString(filter) || filter === '') return null;
  if (!isString(decoder) || !(DECODER_IDS as readonly string[]).includes(decoder)) return null;
  const rule: DecoderRule = { filter, decoder: decoder as DecoderId };
  if (schemaId !== undefined) {
    if (!isString(schemaId)) return null;
    rule.schemaId = schemaId;
  }
  if (messageType !== undefined) {
    if (!isString(messageType)) return null;
    rule.messageType = messageType;
  }
  return rule;
}

function reviveSchema(raw: unknown): ProtoSchemaFile | null {
  if (!isRecord(raw)) return null;
  const { schemaId, text } = raw;
  if (!isString(schemaId) || schemaId === '' || !isString(text)) return null;
  return text.length > MAX_PROTO_BYTES ? null : { schemaId, text };
}

/**
 * Reads saved decoder settings and never throws. Missing (a profile saved before decoders
 * existed) is the empty settings; a damaged rule or schema is dropped alone and `damaged` says so.
 */
export function reviveDecoderSettings(raw: unknown): {
  settings: DecoderSettings;
  damaged: boolean;
} {
  if (raw === undefined) return { settings: emptyDecoderSettings(), damaged: false };
  if (!isRecord(raw)) return { settings: emptyDecoderSettings(), damaged: true };
  let damaged = false;
  const list = <T>(value: unknown, revive: (item: unknown) => T | null, max: number): T[] => {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      damaged = true;
      return [];
    }
    const good: T[] = [];
    for (const item of value.slice(0, max)) {
      const revived = revive(item);
      if (revived) good.push(revived);
      else damaged = true;
    }
    if (value.length > max) damaged = true;
    return good;
  };
  const rules = list(raw['rules'], reviveRule, MAX_DECODER_RULES);
  const schemas = list(raw['schemas'], reviveSchema, MAX_PROTO_SCHEMAS);
  return { settings: { rules, schemas }, damaged };
}

/** The rule made for exactly this filter (a subscription's "show as"), if there is one. */
export function ruleForFilter(settings: DecoderSettings, filter: string): DecoderRule | undefined {
  return settings.rules.find((rule) => rule.filter === filter);
}

/**
 * Sets the decoder of one topic filter (a subscription's "show as"), or removes its rule with
 * null. A new rule goes first: the user's latest, most specific word wins over older rules.
 */
export function withFilterDecoder(
  settings: DecoderSettings,
  filter: string,
  pick: DecoderPick | null,
): DecoderSettings {
  const others = settings.rules.filter((rule) => rule.filter !== filter);
  const index = settings.rules.findIndex((rule) => rule.filter === filter);
  if (!pick) return { ...settings, rules: others };
  const rule: DecoderRule = { filter, ...pick };
  const rules = [...others];
  rules.splice(index === -1 ? 0 : index, 0, rule);
  return { ...settings, rules };
}

/** Adds or replaces a .proto file by its id. */
export function withSchema(settings: DecoderSettings, schema: ProtoSchemaFile): DecoderSettings {
  const schemas = settings.schemas.filter((s) => s.schemaId !== schema.schemaId);
  return { ...settings, schemas: [...schemas, schema] };
}

/** Removes a .proto file and the rules that read with it. */
export function withoutSchema(settings: DecoderSettings, schemaId: string): DecoderSettings {
  return {
    rules: settings.rules.filter((rule) => rule.schemaId !== schemaId),
    schemas: settings.schemas.filter((s) => s.schemaId !== schemaId),
  };
}
