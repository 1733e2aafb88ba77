/**
 * fast-check generators shared by the property tests (`*.property.test.ts`): the inputs a
 * damaged file, a hand edit, a newer version or a hostile broker could hand the parsers.
 * Test support only: nothing in the app imports it.
 */
import fc from 'fast-check';

/**
 * Keys that trip JavaScript code: prototype names, and `toString`/`valueOf`, which make
 * `String(value)` throw when a parsed object holds them as plain values.
 */
export const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'length',
  '',
] as const;

/** Any UTF-16 string, unpaired surrogates included (what a JavaScript string may hold). */
export const anyText = (maxLength = 40): fc.Arbitrary<string> =>
  fc.string({ unit: 'binary', maxLength });

/** Strings of UTF-16 code units, where lone surrogates and controls are as likely as letters. */
export const codeUnits = (maxLength = 40): fc.Arbitrary<string> =>
  fc.string({
    unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    maxLength,
  });

/** Text made mostly of `alphabet`, so a parser's own syntax comes up often. */
export const textOf = (alphabet: readonly string[], maxLength = 30): fc.Arbitrary<string> =>
  fc
    .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...alphabet) }, anyText(3)), {
      maxLength,
    })
    .map((parts) => parts.join(''));

/** Parsed objects that make `String(value)` or `${value}` throw, or that shadow the prototype. */
export const hostileObjects = (): fc.Arbitrary<object> =>
  fc
    .constantFrom(
      () => Object.fromEntries([['toString', 1]]),
      () =>
        Object.fromEntries([
          ['valueOf', {}],
          ['toString', null],
        ]),
      () => [Object.fromEntries([['toString', []]])],
      () => Object.fromEntries([['__proto__', { polluted: true }]]),
      () => Object.fromEntries([['constructor', Object.fromEntries([['prototype', {}]])]]),
    )
    .map((make) => make());

export interface JsonOptions {
  /** Field names the schema reads: random values land on them, at any depth. */
  keys?: readonly string[];
  /** Values the schema looks for (a scheme, a format name): some land where they are expected. */
  values?: readonly (string | number | boolean | null)[];
  maxDepth?: number;
}

/**
 * A value as `JSON.parse` returns it, with own `__proto__` keys and the like exactly as JSON
 * makes them (`Object.fromEntries`, like `JSON.parse`, defines rather than assigns).
 */
export function parsedJson({ keys = [], values = [], maxDepth = 4 }: JsonOptions = {}) {
  const key = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...HOSTILE_KEYS, ...keys));
  const leaves: fc.Arbitrary<unknown>[] = [
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    anyText(12),
    hostileObjects(),
  ];
  if (values.length > 0) leaves.push(fc.constantFrom(...values));
  const leaf = fc.oneof(...leaves);
  const { value } = fc.letrec<{ value: unknown; array: unknown[]; object: object }>((tie) => ({
    value: fc.oneof({ maxDepth, depthSize: 'small' }, leaf, tie('array'), tie('object')),
    array: fc.array(tie('value'), { maxLength: 5 }),
    object: fc
      .array(fc.tuple(key, tie('value')), { maxLength: 8 })
      .map((entries) => Object.fromEntries(entries)),
  }));
  return value;
}

/** An object with some of `keys`, each holding any JSON value: a record of the wrong shape. */
export function recordOf(keys: readonly string[], options: JsonOptions = {}) {
  return fc
    .array(fc.tuple(fc.constantFrom(...keys), parsedJson({ keys, ...options })), {
      maxLength: keys.length + 2,
    })
    .map((entries) => Object.fromEntries(entries) as Record<string, unknown>);
}

/** `text` cut at any point: a partial write, a download that stopped. */
export const truncated = (text: string): fc.Arbitrary<string> =>
  fc.nat({ max: text.length }).map((end) => text.slice(0, end));

/** A JSON field condition as a user might type it, or mistype it (`temperature > 30`). */
export const fieldConditionText = (): fc.Arbitrary<string> =>
  fc.oneof(
    textOf(
      [
        'temperature',
        'a',
        '.',
        '[0]',
        '["a>b"]',
        "['x']",
        ' ',
        '==',
        '=',
        '!=',
        '>',
        '>=',
        '<',
        '<=',
        '~',
        'exists',
        '"on"',
        "'on'",
        '"',
        "'",
        '\\',
        '30',
        '-1.5e3',
        'true',
        'null',
        '/^s\\d+$/i',
        '(',
        ')',
        '*',
        '+',
        '[',
        ']',
        '{',
        '}',
      ],
      12,
    ),
    codeUnits(),
  );
