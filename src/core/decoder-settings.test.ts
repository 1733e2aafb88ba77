import { describe, expect, it } from 'vitest';
import {
  emptyDecoderSettings,
  reviveDecoderSettings,
  ruleForFilter,
  withFilterDecoder,
  withoutSchema,
  withSchema,
} from './decoder-settings.ts';

describe('decoder settings', () => {
  it('reads a profile saved before decoders existed as no rules and no schemas', () => {
    expect(reviveDecoderSettings(undefined)).toEqual({
      settings: emptyDecoderSettings(),
      damaged: false,
    });
  });

  it('keeps good rules and schemas and drops a damaged one alone', () => {
    const { settings, damaged } = reviveDecoderSettings({
      rules: [
        { filter: 'demo/cbor/#', decoder: 'cbor' },
        { filter: 'x', decoder: 'avro' },
        { filter: 'pb/#', decoder: 'protobuf', schemaId: 'm.proto', messageType: 'a.B' },
        'junk',
      ],
      schemas: [{ schemaId: 'm.proto', text: 'syntax = "proto3";' }, { schemaId: 1 }],
    });
    expect(damaged).toBe(true);
    expect(settings.rules).toEqual([
      { filter: 'demo/cbor/#', decoder: 'cbor' },
      { filter: 'pb/#', decoder: 'protobuf', schemaId: 'm.proto', messageType: 'a.B' },
    ]);
    expect(settings.schemas).toEqual([{ schemaId: 'm.proto', text: 'syntax = "proto3";' }]);
  });

  it('resets settings that are not an object', () => {
    expect(reviveDecoderSettings([1, 2])).toEqual({
      settings: emptyDecoderSettings(),
      damaged: true,
    });
  });

  it('sets, replaces in place and removes the decoder of one filter', () => {
    let settings = withFilterDecoder(emptyDecoderSettings(), 'a/#', { decoder: 'cbor' });
    settings = withFilterDecoder(settings, 'b/#', { decoder: 'msgpack' });
    expect(settings.rules.map((r) => r.filter)).toEqual(['b/#', 'a/#']);
    settings = withFilterDecoder(settings, 'a/#', { decoder: 'json' });
    expect(settings.rules).toEqual([
      { filter: 'b/#', decoder: 'msgpack' },
      { filter: 'a/#', decoder: 'json' },
    ]);
    expect(ruleForFilter(settings, 'a/#')?.decoder).toBe('json');
    settings = withFilterDecoder(settings, 'b/#', null);
    expect(settings.rules).toEqual([{ filter: 'a/#', decoder: 'json' }]);
  });

  it('removing a schema removes the rules that read with it', () => {
    let settings = withSchema(emptyDecoderSettings(), { schemaId: 'm.proto', text: 'x' });
    settings = withSchema(settings, { schemaId: 'm.proto', text: 'y' });
    expect(settings.schemas).toEqual([{ schemaId: 'm.proto', text: 'y' }]);
    settings = withFilterDecoder(settings, 'pb/#', {
      decoder: 'protobuf',
      schemaId: 'm.proto',
      messageType: 'a.B',
    });
    settings = withFilterDecoder(settings, 'c/#', { decoder: 'cbor' });
    expect(withoutSchema(settings, 'm.proto')).toEqual({
      rules: [{ filter: 'c/#', decoder: 'cbor' }],
      schemas: [],
    });
  });
});
