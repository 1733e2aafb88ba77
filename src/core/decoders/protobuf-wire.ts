/**
 * Reads Protobuf wire format (protobuf.dev/programming-guides/encoding) into plain data by
 * walking protobufjs's reflection of a schema. protobufjs's own `Type.decode` compiles a decoder
 * with `new Function`, which the page's Content-Security-Policy (script-src 'self', no
 * 'unsafe-eval') forbids in the worker; this interpreter needs only its `Reader`.
 */
import protobuf from 'protobufjs/light.js';
import type { Enum, FieldBase, Long, MapField, Reader, Type } from 'protobufjs/light.js';
import { isReadableUtf8, utf8Decoder } from './utf8.ts';
import { MAX_VALUE_DEPTH, plainBytes, plainInteger, setKey, shortFloat32 } from './plain-value.ts';

const VARINT = 0;
const FIXED64 = 1;
const LENGTH_DELIMITED = 2;
const START_GROUP = 3;
const FIXED32 = 5;

/** The wire type each scalar type arrives with. */
const SCALAR_WIRE: Readonly<Record<string, number>> = {
  double: FIXED64,
  float: FIXED32,
  int32: VARINT,
  uint32: VARINT,
  sint32: VARINT,
  fixed32: FIXED32,
  sfixed32: FIXED32,
  int64: VARINT,
  uint64: VARINT,
  sint64: VARINT,
  fixed64: FIXED64,
  sfixed64: FIXED64,
  bool: VARINT,
  string: LENGTH_DELIMITED,
  bytes: LENGTH_DELIMITED,
};

/** A 64-bit integer from the reader as a number when exact, else its decimal string. */
export function plainLong(value: Long | number): number | string {
  if (typeof value === 'number') return value;
  const { low, high, unsigned } = value;
  // Most values (counters, millisecond timestamps) have small high bits: no bigint needed.
  if (high >= 0 && high < 0x200000) return high * 0x1_0000_0000 + (low >>> 0);
  const bits = (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0);
  return plainInteger(unsigned ? bits : BigInt.asIntN(64, bits));
}

function readScalar(reader: Reader, type: string, rawBytes: boolean): unknown {
  switch (type) {
    case 'double':
      return reader.double();
    case 'float':
      return shortFloat32(reader.float());
    case 'int32':
      return reader.int32();
    case 'uint32':
      return reader.uint32();
    case 'sint32':
      return reader.sint32();
    case 'fixed32':
      return reader.fixed32();
    case 'sfixed32':
      return reader.sfixed32();
    case 'int64':
      return plainLong(reader.int64());
    case 'uint64':
      return plainLong(reader.uint64());
    case 'sint64':
      return plainLong(reader.sint64());
    case 'fixed64':
      return plainLong(reader.fixed64());
    case 'sfixed64':
      return plainLong(reader.sfixed64());
    case 'bool':
      return reader.bool();
    case 'string':
      return reader.stringVerify();
    case 'bytes':
      return rawBytes ? reader.bytes() : plainBytes(reader.bytes());
    default:
      throw new Error(`unknown field type ${type}`);
  }
}

/** The end of a length-delimited part that starts at the reader, checked against the buffer. */
function lengthEnd(reader: Reader): number {
  const length = reader.uint32();
  const end = reader.pos + length;
  if (end > reader.len) {
    throw new Error(`a part of ${length} bytes runs past the end (byte ${reader.pos})`);
  }
  return end;
}

function wireName(wire: number): string {
  return (
    ['varint', '64-bit', 'length-delimited', 'group start', 'group end', '32-bit'][wire] ??
    `invalid (${wire})`
  );
}

/** The plain value a field's type stands for, with enums by name where the name is known. */
function plainDefault(field: FieldBase): unknown {
  const value = field.typeDefault as unknown;
  if (field.resolvedType instanceof protobuf.Enum) {
    return typeof value === 'number' ? (field.resolvedType.valuesById[value] ?? value) : value;
  }
  if (value instanceof Uint8Array) return plainBytes(value);
  if (value !== null && typeof value === 'object') return plainLong(value as Long);
  return value;
}

function readEnum(reader: Reader, type: Enum): unknown {
  const n = reader.int32();
  return type.valuesById[n] ?? n;
}

