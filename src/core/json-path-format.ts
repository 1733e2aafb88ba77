/**
 * Writes a JSON path the way a user types one (`readings[0].value`, `["my key"]`), so a path
 * picked in the JSON tree can fill the chart form and be read back by `parseJsonPath`.
 */
import type { JsonPath } from './json-path.ts';

/** Names that read back as themselves after a `.`; anything else is written in brackets. */
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * `path` extended by one segment: `[3]` for an array index, `.name` (or `name` at the start)
 * for an identifier-like key, `["…"]` with JSON escapes for any other key. A lone `$` key is
 * bracketed, since a leading `$` means the root; a number that is not an index is written as
 * a quoted name.
 */
export function appendJsonPathSegment(path: string, segment: string | number): string {
  if (typeof segment === 'number') {
    return Number.isSafeInteger(segment) && segment >= 0
      ? `${path}[${segment}]`
      : `${path}[${JSON.stringify(String(segment))}]`;
  }
  if (IDENTIFIER.test(segment) && segment !== '$')
    return path === '' ? segment : `${path}.${segment}`;
  return `${path}[${JSON.stringify(segment)}]`;
}

/**
 * A path as text a user can read and type: `readings[0].value`, `["my key"].t`, `[0]`;
 * the empty path (the whole payload) is `''`. `parseJsonPath` reads it back to the same path.
 */
export function formatJsonPath(path: JsonPath): string {
  let text = '';
  for (const segment of path) text = appendJsonPathSegment(text, segment);
  return text;
}
