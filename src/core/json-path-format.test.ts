import { describe, expect, it } from 'vitest';
import { parseJsonPath } from './json-path.ts';
import type { JsonPath } from './json-path.ts';
import { appendJsonPathSegment, formatJsonPath } from './json-path-format.ts';

describe('formatJsonPath', () => {
  it.each<[JsonPath, string]>([
    [[], ''],
    [['temperature'], 'temperature'],
    [['readings', 0, 'value'], 'readings[0].value'],
    [[0, 't'], '[0].t'],
    [['my key'], '["my key"]'],
    [['a.b', 'c'], '["a.b"].c'],
    [['$value', '_x'], '$value._x'],
    [['$'], '["$"]'],
    [['3'], '["3"]'],
    [['quote"d]'], '["quote\\"d]"]'],
    [['température'], '["température"]'],
    [[''], '[""]'],
  ])('writes %j as %j', (path, text) => {
    expect(formatJsonPath(path)).toBe(text);
  });

  it('writes a number that is not an index as a quoted name', () => {
    expect(formatJsonPath([-1])).toBe('["-1"]');
    expect(formatJsonPath([1.5])).toBe('["1.5"]');
  });

  it('builds the same text one segment at a time', () => {
    expect(appendJsonPathSegment(appendJsonPathSegment('', 'readings'), 0)).toBe('readings[0]');
  });

  it('is read back by parseJsonPath to the same path, for awkward keys in every position', () => {
    const keys: (string | number)[] = [
      0,
      12,
      'a',
      'A_1',
      '$',
      '$a',
      '3',
      '007',
      '',
      ' ',
      ' padded ',
      'a.b',
      'a b',
      '[0]',
      ']',
      '["x"]',
      "it's",
      'quote"d',
      'back\\slash',
      'tab\there',
      'new\nline',
      'émoji 🌡',
      '\u0000',
      '\ud800',
      'exists',
      '>=',
    ];
    for (const first of keys) {
      for (const second of keys) {
        for (const path of [[first], [first, second], [second, 'x', first]]) {
          const text = formatJsonPath(path);
          expect(parseJsonPath(text), text).toEqual({ ok: true, path });
        }
      }
    }
  });
});
