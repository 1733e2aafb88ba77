/**
 * Protobuf with the user's .proto: a rule names the schema and the message type, or an MQTT 5
 * content type names the type (`application/x-protobuf; messageType=demo.Reading`). With no
 * type named, the payload is read field by field, by number. Loaded on demand, with
 * protobufjs's .proto parser, as its own chunk of the worker.
 */
import protobuf from 'protobufjs';
import type { Root, Type } from 'protobufjs';
import { contentTypeParameter } from './content-type.ts';
import { assertParseable, structuredPayload } from './plain-value.ts';
import { readMessage, readRawMessage } from './protobuf-wire.ts';
import type { CompiledSchema, DecodeContext, FormatDecoder, SchemaCompileResult } from './types.ts';

/** Content type parameters that name the message type, as publishers spell them. */
const TYPE_PARAMETERS = ['messagetype', 'proto', 'type'];

interface ProtoHandle {
  root: Root;
}

function messageTypesOf(namespace: protobuf.NamespaceBase, into: string[]): string[] {
  for (const nested of namespace.nestedArray) {
    if (nested instanceof protobuf.Type) into.push(nested.fullName.replace(/^\./, ''));
    if (nested instanceof protobuf.Namespace || nested instanceof protobuf.Type) {
      messageTypesOf(nested, into);
    }
  }
  return into;
}

/**
 * Parses a .proto text. Imports of Google's well-known types (timestamp, duration, any,
 * struct, wrappers, empty, field_mask) are built in; any other import must be pasted in.
 */
export function compileProtoSchema(text: string): SchemaCompileResult {
  let parsed: protobuf.IParserResult;
  try {
    parsed = protobuf.parse(text, { keepCase: true });
  } catch (error) {
    return {
      ok: false,
      reason: `it does not parse: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const { root } = parsed;
  for (const file of [...(parsed.imports ?? []), ...(parsed.weakImports ?? [])]) {
    const common = protobuf.common.get(file);
    if (!common?.nested) {
      return {
        ok: false,
        reason: `it imports ${file}; paste the definitions it needs into the same text (only Google's well-known types are built in).`,
      };
    }
    root.addJSON(common.nested);
  }
  try {
    root.resolveAll();
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  const messageTypes = messageTypesOf(root, []).filter(
    (name) => !name.startsWith('google.protobuf.'),
  );
  const handle: ProtoHandle = { root };
  return { ok: true, schema: { messageTypes, handle } };
}

function lookup(schema: CompiledSchema, typeName: string): Type | null {
  if (!schema.messageTypes.includes(typeName) && !typeName.startsWith('google.protobuf.'))
    return null;
  try {
    return (schema.handle as ProtoHandle).root.lookupType(typeName);
  } catch {
    return null;
  }
}

/** The type a message names (by its rule, else its content type), or null for a raw read. */
function typeFor(
  schemaId: string | undefined,
  typeName: string | null,
  context: DecodeContext,
): Type | null {
  if (typeName === null) return null;
  if (schemaId !== undefined) {
    const schema = context.schemas.get(schemaId);
    if (!schema) throw new Error(`the .proto schema '${schemaId}' is not loaded`);
    const type = lookup(schema, typeName);
    if (!type) throw new Error(`'${typeName}' is not a message type of '${schemaId}'`);
    return type;
  }
  for (const schema of context.schemas.values()) {
    const type = lookup(schema, typeName);
    if (type) return type;
  }
  throw new Error(`no loaded .proto schema defines '${typeName}'`);
}

export const protobufDecoder: FormatDecoder = {
  id: 'protobuf',
  compileSchema: compileProtoSchema,
  decode({ payload, rule, properties }, limits, context) {
    assertParseable(payload, limits.parseBytes);
    const contentType = properties?.contentType;
    const typeName =
      rule?.messageType ??
      (contentType === undefined ? null : contentTypeParameter(contentType, TYPE_PARAMETERS));
    const type = typeFor(rule?.schemaId, typeName, context);
    const value = type ? readMessage(type, payload) : readRawMessage(payload);
    return structuredPayload('protobuf', value, payload.length, limits);
  },
};
