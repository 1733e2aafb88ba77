// The registry's choice of decoder: from evidence only (a rule, a content type, a topic
// namespace), never by trying; and what it shows when the chosen decoder cannot read a payload.
import { encode as encodeCbor } from 'cborg';
import { encode as encodeMsgpack } from '@msgpack/msgpack';
import sparkplug from 'sparkplug-payload';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_DECODER_ENTRIES } from './decoder-entries.ts';
import type { DecoderEntry } from './decoder-entries.ts';
import { createDecoderRegistry } from './registry.ts';
import type { DecoderRegistry } from './registry.ts';
import type { FormatDecoder, PayloadEvidence } from './types.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const codec = sparkplug.get('spBv1.0');
if (!codec) throw new Error('sparkplug-payload has no spBv1.0 codec');

const DDATA = codec.encodePayload({
  seq: 4,
  metrics: [{ name: 'Temperature', type: 'Float', value: 21.5 }],
});

/** A registry whose lazy decoders are already fetched, as after the first message needed them. */
async function readyRegistry(): Promise<DecoderRegistry> {
  const registry = createDecoderRegistry();
  for (const [topic, contentType] of [
    ['spBv1.0/g/NDATA/e', undefined],
    ['x', 'application/cbor'],
    ['x', 'application/msgpack'],
    ['x', 'application/x-protobuf'],
  ] as const) {
    const plan = registry.plan(topic, contentType ? { contentType } : null);
    if (plan instanceof Promise) await plan;
  }
  return registry;
}

const withType = (contentType: string) => ({ contentType });

describe('the decoder registry, choosing from evidence', () => {
  it.each([
    ['55.49', 'text'],
    ['empty', 'text'],
    ['Slaapkamer1', 'text'],
    ['{"a":1}', 'json'],
    ['', 'empty'],
  ])('keeps %j as %s on any topic without evidence', async (text, format) => {
    const registry = await readyRegistry();
    for (const topic of ['demo/cbor/meter', 'demo/msgpack', 'plant/pb', 'spBv1.0', 'a/b']) {
      const decoded = registry.decode({ topic, payload: utf8(text) });
      expect(decoded.format).toBe(format);
      expect(decoded.note).toBeUndefined();
    }
  });

  it('never tries a binary format on bytes alone: valid CBOR with no evidence is hex', async () => {
    const registry = await readyRegistry();
    const payload = encodeCbor({ a: 1 });
    expect(registry.decode({ topic: 'demo/cbor/meter', payload }).format).toBe('binary');
  });

  it('decodes Sparkplug B from its topic namespace, and leaves STATE as JSON', async () => {
    const registry = await readyRegistry();
    expect(registry.decode({ topic: 'spBv1.0/g/DDATA/e/d', payload: DDATA }).format).toBe(
      'sparkplug',
    );
    const state = utf8('{"online":true,"timestamp":1}');
    expect(registry.decode({ topic: 'spBv1.0/STATE/host', payload: state }).format).toBe('json');
    expect(registry.decode({ topic: 'spBv1.0/g/DDATA/e/d', payload: utf8('') }).format).toBe(
      'empty',
    );
  });

  it.each([
    ['application/cbor', encodeCbor({ t: 1 }), 'cbor'],
    ['application/senml+cbor', encodeCbor([{ n: 't', v: 1 }]), 'cbor'],
    ['application/msgpack', encodeMsgpack({ t: 1 }), 'msgpack'],
    ['application/x-msgpack', encodeMsgpack({ t: 1 }), 'msgpack'],
    ['application/x-protobuf', new Uint8Array([0x08, 0x96, 0x01]), 'protobuf'],
    ['application/json; charset=utf-8', utf8('21.5'), 'json'],
  ])('decodes by the MQTT 5 content type %s', async (contentType, payload, format) => {
    const registry = await readyRegistry();
    const decoded = registry.decode({ topic: 'x', payload, properties: withType(contentType) });
    expect(decoded).toMatchObject({ format });
    expect(decoded.note).toBeUndefined();
  });

  it('reads a JSON number as a number when the content type says JSON', async () => {
    const registry = await readyRegistry();
    const decoded = registry.decode({
      topic: 'x',
      payload: utf8('21.5'),
      properties: withType('application/json'),
    });
    expect(decoded.value).toBe(21.5);
  });

  it('decodes by a rule, which wins over the content type and the topic', async () => {
    const registry = await readyRegistry();
    registry.setRules([
      { filter: 'demo/cbor/#', decoder: 'cbor' },
      { filter: 'spBv1.0/g/DDATA/e/raw', decoder: 'binary' },
    ]);
    const payload = encodeCbor({ t: 21.5 });
    expect(registry.decode({ topic: 'demo/cbor/meter', payload }).value).toEqual({ t: 21.5 });
    expect(
      registry.decode({
        topic: 'demo/cbor/meter',
        payload,
        properties: withType('application/msgpack'),
      }).format,
    ).toBe('cbor');
    expect(registry.decode({ topic: 'spBv1.0/g/DDATA/e/raw', payload: DDATA }).format).toBe(
      'binary',
    );
  });

  it('takes a payload flagged as UTF-8 text on a Sparkplug topic as text', async () => {
    const registry = await readyRegistry();
    const decoded = registry.decode({
      topic: 'spBv1.0/g/NDATA/e',
      payload: utf8('hello'),
      properties: { payloadFormatIndicator: true },
    });
    expect(decoded.format).toBe('text');
  });
});

