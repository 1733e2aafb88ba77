/**
 * Sparkplug B values as plain data (Sparkplug 3.0 §6.4.16–17): a metric's value read from the
 * field its datatype puts it in, signed integers restored from their unsigned encoding, arrays
 * unpacked from their bytes, and DataSets, Templates and PropertySets as objects.
 */
import { MAX_VALUE_DEPTH, plainBytes, plainInteger, setKey, shortFloat32 } from './plain-value.ts';
import { utf8Decoder } from './utf8.ts';

/** Datatype names by number (the DataType enum of sparkplug_b.proto). */
export const SPARKPLUG_DATATYPES: readonly string[] = [
  'Unknown',
  'Int8',
  'Int16',
  'Int32',
  'Int64',
  'UInt8',
  'UInt16',
  'UInt32',
  'UInt64',
  'Float',
  'Double',
  'Boolean',
  'String',
  'DateTime',
  'Text',
  'UUID',
  'DataSet',
  'Bytes',
  'File',
  'Template',
  'PropertySet',
  'PropertySetList',
  'Int8Array',
  'Int16Array',
  'Int32Array',
  'Int64Array',
  'UInt8Array',
  'UInt16Array',
  'UInt32Array',
  'UInt64Array',
  'FloatArray',
  'DoubleArray',
  'BooleanArray',
  'StringArray',
  'DateTimeArray',
];

export function datatypeName(datatype: number | undefined): string {
  return datatype === undefined
    ? 'Unknown'
    : (SPARKPLUG_DATATYPES[datatype] ?? `Unknown (${datatype})`);
}

/** A decoded Sparkplug message part, as protobuf-wire's reader returns it. */
export type RawObject = Record<string, unknown>;

const VALUE_FIELDS = [
  'intValue',
  'longValue',
  'floatValue',
  'doubleValue',
  'booleanValue',
  'stringValue',
  'bytesValue',
  'datasetValue',
  'templateValue',
  'propertysetValue',
  'propertysetsValue',
  'extensionValue',
] as const;

/** The one value field a Sparkplug `oneof value` has set, or undefined. */
export function setValueOf(raw: RawObject): unknown {
  for (const field of VALUE_FIELDS) {
    const value = raw[field];
    if (value !== undefined) return value;
  }
  return undefined;
}

/** An integer that arrived as uint32 or uint64 (number or decimal string) as `bits`-bit signed. */
function toSigned(value: unknown, bits: number): unknown {
  if (typeof value === 'string') return plainInteger(BigInt.asIntN(bits, BigInt(value)));
  if (typeof value !== 'number') return value;
  if (bits === 64) return value; // a safe-integer uint64 is below 2^53: positive as it is
  const n = value | 0; // uint32 → int32 (Tahu writes Int8/16 as a 32-bit two's complement)
  // Some publishers write Int8 and Int16 as 8- and 16-bit two's complement instead.
  if (bits === 8 && n >= 0x80 && n <= 0xff) return n - 0x100;
  if (bits === 16 && n >= 0x8000 && n <= 0xffff) return n - 0x10000;
  return n;
}

/** An array datatype's elements, little-endian in the bytes (Sparkplug 3.0 §6.4.17). */
function unpackArray(datatype: number, bytes: Uint8Array): unknown[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: unknown[] = [];
  const each = (width: number, read: (offset: number) => unknown) => {
    if (bytes.length % width !== 0) {
      throw new Error(
        `${datatypeName(datatype)} of ${bytes.length} bytes, not a multiple of ${width}`,
      );
    }
    for (let offset = 0; offset < bytes.length; offset += width) out.push(read(offset));
  };
  switch (datatype) {
    case 22:
      each(1, (o) => view.getInt8(o));
      break;
    case 23:
      each(2, (o) => view.getInt16(o, true));
      break;
    case 24:
      each(4, (o) => view.getInt32(o, true));
      break;
    case 25:
      each(8, (o) => plainInteger(view.getBigInt64(o, true)));
      break;
    case 26:
      each(1, (o) => view.getUint8(o));
      break;
    case 27:
      each(2, (o) => view.getUint16(o, true));
      break;
    case 28:
      each(4, (o) => view.getUint32(o, true));
      break;
    case 29:
    case 34: // DateTime: ms since the epoch as a uint64
      each(8, (o) => plainInteger(view.getBigUint64(o, true)));
      break;
    case 30:
      each(4, (o) => shortFloat32(view.getFloat32(o, true)));
      break;
    case 31:
      each(8, (o) => view.getFloat64(o, true));
      break;
    case 32: {
      // A uint32 count, then the booleans packed most significant bit first.
      if (bytes.length < 4) throw new Error('BooleanArray shorter than its 4-byte count');
      const count = view.getUint32(0, true);
      if (Math.ceil(count / 8) > bytes.length - 4)
        throw new Error(`BooleanArray of ${count} is cut short`);
      for (let i = 0; i < count; i++)
        out.push((((bytes[4 + (i >> 3)] as number) >> (7 - (i & 7))) & 1) === 1);
      break;
    }
    case 33: {
      // Null-terminated UTF-8 strings, one after another.
      let start = 0;
      for (let i = 0; i < bytes.length; i++) {
        if (bytes[i] !== 0) continue;
        out.push(utf8Decoder.decode(bytes.subarray(start, i)));
        start = i + 1;
      }
      if (start < bytes.length) out.push(utf8Decoder.decode(bytes.subarray(start)));
      break;
    }
    default:
      throw new Error(`unknown array datatype ${datatype}`);
  }
  return out;
}

