import { describe, expect, it } from 'vitest';
import { matchesFieldCondition, parseFieldCondition } from './field-condition.ts';
import type { FieldCondition } from './field-condition.ts';

function parsed(text: string): FieldCondition {
  const result = parseFieldCondition(text);
  if (!result.ok) throw new Error(result.reason);
  return result.condition;
}

const doc = {
  temperature: 31.5,
  humidity: '48.2',
  status: 'on',
  online: true,
  battery: null,
  name: 'sensor-12',
  time: '2024-05-02T10:00:00Z',
  readings: [{ value: -2 }, { value: 4 }],
  'my key': 7,
  'a>b': 1,
};

const matches = (text: string, value: unknown = doc) => matchesFieldCondition(parsed(text), value);

describe('parseFieldCondition', () => {
  it.each<[string, FieldCondition]>([
    ['temperature > 30', { op: '>', path: ['temperature'], value: 30 }],
    ['readings[0].value <= -1.5', { op: '<=', path: ['readings', 0, 'value'], value: -1.5 }],
    ['status == "on"', { op: '==', path: ['status'], value: 'on' }],
    ["status != 'off'", { op: '!=', path: ['status'], value: 'off' }],
    ['status = on', { op: '==', path: ['status'], value: 'on' }],
    ['online == true', { op: '==', path: ['online'], value: true }],
    ['battery == null', { op: '==', path: ['battery'], value: null }],
    ['battery exists', { op: 'exists', path: ['battery'] }],
    ['  battery   EXISTS ', { op: 'exists', path: ['battery'] }],
    ['["my key"]>=7', { op: '>=', path: ['my key'], value: 7 }],
    ['["a>b"] < 2', { op: '<', path: ['a>b'], value: 2 }],
    ['$.temperature > 1e3', { op: '>', path: ['temperature'], value: 1000 }],
    ['time >= "2024-05-01"', { op: '>=', path: ['time'], value: '2024-05-01' }],
    ['note == "line\\nbreak"', { op: '==', path: ['note'], value: 'line\nbreak' }],
    ["note == 'it\\'s'", { op: '==', path: ['note'], value: "it's" }],
  ])('reads %j', (text, condition) => {
    expect(parseFieldCondition(text)).toEqual({ ok: true, condition });
  });

  it('reads a regular expression bare, quoted or between slashes', () => {
    for (const text of [
      'name ~ ^sensor-\\d+$',
      'name ~ "^sensor-\\d+$"',
      "name ~ '^sensor-\\d+$'",
    ]) {
      const condition = parsed(text);
      expect(condition.op).toBe('~');
      if (condition.op === '~') expect(condition.pattern.source).toBe('^sensor-\\d+$');
    }
    const flagged = parsed('name ~ /^SENSOR/gi');
    if (flagged.op !== '~') throw new Error('expected a pattern');
    expect(flagged.pattern.flags).toBe('i');
  });

  it.each([
    ['', 'Write a field, an operator and a value, as in temperature > 30.'],
    ['temperature', /as in temperature > 30\. The operators are ==/],
    ['> 30', 'Write a field before >, as in temperature > 30.'],
    ['exists', 'Write a field before exists, as in temperature > 30.'],
    ['temperature >', 'Write a value after >, as in temperature > 30.'],
    ['status == "on', 'The value after == starts with a quote but does not end with one.'],
    ['online > true', /Compare with a number or a quoted text after >/],
    ['status > on', /Compare with a number or a quoted text after >/],
    ['a..b == 1', /^In the field a\.\.b: Expected a field name at position 3/],
    ['name ~ "(unclosed"', /^Not a valid regular expression: .*(unclosed|Unterminated)/i],
    ['name ~ /a/q', /^Not a valid regular expression: .*flags/i],
  ])('rejects %j in words', (text, reason) => {
    const result = parseFieldCondition(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      if (typeof reason === 'string') expect(result.reason).toBe(reason);
      else expect(result.reason).toMatch(reason);
    }
  });

  it('never throws, whatever is typed', () => {
    // mulberry32, seeded, so a failure can be replayed.
    let seed = 2024;
    const random = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    const pieces = [
      ...'abz09 .$[]"\'\\/~=!<>()*+?{}-_eé\u0000\ud800',
      'exists',
      '==',
      '>=',
      'true',
      'null',
      '["',
      '"]',
      '1e999',
      '\\d',
      '(?<',
    ];
    const documents: unknown[] = [doc, null, 3, 'x', [1, [2]], { a: { b: '5' } }];
    for (let round = 0; round < 500; round++) {
      const text = Array.from({ length: random(12) }, () => pieces[random(pieces.length)]).join('');
      const result = parseFieldCondition(text);
      expect(typeof result.ok).toBe('boolean');
      if (result.ok) {
        for (const value of documents) {
          expect(typeof matchesFieldCondition(result.condition, value)).toBe('boolean');
        }
      } else expect(result.reason.length).toBeGreaterThan(10);
    }
  });
});

