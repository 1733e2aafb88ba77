import { describe, expect, it } from 'vitest';
import { DEFAULT_DECODER_ENTRIES } from './decoder-entries.ts';
import { DECODER_IDS } from './decoder-rules.ts';

describe('DEFAULT_DECODER_ENTRIES', () => {
  it('has one entry for every decoder a rule can name', () => {
    expect(DEFAULT_DECODER_ENTRIES.map((entry) => entry.id).sort()).toEqual(
      [...DECODER_IDS].sort(),
    );
  });

  it('gives each content type to one decoder only', () => {
    const types = DEFAULT_DECODER_ENTRIES.flatMap((entry) => entry.contentTypes);
    expect(new Set(types).size).toBe(types.length);
    expect(types.every((type) => type === type.toLowerCase() && !type.includes(';'))).toBe(true);
  });

  it.each(DEFAULT_DECODER_ENTRIES.map((entry) => [entry.id, entry] as const))(
    'loads the %s decoder it names',
    async (id, entry) => {
      expect((await entry.load()).id).toBe(id);
    },
  );
});
