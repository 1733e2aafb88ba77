/**
 * Text from the broker made safe to read: characters that change how the rest is shown
 * (bidirectional overrides and isolates, zero-width characters, other invisible controls) are
 * replaced by a visible `\u202E`-style escape, so `abc\u202Egnp.exe` cannot read as
 * `abcexe.png` and two topics that look the same can be told apart. Tab and line breaks stay.
 */

// C0 controls except tab/LF/CR, DEL, C1 controls, Arabic letter mark, zero-width space/joiners,
// LRM/RLM, bidi embeddings and overrides, word joiner…invisible operators, bidi isolates, BOM.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const TEST = new RegExp(INVISIBLE.source);

function escape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `text` with every invisible or direction-changing character written as `\uXXXX`. */
export function visibleText(text: string): string {
  // Most text has none: one test, no new string.
  return TEST.test(text) ? text.replace(INVISIBLE, escape) : text;
}
