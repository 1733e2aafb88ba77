import { describe, expect, it } from 'vitest';
import { checkDecoderRule, checkDecoderRules, compileDecoderRules } from './decoder-rules.ts';
import type { DecoderRule, SchemaState } from './decoder-rules.ts';

const schemas: Record<string, SchemaState> = {
  demo: { state: 'ready', messageTypes: ['demo.Reading', 'demo.Status'] },
  pending: { state: 'compiling' },
  broken: { state: 'failed', reason: "illegal token '}' (line 4)" },
};
const schemaOf = (id: string) => schemas[id];
const check = (rule: DecoderRule) => checkDecoderRule(rule, schemaOf);

describe('checkDecoderRule', () => {
  it('accepts a filter mapped to a decoder', () => {
    expect(check({ filter: 'demo/cbor/#', decoder: 'cbor' })).toBeNull();
    expect(check({ filter: 'factory/+/pb', decoder: 'protobuf' })).toBeNull();
    expect(
      check({ filter: 'f/#', decoder: 'protobuf', schemaId: 'demo', messageType: 'demo.Reading' }),
    ).toBeNull();
  });

  it('says what is wrong with the topic filter', () => {
    expect(check({ filter: 'a/#/b', decoder: 'cbor' })).toMatch(/#/);
    expect(check({ filter: '', decoder: 'cbor' })).not.toBeNull();
  });

  it('names the decoders when the one asked for does not exist', () => {
    expect(check({ filter: '#', decoder: 'avro' as DecoderRule['decoder'] })).toMatch(
      /Unknown decoder 'avro'.*cbor/,
    );
  });

  it('asks for both the schema and the message type of a Protobuf rule', () => {
    expect(check({ filter: '#', decoder: 'protobuf', messageType: 'demo.Reading' })).toMatch(
      /schema that defines demo.Reading/,
    );
    expect(check({ filter: '#', decoder: 'protobuf', schemaId: 'demo' })).toMatch(/message type/);
    expect(check({ filter: '#', decoder: 'cbor', schemaId: 'demo' })).toMatch(/Only a Protobuf/);
  });

  it('reports a schema that is missing or did not parse, and a type that is not in it', () => {
    const rule = (schemaId: string, messageType = 'demo.Reading'): DecoderRule => ({
      filter: '#',
      decoder: 'protobuf',
      schemaId,
      messageType,
    });
    expect(check(rule('nope'))).toMatch(/No .proto schema named 'nope'/);
    expect(check(rule('broken'))).toMatch(/could not be read: illegal token/);
    expect(check(rule('demo', 'demo.Missing'))).toBe(
      "'demo.Missing' is not a message type of 'demo'; it defines demo.Reading, demo.Status.",
    );
    expect(check(rule('pending', 'anything'))).toBeNull(); // checked again once compiled
  });

  it('lists the problems of a rule list with their places', () => {
    expect(
      checkDecoderRules(
        [
          { filter: 'ok/#', decoder: 'cbor' },
          { filter: 'bad/#/x', decoder: 'cbor' },
        ],
        schemaOf,
      ),
    ).toEqual([{ index: 1, filter: 'bad/#/x', reason: expect.any(String) }]);
  });
});

describe('compileDecoderRules', () => {
  const rules: DecoderRule[] = [
    { filter: 'demo/cbor/special', decoder: 'msgpack' },
    { filter: 'demo/cbor/#', decoder: 'cbor' },
    { filter: '+/pb', decoder: 'protobuf' },
    { filter: 'broken/#/x', decoder: 'cbor' },
  ];
  const ruleFor = compileDecoderRules(rules);

  it('takes the first rule in list order whose filter matches', () => {
    expect(ruleFor('demo/cbor/special')?.decoder).toBe('msgpack');
    expect(ruleFor('demo/cbor/meter')?.decoder).toBe('cbor');
    expect(ruleFor('demo/cbor')?.decoder).toBe('cbor'); // `#` also matches the parent level
    expect(ruleFor('line1/pb')?.decoder).toBe('protobuf');
  });

  it('matches nothing else, and an invalid filter never matches', () => {
    expect(ruleFor('demo/json')).toBeNull();
    expect(ruleFor('broken/a/x')).toBeNull();
    expect(ruleFor('$SYS/pb')).toBeNull(); // `+` first does not match $-topics (MQTT 5 §4.7.2)
  });
});
