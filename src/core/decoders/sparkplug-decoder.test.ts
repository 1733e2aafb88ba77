import sparkplug from 'sparkplug-payload';
import tahu from 'sparkplug-payload/lib/sparkplugPayloadProto.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readChartValue, parseJsonPath } from '../json-path.ts';
import { sparkplugDecoder } from './sparkplug-decoder.ts';
import type { SparkplugValue } from './sparkplug-decoder.ts';
import { DEFAULT_DECODE_LIMITS } from './types.ts';
import type { DecodeContext, PayloadEvidence } from './types.ts';

// Eclipse Tahu's encoder is the reference: every payload here is made by it.
const codec = sparkplug.get('spBv1.0');
if (!codec) throw new Error('sparkplug-payload has no spBv1.0 codec');
const TahuPayload = tahu.org.eclipse.tahu.protobuf.Payload;

afterEach(() => {
  vi.unstubAllGlobals();
});

const context = (): DecodeContext => ({ schemas: new Map(), memory: new Map() });

function decode(evidence: PayloadEvidence, into = context()) {
  return sparkplugDecoder.decode(evidence, DEFAULT_DECODE_LIMITS, into);
}

const valueOf = (evidence: PayloadEvidence, into?: DecodeContext) =>
  decode(evidence, into).value as SparkplugValue;

const NBIRTH = codec.encodePayload({
  timestamp: 1_700_000_000_000,
  seq: 0,
  metrics: [
    { name: 'bdSeq', type: 'UInt64', value: 3 },
    { name: 'Node Control/Rebirth', type: 'Boolean', value: false, alias: 1 },
    { name: 'Temperature', type: 'Float', value: 21.5, alias: 2 },
    { name: 'Counter', type: 'Int64', value: -7, alias: 3 },
    { name: 'Offset', type: 'Int8', value: -5, alias: 4 },
    { name: 'Status', type: 'String', value: 'running', alias: 5 },
  ],
});