describe('matchesFieldCondition', () => {
  it('compares numbers numerically, numeric strings included', () => {
    expect(matches('temperature > 30')).toBe(true);
    expect(matches('temperature > 31.5')).toBe(false);
    expect(matches('temperature >= 31.5')).toBe(true);
    expect(matches('humidity < 50')).toBe(true);
    expect(matches('humidity == 48.20')).toBe(true);
    expect(matches('readings[0].value <= -1.5')).toBe(true);
    expect(matches('readings[1].value <= -1.5')).toBe(false);
    expect(matches('readings.1.value == 4')).toBe(true);
  });

  it('does not read text or booleans as numbers', () => {
    expect(matches('status > 0')).toBe(false);
    expect(matches('online == 1')).toBe(false);
    expect(matchesFieldCondition(parsed('x == 0'), { x: '' })).toBe(false);
  });

  it('compares text exactly with == and !=', () => {
    expect(matches('status == "on"')).toBe(true);
    expect(matches('status == "ON"')).toBe(false);
    expect(matches('status == on')).toBe(true);
    expect(matches("status != 'off'")).toBe(true);
    expect(matches('status != on')).toBe(false);
    expect(matches('temperature == "31.5"')).toBe(false);
  });

  it('compares quoted text by order, as ISO times sort', () => {
    expect(matches('time >= "2024-05-01"')).toBe(true);
    expect(matches('time < "2024-05-01"')).toBe(false);
    expect(matches('temperature >= "1"')).toBe(false);
  });

  it('matches booleans and null by identity', () => {
    expect(matches('online == true')).toBe(true);
    expect(matches('online == false')).toBe(false);
    expect(matches('battery == null')).toBe(true);
    expect(matches('status == null')).toBe(false);
  });

  it('fails every operator but exists on a missing field, and exists holds for null', () => {
    expect(matches('battery exists')).toBe(true);
    expect(matches('missing exists')).toBe(false);
    expect(matches('missing != 1')).toBe(false);
    expect(matches('readings[2] exists')).toBe(false);
    expect(matches('status.length exists')).toBe(false);
    expect(matches('constructor exists')).toBe(false);
    expect(matches('__proto__ exists')).toBe(false);
    expect(matches('temperature exists', 'not json')).toBe(false);
  });

  it('follows quoted names', () => {
    expect(matches('["my key"] == 7')).toBe(true);
    expect(matches('["a>b"] < 2')).toBe(true);
  });

  it('tests regular expressions against string fields only', () => {
    expect(matches('name ~ "^sensor-\\d+$"')).toBe(true);
    expect(matches('name ~ ^SENSOR')).toBe(false);
    expect(matches('name ~ /^SENSOR/i')).toBe(true);
    expect(matches('temperature ~ 31')).toBe(false);
    // A g flag would make a second test start where the first stopped.
    const condition = parsed('name ~ /sensor/g');
    expect(matchesFieldCondition(condition, doc)).toBe(true);
    expect(matchesFieldCondition(condition, doc)).toBe(true);
  });

  it('reads the whole document with the $ path', () => {
    expect(matchesFieldCondition(parsed('$ > 3'), 4)).toBe(true);
  });
});
