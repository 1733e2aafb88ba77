/**
 * The decoders a user can pick by hand ("show as" for one message, a subscription's decoder, a
 * rule in the Decoders panel), as the values of one select: a Protobuf choice names the schema
 * and message type it reads with.
 */
import type { DecoderRule } from './decoder-rules.ts';
import type { DecoderId } from './types.ts';

/** A decoder as a rule names it, without the topic filter. */
export type DecoderPick = Omit<DecoderRule, 'filter'>;

export interface DecoderChoice {
  /** The select's value: the decoder id, or `protobuf|<schema>|<type>`. */
  value: string;
  label: string;
  pick: DecoderPick;
}

/** A message type of a loaded .proto schema. */
export interface ProtoType {
  schemaId: string;
  messageType: string;
}

const LABELS: Record<DecoderId, string> = {
  json: 'JSON',
  text: 'Text',
  binary: 'Hex',
  sparkplug: 'Sparkplug B',
  cbor: 'CBOR',
  msgpack: 'MessagePack',
  protobuf: 'Protobuf (fields by number)',
};

const ORDER: readonly DecoderId[] = [
  'text',
  'json',
  'binary',
  'sparkplug',
  'cbor',
  'msgpack',
  'protobuf',
];

/** The value of the select that stands for a pick. */
export function choiceValue(pick: DecoderPick): string {
  return pick.decoder === 'protobuf' && pick.schemaId && pick.messageType
    ? `protobuf|${pick.schemaId}|${pick.messageType}`
    : pick.decoder;
}

/** Every decoder, then one Protobuf choice per message type of each loaded schema. */
export function decoderChoices(protoTypes: readonly ProtoType[]): DecoderChoice[] {
  const choices: DecoderChoice[] = ORDER.map((decoder) => ({
    value: decoder,
    label: LABELS[decoder],
    pick: { decoder },
  }));
  for (const { schemaId, messageType } of protoTypes) {
    const pick: DecoderPick = { decoder: 'protobuf', schemaId, messageType };
    choices.push({
      value: choiceValue(pick),
      label: `Protobuf ${messageType} (${schemaId})`,
      pick,
    });
  }
  return choices;
}

/** The pick a select's value stands for; null for a value that names no decoder. */
export function pickOfValue(value: string): DecoderPick | null {
  if (value.startsWith('protobuf|')) {
    const [, schemaId, messageType] = value.split('|');
    return schemaId && messageType ? { decoder: 'protobuf', schemaId, messageType } : null;
  }
  return (ORDER as readonly string[]).includes(value) ? { decoder: value as DecoderId } : null;
}

/** How a pick is named in a list of rules. */
export function pickLabel(pick: DecoderPick): string {
  return pick.decoder === 'protobuf' && pick.messageType
    ? `Protobuf ${pick.messageType} (${pick.schemaId ?? '?'})`
    : LABELS[pick.decoder];
}
