import { describe, expect, it } from 'vitest';
import { utf8Decoder } from './decoders/utf8.ts';
import {
  compileJsonPath,
  JSON_CONTAINER,
  MAX_JSON_DEPTH,
  scanJsonField,
} from './json-field-scan.ts';
import { parseJsonPath } from './json-path.ts';
import type { JsonPath } from './json-path.ts';

const encoder = new TextEncoder();

function scan(text: string | Uint8Array, path: string) {
  const bytes = typeof text === 'string' ? encoder.encode(text) : text;
  const parsed = parseJsonPath(path);
  if (!parsed.ok) throw new Error(parsed.reason);
  return scanJsonField(bytes, 0, bytes.length, compileJsonPath(parsed.path));
}

/** What JSON.parse and a plain walk of the result say, in the scanner's terms. */
function oracle(bytes: Uint8Array, path: JsonPath) {
  const text = utf8Decoder.decode(bytes);
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') return null;
  let current: unknown;
  try {
    current = JSON.parse(text);
  } catch {
    return null;
  }
  for (const step of path) {
    if (current === null || typeof current !== 'object') return { found: false };
    if (Array.isArray(current)) {
      const index = typeof step === 'number' ? step : /^\d{1,10}$/.test(step) ? Number(step) : -1;
      if (!Number.isInteger(index) || index < 0 || index >= current.length) return { found: false };
      current = current[index] as unknown;
    } else {
      if (!Object.hasOwn(current, String(step))) return { found: false };
      current = (current as Record<string, unknown>)[String(step)];
    }
  }
  return {
    found: true,
    value: current !== null && typeof current === 'object' ? JSON_CONTAINER : current,
  };
}