/** One value of a field, of the wire type it arrived with (checked against the schema). */
function readFieldValue(
  reader: Reader,
  field: FieldBase,
  wire: number,
  depth: number,
  rawBytes: boolean,
): unknown {
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Type) {
    if (wire !== LENGTH_DELIMITED) {
      throw new Error(`field ${field.name} is a message but arrived as ${wireName(wire)}`);
    }
    return readFields(reader, lengthEnd(reader), resolved, depth + 1, rawBytes);
  }
  const expected = resolved instanceof protobuf.Enum ? VARINT : SCALAR_WIRE[field.type];
  if (wire !== expected) {
    throw new Error(`field ${field.name} (${field.type}) arrived as ${wireName(wire)}`);
  }
  return resolved instanceof protobuf.Enum
    ? readEnum(reader, resolved)
    : readScalar(reader, field.type, rawBytes);
}

/** A packed run of scalars (proto3's default for repeated numbers, §Packed Repeated Fields). */
function readPacked(reader: Reader, field: FieldBase, into: unknown[]): void {
  const end = lengthEnd(reader);
  const resolved = field.resolvedType;
  while (reader.pos < end) {
    into.push(
      resolved instanceof protobuf.Enum
        ? readEnum(reader, resolved)
        : readScalar(reader, field.type, false),
    );
  }
  if (reader.pos !== end) throw new Error(`packed field ${field.name} overruns its length`);
}

/** One map entry (a message with key = 1 and value = 2) into `into`. */
function readMapEntry(
  reader: Reader,
  field: MapField,
  into: Record<string, unknown>,
  depth: number,
  rawBytes: boolean,
): void {
  const end = lengthEnd(reader);
  let key: unknown = null;
  let value: unknown = null;
  while (reader.pos < end) {
    const tag = reader.uint32();
    const id = tag >>> 3;
    const wire = tag & 7;
    if (id === 1) {
      if (wire !== SCALAR_WIRE[field.keyType]) {
        throw new Error(`map ${field.name} has a key that arrived as ${wireName(wire)}`);
      }
      key = readScalar(reader, field.keyType, false);
    } else if (id === 2) value = readFieldValue(reader, field, wire, depth, rawBytes);
    else reader.skipType(wire);
  }
  if (reader.pos !== end) throw new Error(`an entry of map ${field.name} overruns its length`);
  setKey(into, String(key ?? ''), value ?? plainDefault(field));
}

interface FieldLayout {
  field: FieldBase;
  name: string;
  map: boolean;
  repeated: boolean;
  /** A repeated scalar or enum, which may arrive packed (one length-delimited run). */
  packable: boolean;
}

/** How a field left out of a message is shown: an empty list or map, or its zero value. */
interface Fill {
  name: string;
  fill: 'list' | 'map' | 'value';
  value: unknown;
}

interface TypeLayout {
  byId: Map<number, FieldLayout>;
  fills: Fill[];
}

/** What readFields needs of a type, worked out once per type rather than once per message. */
const layouts = new WeakMap<Type, TypeLayout>();

function layoutOf(type: Type): TypeLayout {
  let layout = layouts.get(type);
  if (layout) return layout;
  layout = { byId: new Map(), fills: [] };
  for (const field of type.fieldsArray) {
    const map = field instanceof protobuf.MapField;
    const message = field.resolvedType instanceof protobuf.Type;
    const packable =
      field.repeated &&
      !message &&
      (field.resolvedType instanceof protobuf.Enum || SCALAR_WIRE[field.type] !== LENGTH_DELIMITED);
    layout.byId.set(field.id, { field, name: field.name, map, repeated: field.repeated, packable });
    // Fields without presence (proto3's plain scalars) are not sent when zero: show the zero,
    // so a chart of such a field does not skip its zeros.
    if (map) layout.fills.push({ name: field.name, fill: 'map', value: null });
    else if (field.repeated) layout.fills.push({ name: field.name, fill: 'list', value: null });
    else if (!field.hasPresence && !message) {
      layout.fills.push({ name: field.name, fill: 'value', value: plainDefault(field) });
    }
  }
  layouts.set(type, layout);
  return layout;
}

