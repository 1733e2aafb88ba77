import { describe, expect, it } from 'vitest';
import { extractNumber, parseJsonPath, readNumber, toNumber } from './json-path.ts';
import type { JsonPath } from './json-path.ts';

describe('parseJsonPath', () => {
  it.each<[string, JsonPath]>([
    ['', []],
    ['   ', []],
    ['$', []],
    ['temperature', ['temperature']],
    [' temperature ', ['temperature']],
    ['a.b.c', ['a', 'b', 'c']],
    ['readings[0].value', ['readings', 0, 'value']],
    ['readings[12][3]', ['readings', 12, 3]],
    ['$.a.b', ['a', 'b']],
    ['$a', ['$a']],
    ['$[0]', [0]],
    ['[0].t', [0, 't']],
    ['.a', ['a']],
    ['$value.x', ['$value', 'x']],
    ['["a.b"].c', ['a.b', 'c']],
    ["['my key']", ['my key']],
    ['["quote\\"d]"]', ['quote"d]']],
    ['sensor 1.temp', ['sensor 1', 'temp']],
  ])('reads %j as %j', (input, expected) => {
    expect(parseJsonPath(input)).toEqual({ ok: true, path: expected });
  });

  it.each([
    ['a..b', /Expected a field name at position 3/],
    ['a.', /ends with '\.'/],
    ['$.', /ends with '\.'/],
    ['a[', /without a closing/],
    ['a[x]', /whole number or a quoted name/],
    ['a[-1]', /whole number or a quoted name/],
    ['a[]', /whole number or a quoted name/],
    ['a["b]', /whole number or a quoted name/],
    ['a.[0]', /Expected a field name/],
    ['a]b', /Unexpected '\]' at position 2/],
    ['a[0]b', /Unexpected 'b' at position 5/],
  ])('rejects %j with a reason', (input, reason) => {
    const result = parseJsonPath(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('readNumber', () => {
  const doc = {
    temperature: 21.5,
    humidity: '48.2',
    on: true,
    off: false,
    label: 'kitchen',
    blank: '',
    nothing: null,
    readings: [{ value: 1 }, { value: 2 }],
    nested: { deeper: { n: -3e-2 } },
    '3': 'three',
  };

  it.each<[JsonPath, number | null]>([
    [['temperature'], 21.5],
    [['humidity'], 48.2],
    [['on'], 1],
    [['off'], 0],
    [['label'], null],
    [['blank'], null],
    [['nothing'], null],
    [['missing'], null],
    [['readings', 1, 'value'], 2],
    [['readings', '0', 'value'], 1],
    [['readings', 2, 'value'], null],
    [['readings', 'length'], null],
    [['nested', 'deeper', 'n'], -0.03],
    [[3], null],
    [['temperature', 'x'], null],
    [['constructor'], null],
    [['__proto__'], null],
  ])('follows %j to %j', (path, expected) => {
    expect(readNumber(doc, path)).toBe(expected);
  });

  it('reads the value itself with the empty path', () => {
    expect(readNumber(7, [])).toBe(7);
    expect(readNumber({ a: 1 }, [])).toBeNull();
  });
});

describe('toNumber', () => {
  it.each<[unknown, number | null]>([
    [1.5, 1.5],
    [Number.NaN, null],
    [Infinity, null],
    [' 2 ', 2],
    ['1e3', 1000],
    ['0', 0],
    [' ', null],
    ['21.5 °C', null],
    ['Infinity', null],
    [true, 1],
    ['ON', 1],
    ['off', 0],
    ['False', 0],
    ['online', null],
    [null, null],
    [undefined, null],
    [[1], null],
  ])('turns %j into %j', (value, expected) => {
    expect(toNumber(value)).toBe(expected);
  });
});

describe('extractNumber', () => {
  it.each<[string, number | null]>([
    ['21.43', 21.43],
    [' 21.43\n', 21.43],
    ['"21.43"', 21.43],
    [' "7" ', 7],
    ['-4', -4],
    ['true', 1],
    ['false', 0],
    ['ON', 1],
    ['OFF\n', 0],
    ['True', 1],
    ['"on"', 1],
    ['"FALSE"', 0],
    ['offline', null],
    ['', null],
    ['  ', null],
    ['hello', null],
    ['"hello"', null],
    ['{"t":1}', null],
    ['t', null],
  ])('reads the whole payload %j as %j with the empty path', (payload, expected) => {
    expect(extractNumber(payload, [])).toBe(expected);
  });

  it('reads a field from a JSON object or array', () => {
    expect(extractNumber('{"temperature": 21.5}', ['temperature'])).toBe(21.5);
    expect(extractNumber('{"POWER": "ON", "relay": "off"}', ['POWER'])).toBe(1);
    expect(extractNumber('{"POWER": "ON", "relay": "off"}', ['relay'])).toBe(0);
    expect(extractNumber(' [{"v": "3"}]', [0, 'v'])).toBe(3);
  });

  it('gives null for malformed JSON, primitives and missing fields', () => {
    expect(extractNumber('{"temperature": ', ['temperature'])).toBeNull();
    expect(extractNumber('21.5', ['temperature'])).toBeNull();
    expect(extractNumber('{"t": 1}', ['temperature'])).toBeNull();
  });

  it('survives deeply nested input without throwing', () => {
    expect(extractNumber('['.repeat(100000), [0])).toBeNull();
    const deep = '['.repeat(100000) + ']'.repeat(100000);
    expect(() => extractNumber(deep, [0])).not.toThrow();
  });
});
