import { describe, expect, it } from 'vitest';
import { readSwitchWord } from './switch-word.ts';

describe('readSwitchWord', () => {
  it.each<[string, 0 | 1]>([
    ['ON', 1],
    ['on', 1],
    ['On', 1],
    ['OFF', 0],
    ['off', 0],
    ['oFf', 0],
    ['true', 1],
    ['TRUE', 1],
    ['False', 0],
    [' ON\n', 1],
    ['\tfalse ', 0],
  ])('reads %j as %j', (text, expected) => {
    expect(readSwitchWord(text)).toBe(expected);
  });

  it.each(['', ' ', 'online', 'offline', 'o n', 'yes', '1', 'ONN', 'true!', `on${' '.repeat(40)}`])(
    'reads %j as no number',
    (text) => {
      expect(readSwitchWord(text)).toBeNull();
    },
  );
});
