/**
 * Text from the broker made safe to read: characters that change how the rest is shown
 * (bidirectional overrides and isolates, zero-width characters, other invisible controls) are
 * replaced by a visible `\u202E`-style escape, so `abc\u202Egnp.exe` cannot read as
 * `abcexe.png` and two topics that look the same can be told apart. Tab and line breaks stay.
 */

// Control characters except tab/LF/CR, and what Unicode calls default-ignorable: characters a
// font shows as nothing (bidi controls, zero-width space and joiners, soft hyphen, Hangul
// fillers, tags, BOM…). Variation selectors are default-ignorable too but only pick how the
// character before them looks (the emoji form of ❤️), so they stay.
const INVISIBLE = /(?![\t\n\r\p{Variation_Selector}])[\p{Cc}\p{Default_Ignorable_Code_Point}]/gu;
const TEST = new RegExp(INVISIBLE.source, 'u');

/** `\u200B`, or `\u{E0041}` for a character outside the Basic Multilingual Plane. */
function escape(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const hex = code.toString(16).toUpperCase();
  return code > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, '0')}`;
}

/** `text` with every invisible or direction-changing character written as `\uXXXX`. */
export function visibleText(text: string): string {
  // Most text has none: one test, no new string.
  return TEST.test(text) ? text.replace(INVISIBLE, escape) : text;
}