describe('sparkplugDecoder', () => {
  it('reads an NBIRTH made by the reference encoder: metrics by name, datatypes, seq, timestamp', () => {
    const decoded = decode({ topic: 'spBv1.0/plant/NBIRTH/edge1', payload: NBIRTH, live: true });
    expect(decoded.format).toBe('sparkplug');
    const value = decoded.value as SparkplugValue;
    expect(value.timestamp).toBe(1_700_000_000_000);
    expect(value.seq).toBe(0);
    expect(value.metrics).toEqual({
      bdSeq: { value: 3, datatype: 'UInt64' },
      'Node Control/Rebirth': { value: false, datatype: 'Boolean', alias: 1 },
      Temperature: { value: 21.5, datatype: 'Float', alias: 2 },
      Counter: { value: -7, datatype: 'Int64', alias: 3 },
      Offset: { value: -5, datatype: 'Int8', alias: 4 },
      Status: { value: 'running', datatype: 'String', alias: 5 },
    });
    expect(decoded.preview).toContain('Temperature: 21.5');
    expect(decoded.preview).toContain('Status: "running"');
    expect(decoded.preview).toMatch(/seq 0$/);
  });

  it('names DDATA metrics sent by alias only, from the DBIRTH seen before on the connection', () => {
    const memory = context();
    const dbirth = codec.encodePayload({
      timestamp: 1,
      seq: 1,
      metrics: [
        { name: 'Pressure', type: 'Double', value: 1.01, alias: 10 },
        { name: 'Valve', type: 'Boolean', value: true, alias: 11 },
      ],
    });
    decode({ topic: 'spBv1.0/plant/DBIRTH/edge1/pump', payload: dbirth, live: true }, memory);
    // DATA metrics by alias alone, without a datatype (Sparkplug 3.0 §6.4.8): Tahu's own
    // Protobuf types build it, as its encodePayload always adds both.
    const ddata = TahuPayload.encode({
      timestamp: 2,
      seq: 2,
      metrics: [
        { alias: 10, doubleValue: 1.25 },
        { alias: 11, booleanValue: false },
        { alias: 99, intValue: 4 },
      ],
    }).finish();
    const value = valueOf({ topic: 'spBv1.0/plant/DDATA/edge1/pump', payload: ddata }, memory);
    expect(value.metrics).toEqual({
      Pressure: { value: 1.25, datatype: 'Double', alias: 10 },
      Valve: { value: false, datatype: 'Boolean', alias: 11 },
      'alias 99': { value: 4, datatype: 'Unknown', alias: 99 },
    });
    // Another device's aliases are its own.
    const other = valueOf({ topic: 'spBv1.0/plant/DDATA/edge1/fan', payload: ddata }, memory);
    expect(Object.keys(other.metrics)).toEqual(['alias 10', 'alias 11', 'alias 99']);
  });

  it('learns aliases only from messages as they arrive, not from one read back later', () => {
    const memory = context();
    decode({ topic: 'spBv1.0/plant/NBIRTH/edge1', payload: NBIRTH }, memory); // not live
    const ndata = TahuPayload.encode({ seq: 1, metrics: [{ alias: 2, floatValue: 22 }] }).finish();
    const value = valueOf({ topic: 'spBv1.0/plant/NDATA/edge1', payload: ndata }, memory);
    expect(Object.keys(value.metrics)).toEqual(['alias 2']);
  });

  it('restores signed integers from the datatype the BIRTH gave', () => {
    const memory = context();
    decode({ topic: 'spBv1.0/plant/NBIRTH/edge1', payload: NBIRTH, live: true }, memory);
    const ndata = TahuPayload.encode({
      metrics: [
        { alias: 4, intValue: 0xfffffff6 }, // Int8 -10 as Tahu writes it
        { alias: 3, longValue: '18437736874454810623' }, // -9007199254740993 as uint64
      ],
    }).finish();
    const value = valueOf({ topic: 'spBv1.0/plant/NDATA/edge1', payload: ndata }, memory);
    expect(value.metrics.Offset?.value).toBe(-10);
    // Beyond 2^53: kept exact, as a string.
    expect(value.metrics.Counter?.value).toBe('-9007199254740993');
  });

  it('reads every scalar datatype the reference encoder writes', () => {
    const payload = codec.encodePayload({
      timestamp: 5,
      metrics: [
        { name: 'i16', type: 'Int16', value: -300 },
        { name: 'i32', type: 'Int32', value: -70_000 },
        { name: 'u8', type: 'UInt8', value: 200 },
        { name: 'u16', type: 'UInt16', value: 60_000 },
        { name: 'u32', type: 'UInt32', value: 4_000_000_000 },
        { name: 'u64', type: 'UInt64', value: '18446744073709551615' as unknown as number },
        { name: 'dbl', type: 'Double', value: -0.125 },
        { name: 'when', type: 'DateTime', value: 1_700_000_000_123 },
        { name: 'text', type: 'Text', value: 'long text' },
        { name: 'id', type: 'UUID', value: '0f8fad5b-d9cb-469f-a165-70867728950e' },
        { name: 'blob', type: 'Bytes', value: new Uint8Array([0xde, 0xad]) },
        { name: 'gone', type: 'Float', value: null },
      ],
    });
    const { metrics } = valueOf({ topic: 'spBv1.0/g/NDATA/e', payload });
    expect(Object.fromEntries(Object.entries(metrics).map(([k, m]) => [k, m.value]))).toEqual({
      i16: -300,
      i32: -70_000,
      u8: 200,
      u16: 60_000,
      u32: 4_000_000_000,
      u64: '18446744073709551615',
      dbl: -0.125,
      when: 1_700_000_000_123,
      text: 'long text',
      id: '0f8fad5b-d9cb-469f-a165-70867728950e',
      blob: 'de ad',
      gone: null,
    });
  });

  it('reads DataSets, Templates and PropertySets as plain objects', () => {
    const payload = codec.encodePayload({
      metrics: [
        {
          name: 'Table',
          type: 'DataSet',
          value: {
            numOfColumns: 2,
            columns: ['name', 'level'],
            types: ['String', 'Double'],
            rows: [
              ['a', 1.5],
              ['b', 2.5],
            ],
          },
        },
        {
          name: 'Motor',
          type: 'Template',
          value: {
            templateRef: 'MotorType',
            isDefinition: false,
            metrics: [{ name: 'RPM', type: 'Int32', value: 1200 }],
            parameters: [{ name: 'Site', type: 'String', value: 'North' }],
          },
        },
        {
          name: 'Level',
          type: 'Float',
          value: 3,
          properties: { engUnit: { type: 'String', value: 'm' } },
        },
      ],
    });
    const { metrics } = valueOf({ topic: 'spBv1.0/g/NDATA/e', payload });
    expect(metrics.Table?.value).toEqual({
      columns: ['name', 'level'],
      types: ['String', 'Double'],
      rows: [
        ['a', 1.5],
        ['b', 2.5],
      ],
    });
    expect(metrics.Motor?.value).toEqual({
      templateRef: 'MotorType',
      isDefinition: false,
      metrics: { RPM: { value: 1200, datatype: 'Int32' } },
      parameters: { Site: { value: 'North', type: 'String' } },
    });
    expect(metrics.Level?.properties).toEqual({ engUnit: 'm' });
  });

  it('unpacks the array datatypes of Sparkplug 3.0 from their bytes', () => {
    const le = (values: number[], width: 2 | 4) => {
      const view = new DataView(new ArrayBuffer(values.length * width));
      values.forEach((v, i) =>
        width === 2 ? view.setInt16(i * 2, v, true) : view.setFloat32(i * 4, v, true),
      );
      return new Uint8Array(view.buffer);
    };
    const payload = TahuPayload.encode({
      metrics: [
        { name: 'shorts', datatype: 23, bytesValue: le([-2, 300], 2) },
        { name: 'floats', datatype: 30, bytesValue: le([1.5, -2], 4) },
        // The specification's example: 12 booleans in 0x34 0xD0, most significant bit first.
        {
          name: 'flags',
          datatype: 32,
          bytesValue: new Uint8Array([0x0c, 0, 0, 0, 0x34, 0xd0]),
        },
        { name: 'words', datatype: 33, bytesValue: new TextEncoder().encode('ab\0cd\0') },
      ],
    }).finish();
    const { metrics } = valueOf({ topic: 'spBv1.0/g/NDATA/e', payload });
    expect(metrics.shorts?.value).toEqual([-2, 300]);
    expect(metrics.floats?.value).toEqual([1.5, -2]);
    expect(metrics.flags?.value).toEqual(
      [0, 0, 1, 1, 0, 1, 0, 0, 1, 1, 0, 1].map((bit) => bit === 1),
    );
    expect(metrics.words?.value).toEqual(['ab', 'cd']);
  });

  it('gives a chart a metric by name, as a JSON field', () => {
    const decoded = decode({ topic: 'spBv1.0/plant/NBIRTH/edge1', payload: NBIRTH });
    const path = parseJsonPath('metrics.Temperature.value');
    if (!path.ok) throw new Error(path.reason);
    expect(readChartValue(decoded, path.path)).toBe(21.5);
    const quoted = parseJsonPath('metrics["Node Control/Rebirth"].value');
    if (!quoted.ok) throw new Error(quoted.reason);
    expect(readChartValue(decoded, quoted.path)).toBe(0);
  });

  it('loads and decodes without generating code: the worker runs under a CSP without unsafe-eval', async () => {
    vi.stubGlobal('Function', () => {
      throw new EvalError('Refused to evaluate a string as JavaScript');
    });
    vi.resetModules();
    const fresh = await import('./sparkplug-decoder.ts');
    const decoded = fresh.sparkplugDecoder.decode(
      { topic: 'spBv1.0/plant/NBIRTH/edge1', payload: NBIRTH },
      DEFAULT_DECODE_LIMITS,
      context(),
    );
    expect((decoded.value as SparkplugValue).metrics.Temperature?.value).toBe(21.5);
  });

  it('produces a value that survives structured clone unchanged', () => {
    const decoded = decode({ topic: 'spBv1.0/plant/NBIRTH/edge1', payload: NBIRTH });
    expect(structuredClone(decoded)).toEqual(decoded);
  });

  it.each([
    ['a truncated payload', NBIRTH.subarray(0, NBIRTH.length - 3)],
    ['random bytes', new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 0x07])],
    ['a wire type that does not exist', new Uint8Array([0x0f, 0x01])],
    ['a field that arrives with the wrong wire type', new Uint8Array([0x0d, 1, 2, 3, 4])],
  ])('throws, saying what is wrong, for %s', (_name, payload) => {
    expect(() => decode({ topic: 'spBv1.0/g/NDATA/e', payload })).toThrow(/\w/);
  });
});
