import { describe, expect, it } from 'vitest';
import { choiceValue, decoderChoices, pickLabel, pickOfValue } from './decoder-choices.ts';

describe('decoder choices', () => {
  it('offers every decoder and one Protobuf choice per loaded message type', () => {
    const choices = decoderChoices([{ schemaId: 'meter.proto', messageType: 'demo.Reading' }]);
    expect(choices.map((c) => c.label)).toEqual([
      'Text',
      'JSON',
      'Hex',
      'Sparkplug B',
      'CBOR',
      'MessagePack',
      'Protobuf (fields by number)',
      'Protobuf demo.Reading (meter.proto)',
    ]);
  });

  it('turns a value back into the pick it stands for', () => {
    for (const choice of decoderChoices([{ schemaId: 's|x', messageType: 'a.B' }])) {
      if (choice.pick.schemaId?.includes('|')) continue;
      expect(pickOfValue(choice.value)).toEqual(choice.pick);
      expect(choiceValue(choice.pick)).toBe(choice.value);
    }
    expect(pickOfValue('auto')).toBeNull();
    expect(pickOfValue('protobuf|only-schema')).toBeNull();
  });

  it('names a pick for a list of rules', () => {
    expect(pickLabel({ decoder: 'cbor' })).toBe('CBOR');
    expect(pickLabel({ decoder: 'protobuf', schemaId: 'm.proto', messageType: 'a.B' })).toBe(
      'Protobuf a.B (m.proto)',
    );
  });
});