/** A value (of a metric, a DataSet cell, a template parameter, a property) by its datatype. */
export function plainValue(value: unknown, datatype: number | undefined, depth: number): unknown {
  if (value === undefined || value === null) return null;
  if (depth > MAX_VALUE_DEPTH) throw new Error(`values nested deeper than ${MAX_VALUE_DEPTH}`);
  switch (datatype) {
    case 1:
      return toSigned(value, 8);
    case 2:
      return toSigned(value, 16);
    case 3:
      return toSigned(value, 32);
    case 4:
      return toSigned(value, 64);
    case 16:
      return plainDataSet(value as RawObject, depth + 1);
    case 19:
      return plainTemplate(value as RawObject, depth + 1);
    case 20:
      return plainPropertySet(value as RawObject, depth + 1);
    case 21:
      return (((value as RawObject).propertyset as RawObject[] | undefined) ?? []).map((set) =>
        plainPropertySet(set, depth + 1),
      );
    default:
      break;
  }
  if (value instanceof Uint8Array) {
    return datatype !== undefined && datatype >= 22 && datatype <= 34
      ? unpackArray(datatype, value)
      : plainBytes(value);
  }
  if (typeof value === 'object') return plainObject(value as RawObject, depth + 1);
  return value;
}

/** A nested part read field by field (metadata, an extension): bytes as hex, the rest as is. */
function plainObject(raw: RawObject, depth: number): RawObject {
  const out: RawObject = {};
  for (const key of Object.keys(raw)) {
    const value = raw[key];
    setKey(
      out,
      key,
      value instanceof Uint8Array ? plainBytes(value) : plainValue(value, undefined, depth),
    );
  }
  return out;
}

function plainDataSet(raw: RawObject, depth: number): RawObject {
  const types = (raw.types as number[] | undefined) ?? [];
  const rows = ((raw.rows as RawObject[] | undefined) ?? []).map((row) =>
    ((row.elements as RawObject[] | undefined) ?? []).map((cell, column) =>
      plainValue(setValueOf(cell), types[column], depth + 1),
    ),
  );
  return { columns: raw.columns ?? [], types: types.map(datatypeName), rows };
}

function plainPropertySet(raw: RawObject, depth: number): RawObject {
  const keys = (raw.keys as string[] | undefined) ?? [];
  const values = (raw.values as RawObject[] | undefined) ?? [];
  const out: RawObject = {};
  keys.forEach((key, i) => {
    const property = values[i];
    if (!property) return;
    const type = property.type as number | undefined;
    setKey(
      out,
      key,
      property.isNull === true ? null : plainValue(setValueOf(property), type, depth + 1),
    );
  });
  return out;
}

function plainTemplate(raw: RawObject, depth: number): RawObject {
  const out: RawObject = {};
  if (raw.templateRef !== undefined) out.templateRef = raw.templateRef;
  if (raw.version !== undefined) out.version = raw.version;
  if (raw.isDefinition !== undefined) out.isDefinition = raw.isDefinition;
  const metrics: RawObject = {};
  ((raw.metrics as RawObject[] | undefined) ?? []).forEach((metric, i) => {
    const name = typeof metric.name === 'string' ? metric.name : `metric ${i + 1}`;
    const datatype = metric.datatype as number | undefined;
    setKey(metrics, name, {
      value: metric.isNull === true ? null : plainValue(setValueOf(metric), datatype, depth + 1),
      datatype: datatypeName(datatype),
    });
  });
  out.metrics = metrics;
  const parameters: RawObject = {};
  for (const parameter of (raw.parameters as RawObject[] | undefined) ?? []) {
    const type = parameter.type as number | undefined;
    setKey(parameters, String(parameter.name ?? ''), {
      value: plainValue(setValueOf(parameter), type, depth + 1),
      type: datatypeName(type),
    });
  }
  if (Object.keys(parameters).length > 0) out.parameters = parameters;
  return out;
}