/** Fields of one message up to `end`, by their names in the schema. */
function readFields(
  reader: Reader,
  end: number,
  type: Type,
  depth: number,
  rawBytes: boolean,
): Record<string, unknown> {
  if (depth > MAX_VALUE_DEPTH) throw new Error(`messages nested deeper than ${MAX_VALUE_DEPTH}`);
  const out: Record<string, unknown> = {};
  const { byId, fills } = layoutOf(type);
  while (reader.pos < end) {
    const at = reader.pos;
    const tag = reader.uint32();
    const id = tag >>> 3;
    const wire = tag & 7;
    if (id === 0) throw new Error(`a field numbered 0 at byte ${at}`);
    if (wire > FIXED32 || wire === 4) {
      throw new Error(`a ${wireName(wire)} wire type at byte ${at}`);
    }
    const layout = byId.get(id);
    if (!layout) {
      // Unknown fields are allowed (a newer sender); skipped as the wire type says.
      reader.skipType(wire, 0, id);
      continue;
    }
    const { field, name } = layout;
    if (layout.map) {
      if (wire !== LENGTH_DELIMITED) throw new Error(`map ${name} arrived as ${wireName(wire)}`);
      let map = out[name] as Record<string, unknown> | undefined;
      if (!map) setKey(out, name, (map = {}));
      readMapEntry(reader, field as MapField, map, depth, rawBytes);
    } else if (layout.repeated) {
      let list = out[name] as unknown[] | undefined;
      if (!list) setKey(out, name, (list = []));
      if (wire === LENGTH_DELIMITED && layout.packable) readPacked(reader, field, list);
      else list.push(readFieldValue(reader, field, wire, depth, rawBytes));
    } else {
      setKey(out, name, readFieldValue(reader, field, wire, depth, rawBytes));
    }
  }
  if (reader.pos !== end) throw new Error(`a ${type.name} message overruns its length`);
  for (const { name, fill, value } of fills) {
    if (out[name] !== undefined) continue;
    setKey(out, name, fill === 'list' ? [] : fill === 'map' ? {} : value);
  }
  return out;
}

/**
 * Reads a whole payload as a message of `type` (resolved). Throws, in words, when malformed.
 * Bytes fields become hex, or stay bytes with `rawBytes` for a caller that reads them further.
 */
export function readMessage(
  type: Type,
  bytes: Uint8Array,
  { rawBytes = false }: { rawBytes?: boolean } = {},
): Record<string, unknown> {
  const reader = protobuf.Reader.create(bytes);
  return readFields(reader, bytes.length, type, 0, rawBytes);
}

/**
 * Reads a payload without a schema, as `protoc --decode_raw` does: fields by number, varints
 * as unsigned integers, fixed-width values as unsigned integers, and a length-delimited part
 * as text when it is readable UTF-8, else as a nested message when it reads as one, else hex.
 */
export function readRawMessage(bytes: Uint8Array): Record<string, unknown> {
  const reader = protobuf.Reader.create(bytes);
  return readRawFields(reader, bytes.length, 0);
}

function readRawFields(reader: Reader, end: number, depth: number): Record<string, unknown> {
  if (depth > MAX_VALUE_DEPTH) throw new Error(`messages nested deeper than ${MAX_VALUE_DEPTH}`);
  const out: Record<string, unknown> = {};
  while (reader.pos < end) {
    const at = reader.pos;
    const tag = reader.uint32();
    const id = tag >>> 3;
    const wire = tag & 7;
    if (id === 0) throw new Error(`a field numbered 0 at byte ${at}`);
    let value: unknown;
    switch (wire) {
      case VARINT:
        value = plainLong(reader.uint64());
        break;
      case FIXED64:
        value = plainLong(reader.fixed64());
        break;
      case FIXED32:
        value = reader.fixed32();
        break;
      case LENGTH_DELIMITED: {
        const partEnd = lengthEnd(reader);
        value = readRawPart(reader.buf.subarray(reader.pos, partEnd), depth);
        reader.pos = partEnd;
        break;
      }
      case START_GROUP:
        throw new Error(`a group (a proto2 feature) at byte ${at}; a schema is needed to read it`);
      default:
        throw new Error(`a ${wireName(wire)} wire type at byte ${at}`);
    }
    const key = String(id);
    const previous = out[key];
    if (previous === undefined) setKey(out, key, value);
    else if (Array.isArray(previous)) previous.push(value);
    else setKey(out, key, [previous, value]);
  }
  if (reader.pos !== end) throw new Error('a nested message overruns its length');
  return out;
}

function readRawPart(part: Uint8Array, depth: number): unknown {
  if (isReadableUtf8(part)) return utf8Decoder.decode(part);
  try {
    return readRawFields(protobuf.Reader.create(part), part.length, depth + 1);
  } catch {
    return plainBytes(part);
  }
}
