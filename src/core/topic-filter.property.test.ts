import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeUnits, textOf } from './test-arbitraries.ts';
import { compileTopicFilter, validateTopicFilter, validateTopicName } from './topic-filter.ts';

/** Levels small enough to collide often, `$`-levels and the empty level included. */
const LEVELS = ['a', 'b', 'ab', '', '$SYS', '$x', 'é', '😀'];
const level = fc.constantFrom(...LEVELS);
const topicLevels = fc.array(level, { minLength: 1, maxLength: 5 });
const topicOf = (levels: readonly string[]) => levels.join('/');

/** A valid filter as levels: literals and `+` anywhere, `#` only last (MQTT §4.7.1). */
const filterLevels = fc
  .tuple(fc.array(fc.oneof(level, fc.constant('+')), { minLength: 0, maxLength: 5 }), fc.boolean())
  .map(([levels, hash]) => (hash ? [...levels, '#'] : levels))
  .filter((levels) => levels.join('/') !== ''); // a filter is at least one character

/** What the specification says, level by level, written as plainly as possible. */
function specMatches(filter: readonly string[], topic: readonly string[]): boolean {
  // §4.7.2: a filter starting with a wildcard does not match a topic starting with `$`.
  if ((filter[0] === '+' || filter[0] === '#') && topic[0]?.startsWith('$')) return false;
  const walk = (f: number, t: number): boolean => {
    if (f === filter.length) return t === topic.length;
    if (filter[f] === '#') return true; // the parent level and any number of children
    if (t === topic.length) return false;
    return (filter[f] === '+' || filter[f] === topic[t]) && walk(f + 1, t + 1);
  };
  return walk(0, 0);
}

const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;
/** With the u flag a surrogate pair is one code point, so only an unpaired half is Cs. */
const hasLoneSurrogate = (s: string) => /\p{Cs}/u.test(s);

/** The rules of §1.5.4, §4.7.1 and MQTT 5 §4.8.2, restated from the specification. */
function specValidFilter(filter: string): boolean {
  if (filter === '' || filter.includes('\0') || hasLoneSurrogate(filter)) return false;
  if (utf8Bytes(filter) > 65535) return false;
  let rest = filter;
  if (filter === '$share' || filter.startsWith('$share/')) {
    const [, shareName = '', ...levels] = filter.split('/');
    if (shareName === '' || /[+#]/.test(shareName) || levels.length === 0) return false;
    rest = levels.join('/');
    if (rest === '') return false;
  }
  const levels = rest.split('/');
  return levels.every(
    (l, i) => l === '+' || (l === '#' && i === levels.length - 1) || !/[+#]/.test(l),
  );
}

function specValidName(topic: string): boolean {
  if (topic === '' || topic.includes('\0') || hasLoneSurrogate(topic)) return false;
  return utf8Bytes(topic) <= 65535 && !/[+#]/.test(topic);
}

/** Text full of the characters that matter to filters. */
const filterText = fc.oneof(
  textOf(['a', '/', '+', '#', '$share', '$share/', '$SYS', 'g', '\0', '\uD800', '€']),
  codeUnits(),
);

describe('topic filters, for any input', () => {
  it('validation never throws and agrees with the specification', () => {
    fc.assert(
      fc.property(filterText, (filter) => {
        expect(validateTopicFilter(filter).ok).toBe(specValidFilter(filter));
        expect(validateTopicName(filter).ok).toBe(specValidName(filter));
      }),
    );
  });

  it('says why in a sentence whenever it refuses', () => {
    fc.assert(
      fc.property(filterText, (filter) => {
        for (const result of [validateTopicFilter(filter), validateTopicName(filter)]) {
          if (!result.ok) expect(result.reason).toMatch(/^[A-Z'][^\n]{10,}$/);
        }
      }),
    );
  });

  it('a filter built from valid levels is valid and matches exactly the topics it should', () => {
    fc.assert(
      fc.property(filterLevels, fc.array(topicLevels, { maxLength: 8 }), (filter, topics) => {
        const text = filter.join('/');
        expect(validateTopicFilter(text)).toEqual({ ok: true });
        const matches = compileTopicFilter(text);
        for (const topic of [...topics, filter.filter((l) => l !== '+' && l !== '#')]) {
          if (topicOf(topic) === '') continue;
          expect(matches(topicOf(topic)), `${text} vs ${topicOf(topic)}`).toBe(
            specMatches(filter, topic),
          );
        }
      }),
    );
  });

  it('matches a topic built to fit the filter (+ and # filled with any levels)', () => {
    const fitting = filterLevels.chain((filter) =>
      fc
        .tuple(
          ...filter.map((l) =>
            l === '+'
              ? level.map((x) => [x])
              : l === '#'
                ? fc.array(level, { maxLength: 3 })
                : fc.constant([l]),
          ),
        )
        .map((parts) => ({ filter, topic: parts.flat() })),
    );
    fc.assert(
      fc.property(fitting, ({ filter, topic }) => {
        fc.pre(topicOf(topic) !== '');
        const dollar = topic[0]?.startsWith('$') && (filter[0] === '+' || filter[0] === '#');
        expect(compileTopicFilter(filter.join('/'))(topicOf(topic))).toBe(!dollar);
      }),
    );
  });

  it('$share/group/filter matches what the filter after the share name matches', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('g', 'group-1', '$x', 'é'),
        filterLevels,
        topicLevels,
        (group, filter, topic) => {
          fc.pre(topicOf(topic) !== '');
          const shared = `$share/${group}/${filter.join('/')}`;
          expect(validateTopicFilter(shared).ok).toBe(true);
          expect(compileTopicFilter(shared)(topicOf(topic))).toBe(specMatches(filter, topic));
        },
      ),
    );
  });

  it('never throws while matching, and an invalid filter matches nothing', () => {
    fc.assert(
      fc.property(filterText, filterText, (filter, topic) => {
        const matches = compileTopicFilter(filter)(topic);
        if (!validateTopicFilter(filter).ok) expect(matches).toBe(false);
      }),
    );
  });
});
