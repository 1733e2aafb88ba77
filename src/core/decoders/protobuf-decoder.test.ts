import protobuf from 'protobufjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileProtoSchema, protobufDecoder } from './protobuf-decoder.ts';
import { DEFAULT_DECODE_LIMITS } from './types.ts';
import type { CompiledSchema, DecodeContext, PayloadEvidence } from './types.ts';

const PROTO = `
syntax = "proto3";
package demo;
import "google/protobuf/timestamp.proto";

enum Unit { CELSIUS = 0; FAHRENHEIT = 1; }

message Reading {
  string sensor_id = 1;
  double value = 2;
  Unit unit = 3;
  repeated sint32 samples = 4;
  map<string, int64> counters = 5;
  google.protobuf.Timestamp at = 6;
  optional int32 battery = 7;
  oneof source { string gateway = 8; uint32 channel = 9; }
  bytes raw = 10;
  Nested nested = 11;
  fixed64 big = 12;
  bool ok = 13;
  float ratio = 14;
  message Nested { repeated string tags = 1; }
}
`;

/** The reference encoder: protobufjs's own, from the same .proto text. */
const reference = protobuf.parse(PROTO, { keepCase: true }).root;
reference.addJSON(protobuf.common.get('google/protobuf/timestamp.proto')?.nested ?? {});
const Reading = reference.lookupType('demo.Reading');
const encode = (fields: Record<string, unknown>) =>
  Reading.encode(Reading.fromObject(fields)).finish();

function schema(text = PROTO): CompiledSchema {
  const compiled = compileProtoSchema(text);
  if (!compiled.ok) throw new Error(compiled.reason);
  return compiled.schema;
}

const context = (schemas: Record<string, CompiledSchema> = { demo: schema() }): DecodeContext => ({
  schemas: new Map(Object.entries(schemas)),
  memory: new Map(),
});

const evidence = (payload: Uint8Array, more: Partial<PayloadEvidence> = {}): PayloadEvidence => ({
  topic: 'factory/line1',
  payload,
  rule: { filter: 'factory/#', decoder: 'protobuf', schemaId: 'demo', messageType: 'demo.Reading' },
  ...more,
});

const decode = (e: PayloadEvidence, c = context()) =>
  protobufDecoder.decode(e, DEFAULT_DECODE_LIMITS, c);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('compileProtoSchema', () => {
  it('lists the message types of a .proto, nested ones too, without the built-in Google types', () => {
    expect(schema().messageTypes).toEqual(['demo.Reading', 'demo.Reading.Nested']);
  });

  it('says where a .proto does not parse', () => {
    const result = compileProtoSchema('syntax = "proto3";\nmessage A {\n  int32 x = 1\n}');
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/does not parse.*line 4/) });
  });

  it('names a type the .proto uses but does not define', () => {
    const result = compileProtoSchema('syntax = "proto3"; message A { Missing m = 1; }');
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('Missing') });
  });

  it('asks for an imported file other than Google well-known types to be pasted in', () => {
    const result = compileProtoSchema('syntax = "proto3"; import "mine/other.proto"; message A {}');
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('mine/other.proto') });
  });
});

describe('protobufDecoder', () => {
  it('reads a message made by the reference encoder, with the field names of the .proto', () => {
    const payload = encode({
      sensor_id: 'T-17',
      value: 21.5,
      unit: 'FAHRENHEIT',
      samples: [-1, 2, -300],
      counters: { restarts: 3, big: '9007199254740993' },
      at: { seconds: 1_700_000_000, nanos: 5 },
      battery: 0,
      channel: 4,
      raw: new Uint8Array([1, 2, 255]),
      nested: { tags: ['a', 'b'] },
      big: '18446744073709551615',
      ok: true,
      ratio: 0.5,
    });
    const decoded = decode(evidence(payload));
    expect(decoded.format).toBe('protobuf');
    expect(decoded.value).toEqual({
      sensor_id: 'T-17',
      value: 21.5,
      unit: 'FAHRENHEIT',
      samples: [-1, 2, -300],
      counters: { restarts: 3, big: '9007199254740993' },
      at: { seconds: 1_700_000_000, nanos: 5 },
      battery: 0,
      channel: 4,
      raw: '01 02 ff',
      nested: { tags: ['a', 'b'] },
      big: '18446744073709551615',
      ok: true,
      ratio: 0.5,
    });
    expect(decoded.preview.startsWith('{"sensor_id":"T-17","value":21.5')).toBe(true);
    expect(structuredClone(decoded)).toEqual(decoded);
  });

  it('shows proto3 fields left at zero as zero, so a chart does not skip them', () => {
    const decoded = decode(evidence(encode({ sensor_id: 'T-1' })));
    expect(decoded.value).toMatchObject({ value: 0, unit: 'CELSIUS', samples: [], ok: false });
    // A field with presence (optional, a message, a oneof) that was not sent stays absent.
    expect(decoded.value).not.toHaveProperty('battery');
    expect(decoded.value).not.toHaveProperty('at');
  });

  it('decodes without generating code: the worker runs under a CSP without unsafe-eval', () => {
    const payload = encode({ sensor_id: 'x', value: 1, samples: [1] });
    vi.stubGlobal('Function', () => {
      throw new EvalError('Refused to evaluate a string as JavaScript');
    });
    const fresh = context({ demo: schema() }); // parsed and resolved under the stub too
    expect(decode(evidence(payload), fresh).value).toMatchObject({ sensor_id: 'x', value: 1 });
  });

  it('takes the message type from the content type when no rule names it', () => {
    const payload = encode({ sensor_id: 'x' });
    const decoded = decode(
      evidence(payload, {
        rule: null,
        properties: { contentType: 'application/x-protobuf; messageType="demo.Reading"' },
      }),
    );
    expect(decoded.value).toMatchObject({ sensor_id: 'x' });
  });

  it('reads fields by number when no message type is named', () => {
    const payload = encode({ sensor_id: 'T-17', value: 2, nested: { tags: ['a'] } });
    const decoded = decode(evidence(payload, { rule: { filter: '#', decoder: 'protobuf' } }));
    // The double 2.0 is 0x4000000000000000 as a raw 64-bit field: past 2^53, kept as text.
    expect(decoded.value).toEqual({ '1': 'T-17', '2': '4611686018427387904', '11': { '1': 'a' } });
  });

  it.each([
    ['a type the schema does not define', { messageType: 'demo.Missing' }, /not a message type/],
    ['a schema that is not loaded', { schemaId: 'other' }, /not loaded/],
  ])('throws for %s', (_name, change, reason) => {
    const rule = {
      filter: '#',
      decoder: 'protobuf' as const,
      schemaId: 'demo',
      messageType: 'demo.Reading',
      ...change,
    };
    expect(() => decode(evidence(encode({ sensor_id: 'x' }), { rule }))).toThrow(reason);
  });

  it.each([
    ['a truncated message', encode({ sensor_id: 'a long sensor name' }).subarray(0, 6)],
    ['a field number 0', new Uint8Array([0x00, 0x01])],
    ['a string field that arrives as a varint', new Uint8Array([0x08, 0x01])],
    ['a length past the end', new Uint8Array([0x0a, 0x7f, 0x41])],
    ['invalid UTF-8 in a string', new Uint8Array([0x0a, 0x02, 0xc3, 0x28])],
  ])('throws, saying what is wrong, for %s', (_name, payload) => {
    expect(() => decode(evidence(payload))).toThrow(/\w/);
  });
});