describe('the decoder registry, when the chosen decoder cannot read the payload', () => {
  it.each<[string, PayloadEvidence, RegExp]>([
    [
      'truncated CBOR',
      {
        topic: 'x',
        payload: new Uint8Array([0x82, 0x01]),
        properties: withType('application/cbor'),
      },
      /^Could not decode as CBOR, as its content type application\/cbor says: CBOR decode error/,
    ],
    [
      'a malformed Sparkplug payload',
      { topic: 'spBv1.0/g/NDATA/e', payload: new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 0x07]) },
      /^Could not decode as Sparkplug B, as its Sparkplug B topic says: /,
    ],
    [
      'a truncated Sparkplug payload',
      { topic: 'spBv1.0/g/NDATA/e', payload: DDATA.subarray(0, 8) }, // inside the metric
      /Sparkplug B/,
    ],
    [
      'malformed MessagePack',
      {
        topic: 'x',
        payload: new Uint8Array([0xc1, 0x00]),
        properties: withType('application/x-msgpack'),
      },
      /^Could not decode as MessagePack/,
    ],
    [
      'malformed Protobuf',
      {
        topic: 'x',
        payload: new Uint8Array([0x0f, 0x01]),
        properties: withType('application/x-protobuf'),
      },
      /^Could not decode as Protobuf/,
    ],
  ])('shows %s as hex with a note saying what failed', async (_name, evidence, note) => {
    const registry = await readyRegistry();
    const decoded = registry.decode(evidence);
    expect(decoded.format).toBe('binary');
    expect(decoded.note).toMatch(note);
  });

  it('shows readable text under a CBOR rule as text, with a note', async () => {
    const registry = await readyRegistry();
    registry.setRules([{ filter: 'demo/#', decoder: 'cbor' }]);
    const decoded = registry.decode({ topic: 'demo/status', payload: utf8('online') });
    expect(decoded).toMatchObject({ format: 'text', preview: 'online' });
    expect(decoded.note).toMatch(/^Could not decode as CBOR, as the rule for demo\/# says/);
  });

  it('says so when a payload is larger than the parse limit', async () => {
    const registry = await readyRegistry();
    const payload = new Uint8Array(70_000);
    const decoded = registry.decode({
      topic: 'x',
      payload,
      properties: withType('application/cbor'),
    });
    expect(decoded.format).toBe('binary');
    expect(decoded.note).toMatch(/too large to decode/);
  });
});

