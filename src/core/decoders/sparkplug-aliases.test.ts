import { describe, expect, it } from 'vitest';
import { MAX_SPARKPLUG_TARGETS, SparkplugAliases } from './sparkplug-aliases.ts';

describe('SparkplugAliases', () => {
  it('answers names and datatypes for a node or device from its last BIRTH', () => {
    const aliases = new SparkplugAliases();
    aliases.learn('g/e', [
      { name: 'Temperature', alias: 1, datatype: 9 },
      { name: 'bdSeq', datatype: 8 },
    ]);
    expect(aliases.byAlias('g/e', 1)).toEqual({ name: 'Temperature', datatype: 9 });
    expect(aliases.datatypeOf('g/e', 'bdSeq')).toBe(8);
    expect(aliases.byAlias('g/e/d', 1)).toBeUndefined();
    // A rebirth replaces what was known.
    aliases.learn('g/e', [{ name: 'Pressure', alias: 1, datatype: 10 }]);
    expect(aliases.byAlias('g/e', 1)?.name).toBe('Pressure');
    expect(aliases.datatypeOf('g/e', 'bdSeq')).toBeUndefined();
  });

  it('forgets the node heard of longest ago beyond its bound', () => {
    const aliases = new SparkplugAliases();
    for (let i = 0; i <= MAX_SPARKPLUG_TARGETS; i++) {
      aliases.learn(`g/e${i}`, [{ name: 'm', alias: 1 }]);
    }
    expect(aliases.size).toBe(MAX_SPARKPLUG_TARGETS);
    expect(aliases.byAlias('g/e0', 1)).toBeUndefined();
    expect(aliases.byAlias(`g/e${MAX_SPARKPLUG_TARGETS}`, 1)?.name).toBe('m');
  });
});