describe('scanJsonField', () => {
  it('reads numbers, text, booleans and null at a path', () => {
    const doc = '{"v": 23.5, "name":"s-1", "on":true, "off":false, "none":null, "e":-1.5e3}';
    expect(scan(doc, 'v')).toEqual({ found: true, value: 23.5 });
    expect(scan(doc, 'name')).toEqual({ found: true, value: 's-1' });
    expect(scan(doc, 'on')).toEqual({ found: true, value: true });
    expect(scan(doc, 'off')).toEqual({ found: true, value: false });
    expect(scan(doc, 'none')).toEqual({ found: true, value: null });
    expect(scan(doc, 'e')).toEqual({ found: true, value: -1500 });
    expect(scan(doc, 'missing')).toEqual({ found: false });
  });

  it('follows nested objects and array indexes, written either way', () => {
    const doc = '{"readings":[{"value":1},{"value":2,"unit":"°C"}],"meta":{"a b":{"c":3}}}';
    expect(scan(doc, 'readings[1].value')).toEqual({ found: true, value: 2 });
    expect(scan(doc, 'readings.1.unit')).toEqual({ found: true, value: '°C' });
    expect(scan(doc, 'readings[2].value')).toEqual({ found: false });
    expect(scan(doc, 'meta["a b"].c')).toEqual({ found: true, value: 3 });
    expect(scan(doc, 'readings')).toEqual({ found: true, value: JSON_CONTAINER });
    expect(scan(doc, 'meta.c')).toEqual({ found: false });
  });

  it('reads every number exactly as Number does, short or long, with or without exponent', () => {
    let seed = 7;
    const digit = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return String(seed % 10);
    };
    for (let round = 0; round < 20_000; round++) {
      const whole = (Number(digit()) === 0 ? '' : digit()) + digit().replace(/^0/, '1');
      let literal = (round % 3 === 0 ? '-' : '') + whole.replace(/^0+(?=\d)/, '');
      if (round % 2 === 0)
        literal += '.' + Array.from({ length: 1 + (round % 18) }, digit).join('');
      if (round % 7 === 0) literal += `e${round % 2 ? '-' : '+'}${round % 30}`;
      expect(scan(`{"v":${literal}}`, 'v'), literal).toEqual({
        found: true,
        value: Number(literal),
      });
    }
  });

  it('takes the last of repeated keys, as JSON.parse does', () => {
    expect(scan('{"v":1,"v":2}', 'v')).toEqual({ found: true, value: 2 });
    expect(scan('{"a":{"b":1},"a":2}', 'a.b')).toEqual({ found: false });
    expect(scan('{"a":2,"a":{"b":1}}', 'a.b')).toEqual({ found: true, value: 1 });
  });

  it('reads escaped keys and strings as JSON.parse does', () => {
    expect(scan('{"t\\u0065mp":"a\\"b\\n"}', 'temp')).toEqual({ found: true, value: 'a"b\n' });
  });

  it('refuses what JSON.parse refuses, even after the field was found', () => {
    for (const bad of [
      '{"v":1',
      '{"v":1,}',
      '{"v":01}',
      '{"v":1} x',
      "{'v':1}",
      '{"v":.5}',
      '{"v":1.}',
      '{"v":tru}',
      '{"v":"a\tb"}',
      '{"v":"\\x"}',
      '',
      '42',
      '"text"',
    ])
      expect(scan(bad, 'v'), bad).toBeNull();
  });

  it('skips a byte order mark and surrounding whitespace', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode(' \n{"v":7}\r\n')]);
    expect(scan(bytes, 'v')).toEqual({ found: true, value: 7 });
  });

  it('refuses a document nested deeper than JSON.parse can go, without recursion', () => {
    const deep = '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1);
    expect(scan(deep, 'x')).toBeNull();
    const fine = '{"x":' + '['.repeat(100) + ']'.repeat(100) + '}';
    expect(scan(fine, 'x')).toEqual({ found: true, value: JSON_CONTAINER });
  });

  it('reads only its own range of a larger buffer', () => {
    const bytes = encoder.encode('xx{"v":5}yy');
    expect(scanJsonField(bytes, 2, 9, compileJsonPath(['v']))).toEqual({ found: true, value: 5 });
  });

  it('agrees with JSON.parse on thousands of generated documents, valid and broken', () => {
    // A small seeded generator: the same documents every run, so a failure can be replayed.
    let seed = 20261128;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const keys = ['"a"', '"b"', '"0"', '"1"', '"\\u0061"', '"a b"'];
    const scalars = [
      '1',
      '-0',
      '2.5e-3',
      '0.1',
      '"x"',
      '"\\u00e9\\n"',
      'true',
      'false',
      'null',
      '"é"',
    ];
    const space = () => pick(['', '', ' ', '\n\t']);
    const value = (depth: number): string => {
      const roll = random();
      if (depth > 3 || roll < 0.4) return pick(scalars);
      const n = Math.floor(random() * 4);
      const items = Array.from({ length: n }, () => value(depth + 1));
      if (roll < 0.7) return `[${items.map((item) => space() + item + space()).join(',')}]`;
      return `{${items.map((item) => `${space()}${pick(keys)}${space()}:${item}`).join(',')}}`;
    };
    const steps: (string | number)[] = ['a', 'b', '0', '1', 0, 1, 'a b'];
    let checked = 0;
    for (let round = 0; round < 3_000; round++) {
      let text = random() < 0.5 ? `{${space()}"a":${value(0)},"b":${value(0)}}` : value(0);
      if (random() < 0.3) {
        // Break it: drop, double or replace one character.
        const at = Math.floor(random() * text.length);
        const roll = random();
        text =
          roll < 0.33
            ? text.slice(0, at) + text.slice(at + 1)
            : roll < 0.66
              ? text.slice(0, at) + (text[at] ?? '') + text.slice(at)
              : text.slice(0, at) + pick([',', '}', ']', ':', '"', 'x']) + text.slice(at + 1);
      }
      const bytes = encoder.encode(text);
      const path = Array.from({ length: Math.floor(random() * 4) }, () => pick(steps));
      const scanned = scanJsonField(bytes, 0, bytes.length, compileJsonPath(path));
      expect(scanned, `${text} @ ${JSON.stringify(path)}`).toEqual(oracle(bytes, path));
      checked++;
    }
    expect(checked).toBe(3_000);
  });
});