describe('the decoder registry, loading decoders on demand', () => {
  /** An entry whose decoder arrives when the test says so. */
  function deferredEntry(decoder: FormatDecoder) {
    let resolve: (d: FormatDecoder) => void = () => undefined;
    let reject: (e: Error) => void = () => undefined;
    const load = vi.fn(
      () =>
        new Promise<FormatDecoder>((res, rej) => {
          resolve = res;
          reject = rej;
        }),
    );
    const entry: DecoderEntry = {
      id: 'cbor',
      label: 'CBOR',
      contentTypes: ['application/cbor'],
      load,
    };
    return { entry, load, resolve: () => resolve(decoder), reject: (e: Error) => reject(e) };
  }

  const fake: FormatDecoder = {
    id: 'cbor',
    decode: ({ payload }) => ({
      format: 'cbor',
      preview: 'fake',
      size: payload.length,
      truncated: false,
    }),
  };
  const cborMessage = { contentType: 'application/cbor' };

  it('answers pass for messages no lazy decoder applies to, without loading anything', () => {
    const { entry, load } = deferredEntry(fake);
    const registry = createDecoderRegistry({ entries: [entry] });
    expect(registry.plan('demo/temperature', null)).toBe('pass');
    expect(registry.plan('spBv1.0/g/NDATA/e', null)).toBe('pass'); // no Sparkplug entry here
    expect(load).not.toHaveBeenCalled();
  });

  it('fetches a decoder once, on the first message that needs it, and says when it is there', async () => {
    const deferred = deferredEntry(fake);
    const registry = createDecoderRegistry({ entries: [deferred.entry] });
    const plan = registry.plan('x', cborMessage);
    expect(plan).toBeInstanceOf(Promise);
    expect(registry.plan('y', cborMessage)).toBeInstanceOf(Promise);
    expect(deferred.load).toHaveBeenCalledTimes(1);
    // Read before it arrives (an overflowing hold): shown as the bytes are, with a note.
    const early = registry.decode({
      topic: 'x',
      payload: new Uint8Array([1]),
      properties: cborMessage,
    });
    expect(early.note).toBe('Not decoded as CBOR: its decoder was still loading.');
    deferred.resolve();
    await plan;
    expect(registry.plan('x', cborMessage)).toBe('pass');
    expect(
      registry.decode({ topic: 'x', payload: new Uint8Array([1]), properties: cborMessage })
        .preview,
    ).toBe('fake');
  });

  it('lets messages go on with a note when a decoder cannot be fetched', async () => {
    const deferred = deferredEntry(fake);
    const onProblem = vi.fn();
    const registry = createDecoderRegistry({ entries: [deferred.entry], onProblem });
    const plan = registry.plan('x', cborMessage);
    deferred.reject(new Error('Failed to fetch dynamically imported module'));
    await plan;
    expect(onProblem).toHaveBeenCalledWith(
      'The CBOR decoder could not be loaded: Failed to fetch dynamically imported module',
    );
    expect(registry.plan('x', cborMessage)).toBe('pass');
    const decoded = registry.decode({
      topic: 'x',
      payload: new Uint8Array([1]),
      properties: cborMessage,
    });
    expect(decoded).toMatchObject({
      format: 'binary',
      note: expect.stringContaining('could not be loaded'),
    });
  });

  it('asks for a Sparkplug BIRTH to be decoded as it arrives, once its decoder is there', async () => {
    const registry = createDecoderRegistry({ entries: DEFAULT_DECODER_ENTRIES });
    const first = registry.plan('spBv1.0/g/NBIRTH/e', null);
    expect(first).toBeInstanceOf(Promise);
    await first;
    expect(registry.plan('spBv1.0/g/NBIRTH/e', null)).toBe('decode-now');
    expect(registry.plan('spBv1.0/g/DBIRTH/e/d', null)).toBe('decode-now');
    expect(registry.plan('spBv1.0/g/DDATA/e/d', null)).toBe('pass');
  });
});

describe('the decoder registry, with .proto schemas', () => {
  const PROTO = 'syntax = "proto3"; package demo; message Reading { double value = 1; }';
  const reading = new Uint8Array([0x09, 0, 0, 0, 0, 0, 0, 0x35, 0x40]); // value = 21

  it('decodes by a rule naming a schema and a type, holding messages while it compiles', async () => {
    const registry = createDecoderRegistry();
    registry.setRules([
      { filter: 'factory/#', decoder: 'protobuf', schemaId: 'demo', messageType: 'demo.Reading' },
    ]);
    const compiled = registry.registerSchema('demo', PROTO);
    expect(registry.status().schemas).toEqual([
      { schemaId: 'demo', state: { state: 'compiling' } },
    ]);
    const plan = registry.plan('factory/line1', null);
    expect(plan).toBeInstanceOf(Promise);
    expect(await compiled).toEqual({ state: 'ready', messageTypes: ['demo.Reading'] });
    await plan;
    expect(registry.plan('factory/line1', null)).toBe('pass');
    expect(registry.decode({ topic: 'factory/line1', payload: reading })).toMatchObject({
      format: 'protobuf',
      value: { value: 21 },
    });
    expect(registry.status().ruleProblems).toEqual([]);
  });

  it('reports a .proto that does not parse, and a rule whose type is not in its schema', async () => {
    const registry = createDecoderRegistry();
    registry.setRules([
      { filter: 'a/#', decoder: 'protobuf', schemaId: 'broken', messageType: 'x.Y' },
      { filter: 'b/#', decoder: 'protobuf', schemaId: 'demo', messageType: 'demo.Missing' },
    ]);
    expect(await registry.registerSchema('broken', 'message {')).toMatchObject({
      state: 'failed',
      reason: expect.stringMatching(/does not parse/),
    });
    await registry.registerSchema('demo', PROTO);
    const { ruleProblems } = registry.status();
    expect(ruleProblems.map((p) => p.index)).toEqual([0, 1]);
    expect(ruleProblems[1]?.reason).toBe(
      "'demo.Missing' is not a message type of 'demo'; it defines demo.Reading.",
    );
    const decoded = registry.decode({ topic: 'b/1', payload: reading });
    expect(decoded.format).toBe('binary');
    expect(decoded.note).toMatch(
      /^Could not decode as Protobuf, as the rule for b\/# says: 'demo.Missing' is not/,
    );
  });
});
