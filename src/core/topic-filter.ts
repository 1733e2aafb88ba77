/**
 * Topic filter validation and matching, as MQTT 3.1.1 and MQTT 5 define them (§4.7 in both),
 * plus MQTT 5 shared subscriptions (§4.8.2).
 *
 * Matching runs on the per-message hot path, so it walks the strings by char code and
 * allocates nothing; `compileTopicFilter` does the filter-side work once per subscription.
 */

export type Validation = { ok: true } | { ok: false; reason: string };

const SLASH = 0x2f; // '/'
const PLUS = 0x2b; // '+'
const HASH = 0x23; // '#'
const DOLLAR = 0x24; // '$'

/** §1.5.4: a UTF-8 encoded string is prefixed by a two-byte length. */
const MAX_TOPIC_BYTES = 65535;
const SHARE_PREFIX = '$share/';

const OK: Validation = { ok: true };
const fail = (reason: string): Validation => ({ ok: false, reason });

const HASH_REASON = "'#' must be the last level and stand alone, as in sensors/#";
const PLUS_REASON = "'+' must fill a whole level, as in sensors/+/temperature";

/**
 * Checks what every MQTT string must satisfy (§1.5.4): no U+0000, no unpaired surrogate
 * (it has no UTF-8 encoding) and at most 65535 bytes once encoded.
 */
function checkEncodedString(s: string, what: string): Validation | null {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) return fail(`The ${what} contains the null character U+0000, which MQTT forbids.`);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) {
        return fail(`The ${what} contains an unpaired surrogate, which is not valid UTF-8.`);
      }
      bytes += 4;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return fail(`The ${what} contains an unpaired surrogate, which is not valid UTF-8.`);
    } else bytes += 3;
  }
  if (bytes > MAX_TOPIC_BYTES) {
    return fail(`The ${what} is ${bytes} bytes long; MQTT allows at most ${MAX_TOPIC_BYTES}.`);
  }
  return null;
}

/**
 * Where the real filter starts inside `filter`: 0 for an ordinary filter, just past the
 * ShareName for `$share/{ShareName}/{filter}`, or -1 when the shared form is malformed
 * (MQTT 5 §4.8.2: ShareName is at least one character and contains no `/`, `+` or `#`).
 */
function filterStart(filter: string): number {
  if (!filter.startsWith(SHARE_PREFIX)) return filter === '$share' ? -1 : 0;
  const end = filter.indexOf('/', SHARE_PREFIX.length);
  if (end <= SHARE_PREFIX.length) return -1;
  for (let i = SHARE_PREFIX.length; i < end; i++) {
    const c = filter.charCodeAt(i);
    if (c === PLUS || c === HASH) return -1;
  }
  return end + 1 < filter.length ? end + 1 : -1;
}

/**
 * The levels of the filter that topics are matched against (`$share/{ShareName}/` removed), or
 * null when the filter is not valid: `sensors/+/temp` → `['sensors', '+', 'temp']`.
 */
export function filterLevels(filter: string): string[] | null {
  if (!validateTopicFilter(filter).ok) return null;
  const start = filterStart(filter);
  return start < 0 ? null : filter.slice(start).split('/');
}

/**
 * Validates a topic filter for SUBSCRIBE (MQTT 3.1.1 and 5 §4.7.1, shared subscriptions
 * MQTT 5 §4.8.2). The reason is a sentence the UI can show as is.
 */
export function validateTopicFilter(filter: string): Validation {
  if (filter.length === 0) return fail('A topic filter cannot be empty.');
  const encoding = checkEncodedString(filter, 'topic filter');
  if (encoding) return encoding;

  let start = 0;
  if (filter === '$share' || filter.startsWith(SHARE_PREFIX)) {
    const end = filter.indexOf('/', SHARE_PREFIX.length);
    const shareName =
      filter.length <= SHARE_PREFIX.length
        ? ''
        : filter.slice(SHARE_PREFIX.length, end < 0 ? filter.length : end);
    if (shareName.length === 0) {
      return fail('A shared subscription needs a share name, as in $share/group/sensors/#.');
    }
    if (shareName.includes('+') || shareName.includes('#')) {
      return fail("The share name cannot contain '+' or '#'.");
    }
    if (end < 0 || end + 1 >= filter.length) {
      return fail(
        'A shared subscription needs a topic filter after the share name, as in $share/group/sensors/#.',
      );
    }
    start = end + 1;
  }

  let levelStart = start;
  for (let i = start; i < filter.length; i++) {
    const c = filter.charCodeAt(i);
    if (c === SLASH) {
      levelStart = i + 1;
    } else if (c === HASH) {
      // §4.7.1.2: '#' occupies a whole level and must be the last character.
      if (i !== levelStart || i !== filter.length - 1) return fail(HASH_REASON);
    } else if (c === PLUS) {
      // §4.7.1.3: '+' occupies an entire level; it may be first, last or in between.
      const next = i + 1 < filter.length ? filter.charCodeAt(i + 1) : SLASH;
      if (i !== levelStart || next !== SLASH) return fail(PLUS_REASON);
    }
  }
  return OK;
}

/**
 * Validates a topic name for PUBLISH (§4.7.1 and §3.3.2.1): non-empty, no wildcards,
 * no U+0000, at most 65535 UTF-8 bytes.
 */
export function validateTopicName(topic: string): Validation {
  if (topic.length === 0) return fail('A topic cannot be empty.');
  const encoding = checkEncodedString(topic, 'topic');
  if (encoding) return encoding;
  if (topic.includes('+') || topic.includes('#')) {
    return fail("A topic you publish to cannot contain the wildcards '+' or '#'.");
  }
  return OK;
}

const NEVER = (): boolean => false;

/**
 * Prepares a matcher for one filter, with the same semantics as {@link topicMatchesFilter}
 * (an invalid filter yields a matcher that never matches). The filter is validated and
 * split once; filters without wildcards become a string comparison, and a trailing `#`
 * without `+` becomes a prefix test.
 */
export function compileTopicFilter(filter: string): (topic: string) => boolean {
  if (!validateTopicFilter(filter).ok) return NEVER;
  const start = filterStart(filter);
  if (start < 0) return NEVER;
  const f = start === 0 ? filter : filter.slice(start);

  const hasPlus = f.includes('+');
  const hasHash = f.endsWith('#');

  if (!hasPlus && !hasHash) return (topic) => topic === f;
  if (f === '#') return (topic) => topic.charCodeAt(0) !== DOLLAR;
  if (!hasPlus) {
    const parent = f.slice(0, -2); // `a/b/#` → `a/b`
    const prefix = f.slice(0, -1); // `a/b/#` → `a/b/`
    return (topic) => topic.startsWith(prefix) || topic === parent;
  }

  const levels = f.split('/');
  const count = levels.length;
  const dollarExcluded = f.charCodeAt(0) === PLUS; // '#' first was handled above
  return (topic) => {
    if (dollarExcluded && topic.charCodeAt(0) === DOLLAR) return false;
    const tl = topic.length;
    let ti = 0;
    for (let li = 0; li < count; li++) {
      const level = levels[li] as string;
      if (level === '#') return true;
      if (level === '+') {
        const slash = topic.indexOf('/', ti);
        ti = slash < 0 ? tl : slash;
      } else {
        if (!topic.startsWith(level, ti)) return false;
        ti += level.length;
        if (ti < tl && topic.charCodeAt(ti) !== SLASH) return false;
      }
      if (li === count - 1) return ti === tl;
      if (ti === tl) return li === count - 2 && levels[count - 1] === '#';
      ti++;
    }
    return false;
  };
}
