import { describe, expect, it } from 'vitest';
import {
  compileTopicFilter,
  filterLevels,
  validateTopicFilter,
  validateTopicName,
} from './topic-filter.ts';

type Case = [filter: string, topic: string, matches: boolean];

/** Behaviour → cases; shared by the direct and the compiled matcher so they cannot drift. */
const behaviours: Record<string, Case[]> = {
  'matches literal levels exactly, empty levels included': [
    ['sport/tennis', 'sport/tennis', true],
    ['sport/tennis', 'sport/tennis2', false],
    ['sport/tennis', 'sport', false],
    ['sport', 'sport/tennis', false],
    ['a//b', 'a//b', true],
    ['a//b', 'a/b', false],
    ['/', '/', true],
    ['a/', 'a/', true],
    ['a/', 'a/b', false],
  ],
  'matches # against the parent level and any children': [
    ['#', 'sport', true],
    ['#', 'sport/tennis/player1', true],
    ['#', '/finance', true],
    ['sport/#', 'sport', true],
    ['sport/#', 'sport/', true],
    ['sport/#', 'sport/tennis/player1/ranking', true],
    ['sport/#', 'sports', false],
    ['sport/#', 'sportx/tennis', false],
    ['sport/tennis/#', 'sport', false],
    ['sport/tennis/player1/#', 'sport/tennis/player1', true],
  ],
  'matches + at one level only, which may be empty': [
    ['sport/tennis/+', 'sport/tennis/player1', true],
    ['sport/tennis/+', 'sport/tennis/player1/ranking', false],
    ['sport/tennis/+', 'sport/tennis', false],
    ['sport/+', 'sport/', true],
    ['+', 'sport', true],
    ['+', '/finance', false],
    ['+/+', '/finance', true],
    ['/+', '/finance', true],
    ['+/tennis/#', 'sport/tennis/player1', true],
    ['+/tennis/#', 'sport/tennis', true],
    ['+/+/+', 'a/b', false],
    ['a/+/c', 'a//c', true],
    ['a/+/c', 'a/b/d', false],
    ['+/b', 'a/b/c', false],
  ],
  'keeps $ topics away from filters that start with a wildcard': [
    ['#', '$SYS/broker/uptime', false],
    ['+/x', '$SYS/x', false],
    ['+', '$SYS', false],
    ['$SYS/#', '$SYS/broker/uptime', true],
    ['$SYS/+/uptime', '$SYS/broker/uptime', true],
    ['$SYS', '$SYS', true],
    ['a/#', 'a/$x', true],
  ],
  'matches $share/{group}/f like f': [
    ['$share/g/a/+', 'a/b', true],
    ['$share/g/a/+', 'a/b/c', false],
    ['$share/group/#', 'sensors/t', true],
    ['$share/group/#', '$SYS/x', false],
    ['$share/g/sensors/temp', 'sensors/temp', true],
    ['$share/g/sensors/temp', '$share/g/sensors/temp', false],
  ],
  'matches nothing with an invalid filter': [
    ['', '', false],
    ['a#', 'a#', false],
    ['a/#/b', 'a/x/b', false],
    ['a+/b', 'a+/b', false],
    ['a/+b', 'a/+b', false],
    ['$share//a', 'a', false],
    ['$share/g', 'g', false],
    ['$share/g/', '', false],
    ['$share/g+/a', 'a', false],
    ['$share', '$share', false],
  ],
};

describe('compileTopicFilter matches as the specification says', () => {
  for (const [behaviour, list] of Object.entries(behaviours)) {
    describe(behaviour, () => {
      it.each(list)('%j vs %j → %s', (filter, topic, expected) => {
        expect(compileTopicFilter(filter)(topic)).toBe(expected);
      });
    });
  }
});

describe('compileTopicFilter', () => {
  it('reuses one compiled matcher across many topics', () => {
    const matches = compileTopicFilter('home/+/temperature');
    expect(matches('home/kitchen/temperature')).toBe(true);
    expect(matches('home/kitchen/humidity')).toBe(false);
    expect(matches('home/temperature')).toBe(false);
  });
});

describe('validateTopicFilter', () => {
  it.each([
    '#',
    '+',
    'sensors/#',
    'a/+/b',
    '+/+',
    '/+',
    'a//b',
    '/',
    '$SYS/#',
    '$share/group/sensors/#',
    '$share/g/+',
    '$sharex/a',
    'a/$share/b',
    'héllo/wörld/😀',
  ])('accepts %j', (filter) => {
    expect(validateTopicFilter(filter)).toEqual({ ok: true });
  });

  it.each([
    ['', /cannot be empty/],
    ['a#', /'#' must be the last level/],
    ['a/#/b', /'#' must be the last level/],
    ['#/a', /'#' must be the last level/],
    ['a/b#', /'#' must be the last level/],
    ['a+/b', /'\+' must fill a whole level/],
    ['a/+b', /'\+' must fill a whole level/],
    ['++', /'\+' must fill a whole level/],
    ['a\u0000b', /U\+0000/],
    ['a/\ud800', /unpaired surrogate/],
    ['$share', /needs a share name/],
    ['$share/', /needs a share name/],
    ['$share//a', /needs a share name/],
    ['$share/g', /needs a topic filter after the share name/],
    ['$share/g/', /needs a topic filter after the share name/],
    ['$share/g+/a', /share name cannot contain/],
    ['$share/#/a', /share name cannot contain/],
    ['$share/g/a#', /'#' must be the last level/],
  ])('rejects %j with a reason', (filter, reason) => {
    const result = validateTopicFilter(filter);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('counts the limit in UTF-8 bytes, not characters', () => {
    expect(validateTopicFilter('a'.repeat(65535)).ok).toBe(true);
    expect(validateTopicFilter('a'.repeat(65536)).ok).toBe(false);
    // 'é' is two bytes: 32768 of them are 65536 bytes though only 32768 characters.
    const tooLong = validateTopicFilter('é'.repeat(32768));
    expect(tooLong).toEqual({
      ok: false,
      reason: 'The topic filter is 65536 bytes long; MQTT allows at most 65535.',
    });
  });
});

describe('validateTopicName', () => {
  it.each(['sensors/temp', '/', 'a//b', '$SYS/x', 'ünïcode/😀'])('accepts %j', (topic) => {
    expect(validateTopicName(topic)).toEqual({ ok: true });
  });

  it.each([
    ['', /cannot be empty/],
    ['sensors/+', /wildcards/],
    ['sensors/#', /wildcards/],
    ['a#b', /wildcards/],
    ['a\u0000', /U\+0000/],
  ])('rejects %j with a reason', (topic, reason) => {
    const result = validateTopicName(topic);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('rejects a topic longer than 65535 bytes', () => {
    expect(validateTopicName('x'.repeat(65536)).ok).toBe(false);
  });
});

describe('filterLevels', () => {
  it('splits the filter topics are matched against, without a share name', () => {
    expect(filterLevels('sensors/+/temp')).toEqual(['sensors', '+', 'temp']);
    expect(filterLevels('$share/group/a/#')).toEqual(['a', '#']);
    expect(filterLevels('a/#/b')).toBeNull();
    expect(filterLevels('$share/g')).toBeNull();
  });
});
