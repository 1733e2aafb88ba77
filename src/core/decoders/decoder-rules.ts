import { compileTopicFilter, validateTopicFilter } from '../topic-filter.ts';
import type { DecoderId } from './types.ts';

/**
 * The user's word on how a topic's payloads are read: a topic filter mapped to a decoder and,
 * for Protobuf, the .proto schema and message type. A rule is evidence, as a content type is;
 * nothing is ever decoded "to see whether it fits".
 */
export interface DecoderRule {
  /** An MQTT topic filter (`factory/+/pb`, `demo/cbor/#`). */
  filter: string;
  decoder: DecoderId;
  /** Protobuf: the id the schema was registered under. */
  schemaId?: string;
  /** Protobuf: the message type, fully qualified as in the .proto (`demo.Reading`). */
  messageType?: string;
}

/** Every decoder a rule may name, in the order a settings list would offer them. */
export const DECODER_IDS: readonly DecoderId[] = [
  'json',
  'text',
  'binary',
  'sparkplug',
  'protobuf',
  'cbor',
  'msgpack',
];

/** How far a registered schema has got, as a rule check needs to know. */
export type SchemaState =
  | { state: 'compiling' }
  | { state: 'ready'; messageTypes: readonly string[] }
  | { state: 'failed'; reason: string };

/** A rule that cannot work as written, with its place in the list and the reason in words. */
export interface DecoderRuleProblem {
  index: number;
  filter: string;
  reason: string;
}

/** Message types named in a reason: a few, not a .proto's hundreds. */
function someTypes(types: readonly string[]): string {
  const shown = types.slice(0, 8).join(', ');
  return types.length > 8 ? `${shown} and ${types.length - 8} more` : shown;
}

/**
 * What is wrong with one rule, or null. `schemaOf` says how a registered schema is doing; a
 * schema still compiling is not a problem yet (the rule is checked again when it is done).
 */
export function checkDecoderRule(
  rule: DecoderRule,
  schemaOf: (schemaId: string) => SchemaState | undefined,
): string | null {
  const filter = validateTopicFilter(rule.filter);
  if (!filter.ok) return filter.reason;
  if (!DECODER_IDS.includes(rule.decoder)) {
    return `Unknown decoder '${String(rule.decoder)}'; use one of ${DECODER_IDS.join(', ')}.`;
  }
  if (rule.decoder !== 'protobuf') {
    return rule.schemaId || rule.messageType
      ? 'Only a Protobuf rule takes a .proto schema and a message type.'
      : null;
  }
  // Protobuf with neither: the payload is read field by field, without names (as protoc
  // --decode_raw does). With one of them, the user meant a schema: both are needed.
  if (!rule.schemaId && !rule.messageType) return null;
  if (!rule.schemaId) return `Choose the .proto schema that defines ${rule.messageType}.`;
  if (!rule.messageType) return `Choose which message type of ${rule.schemaId} to read.`;
  const schema = schemaOf(rule.schemaId);
  if (!schema) return `No .proto schema named '${rule.schemaId}' is loaded.`;
  if (schema.state === 'failed') {
    return `The .proto schema '${rule.schemaId}' could not be read: ${schema.reason}`;
  }
  if (schema.state === 'ready' && !schema.messageTypes.includes(rule.messageType)) {
    return schema.messageTypes.length === 0
      ? `The .proto schema '${rule.schemaId}' defines no message types.`
      : `'${rule.messageType}' is not a message type of '${rule.schemaId}'; it defines ${someTypes(schema.messageTypes)}.`;
  }
  return null;
}

/** The problems of a whole list of rules, in list order. */
export function checkDecoderRules(
  rules: readonly DecoderRule[],
  schemaOf: (schemaId: string) => SchemaState | undefined,
): DecoderRuleProblem[] {
  const problems: DecoderRuleProblem[] = [];
  rules.forEach((rule, index) => {
    const reason = checkDecoderRule(rule, schemaOf);
    if (reason) problems.push({ index, filter: rule.filter, reason });
  });
  return problems;
}

/**
 * A matcher for a list of rules: the first rule, in list order, whose filter matches the topic
 * wins, so the user orders them from specific to general. Filters are compiled once; an
 * invalid filter never matches.
 */
export function compileDecoderRules(
  rules: readonly DecoderRule[],
): (topic: string) => DecoderRule | null {
  const matchers = rules.map((rule) => ({ rule, matches: compileTopicFilter(rule.filter) }));
  return (topic) => {
    for (const { rule, matches } of matchers) if (matches(topic)) return rule;
    return null;
  };
}
