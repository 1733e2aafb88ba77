import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText, codeUnits } from './test-arbitraries.ts';
import { visibleText } from './visible-text.ts';

/**
 * What Unicode itself calls invisible: control characters (Cc) and the Default_Ignorable_Code_Point
 * set (format characters, bidi controls, zero-width and filler characters, tags). Tab, line feed
 * and carriage return lay text out and stay; variation selectors pick an emoji's look and stay.
 */
const INVISIBLE = /(?![\t\n\r\p{Variation_Selector}])[\p{Cc}\p{Default_Ignorable_Code_Point}]/u;

/** Samples of each kind, so every property sees them often. */
const SAMPLES = [
  '\u0000',
  '\u0007',
  '\u001B',
  '\u007F',
  '\u0085',
  '\u009F',
  '\u00AD',
  '\u034F',
  '\u061C',
  '\u115F',
  '\u180E',
  '\u200B',
  '\u200D',
  '\u200E',
  '\u202A',
  '\u202E',
  '\u2060',
  '\u2066',
  '\u206A',
  '\u3164',
  '\uFE0F',
  '\uFEFF',
  '\uFFA0',
  '\u{E0001}',
  '\u{E0041}',
  '\u{1D173}',
  '\t',
  '\n',
  '\r',
  'a',
  'é',
  'م',
  '温',
  '👍',
  '\\u',
  '\\',
  '\uD800',
];
const text = fc.oneof(
  fc.array(fc.constantFrom(...SAMPLES), { maxLength: 20 }).map((parts) => parts.join('')),
  anyText(),
  codeUnits(),
);

describe('visibleText, for any text', () => {
  it('leaves no invisible or direction-changing character in what it shows', () => {
    fc.assert(
      fc.property(text, (input) => {
        expect(visibleText(input)).not.toMatch(INVISIBLE);
      }),
    );
  });

  it('changes nothing else: the visible characters stay, in order', () => {
    fc.assert(
      fc.property(text, (input) => {
        const kept = [...input].filter((char) => !INVISIBLE.test(char)).join('');
        const shown = visibleText(input).replace(
          /\\u\{[0-9A-F]{5,6}\}|\\u[0-9A-F]{4}/g,
          (escape) =>
            INVISIBLE.test(String.fromCodePoint(parseInt(escape.replace(/[\\u{}]/g, ''), 16)))
              ? ''
              : escape,
        );
        expect(shown).toBe(kept);
      }),
    );
  });

  it('is settled after one pass, and returns text without such characters unchanged', () => {
    fc.assert(
      fc.property(text, (input) => {
        const shown = visibleText(input);
        expect(visibleText(shown)).toBe(shown);
        if (!INVISIBLE.test(input)) expect(shown).toBe(input);
      }),
    );
  });
});
