import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileJsonPath, JSON_CONTAINER, scanJsonField } from './json-field-scan.ts';
import { formatJsonPath } from './json-path-format.ts';
import { extractNumber, parseJsonPath, readNumber, toNumber } from './json-path.ts';
import type { JsonPath } from './json-path.ts';
import { anyText, codeUnits, HOSTILE_KEYS, parsedJson, textOf } from './test-arbitraries.ts';

const PATH_SYNTAX = ['.', '[', ']', '"', "'", '\\', '$', '0', '12', 'a', 'b', ' ', '\\"', '-'];
const pathText = fc.oneof(textOf(PATH_SYNTAX), codeUnits());

const segment = fc.oneof(
  fc.nat({ max: 20 }),
  fc.constantFrom(
    'a',
    'b',
    '0',
    '$',
    '$value',
    'a.b',
    'x y',
    '["q"]',
    "it's",
    '\\',
    ...HOSTILE_KEYS,
  ),
  anyText(6),
);
const path = fc.array(segment, { maxLength: 5 });

const KEYS = ['a', 'b', '0', 'a.b', 'value', ...HOSTILE_KEYS];
const json = parsedJson({ keys: KEYS, values: ['21.5', ' 3 ', 'true', '0x10', ''] });

const isReading = (n: number | null) => n === null || Number.isFinite(n);

/** `value` placed at `path` inside objects and arrays made for it (own properties only). */
function place(path: JsonPath, value: unknown): unknown {
  let current = value;
  for (let i = path.length - 1; i >= 0; i--) {
    const step = path[i] as string | number;
    if (typeof step === 'number') {
      const array: unknown[] = Array.from({ length: step }, () => null);
      array.push(current);
      current = array;
    } else {
      const object = {};
      Object.defineProperty(object, step, { value: current, enumerable: true });
      current = object;
    }
  }
  return current;
}

describe('JSON paths, for any input', () => {
  it('parsing never throws, and gives a path or a reason', () => {
    fc.assert(
      fc.property(pathText, (text) => {
        const parsed = parseJsonPath(text);
        if (parsed.ok) {
          for (const step of parsed.path) expect(['string', 'number']).toContain(typeof step);
        } else expect(parsed.reason.length).toBeGreaterThan(10);
      }),
    );
  });

  it('reads back every path it writes', () => {
    fc.assert(
      fc.property(path, (steps) => {
        const text = formatJsonPath(steps);
        const parsed = parseJsonPath(text);
        expect(parsed.ok, text).toBe(true);
        // Negative or fractional numbers are written as quoted names, and read back as names.
        const expected = steps.map((s) =>
          typeof s === 'number' && !(Number.isSafeInteger(s) && s >= 0) ? String(s) : s,
        );
        if (parsed.ok) expect(parsed.path).toEqual(expected);
      }),
    );
  });

  it('reading a number never throws and gives a finite number or null', () => {
    fc.assert(
      fc.property(json, path, (value, steps) => {
        expect(isReading(readNumber(value, steps))).toBe(true);
        expect(isReading(toNumber(value))).toBe(true);
      }),
    );
  });

  it('finds the number placed at a path, through any key, and never on the prototype', () => {
    fc.assert(
      fc.property(path, fc.double({ noNaN: true, noDefaultInfinity: true }), (steps, n) => {
        expect(readNumber(place(steps, n), steps)).toBe(n);
        expect(readNumber({}, [...steps, 'toString'])).toBeNull();
      }),
    );
  });

  it('extracting from any payload text never throws', () => {
    const payload = fc.oneof(
      anyText(60),
      json.map((v) => JSON.stringify(v) ?? ''),
      fc.constantFrom('21.5', ' 21.5\n', '"21.5"', 'true', 'false', '""', '"', '[', '{"a":1e999}'),
    );
    fc.assert(
      fc.property(payload, path, (text, steps) => {
        expect(isReading(extractNumber(text, steps))).toBe(true);
      }),
    );
  });

  it('the byte scanner finds what JSON.parse finds, and never throws on any bytes', () => {
    const documents = fc.oneof(
      json.map((v) => JSON.stringify(v) ?? ''),
      fc.tuple(json, fc.nat()).map(([v, cut]) => (JSON.stringify(v) ?? '').slice(0, cut % 80)),
      textOf(['{', '}', '[', ']', '"a"', ':', ',', '1', '-', 'e', 'true', ' ', '\\']),
    );
    fc.assert(
      fc.property(documents, path, (text, steps) => {
        const bytes = new TextEncoder().encode(text);
        const scanned = scanJsonField(bytes, 0, bytes.length, compileJsonPath(steps));
        expect(scanned).toEqual(expectedScan(text, steps));
      }),
    );
  });
});

/** What the scanner must answer: null where JSON.parse refuses or finds no container. */
function expectedScan(text: string, steps: JsonPath): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const field = resolve(parsed, steps);
  if (!field.found) return { found: false };
  const { value } = field;
  return {
    found: true,
    value: typeof value === 'object' && value !== null ? JSON_CONTAINER : value,
  };
}

/** Where JSON.parse's result has the field, as a search reads it (`a.0` reaches into arrays). */
function resolve(
  root: unknown,
  steps: JsonPath,
): { found: true; value: unknown } | { found: false } {
  let current = root;
  for (const step of steps) {
    if (typeof current !== 'object' || current === null) return { found: false };
    if (Array.isArray(current)) {
      const index = typeof step === 'number' ? step : /^\d{1,10}$/.test(step) ? Number(step) : -1;
      if (index < 0 || index >= current.length) return { found: false };
      current = current[index] as unknown;
    } else {
      const key = String(step);
      if (!Object.hasOwn(current, key)) return { found: false };
      current = (current as Record<string, unknown>)[key];
    }
  }
  return { found: true, value: current };
}
