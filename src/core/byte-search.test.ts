import { describe, expect, it } from 'vitest';
import { createRangeMatcher, createTextMatcher, indexOfBytes } from './byte-search.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('indexOfBytes', () => {
  it.each([
    ['hello world', 'world', 0, 6],
    ['hello world', 'o', 0, 4],
    ['hello world', 'o', 5, 7],
    ['hello world', 'hello world', 0, 0],
    ['hello world', 'hello world!', 0, -1],
    ['hello', 'lo', 0, 3],
    ['aaab', 'aab', 0, 1],
    ['abab', 'abab', 1, -1],
    ['', 'a', 0, -1],
    ['abc', '', 0, 0],
    ['abc', '', 2, 2],
    ['abc', '', 9, 3],
    ['abc', 'c', -5, 2],
  ])('finds %j in %j from %d at %d', (haystack, needle, from, expected) => {
    expect(indexOfBytes(utf8(haystack), utf8(needle), from)).toBe(expected);
    // The same answer as the string search, for ASCII.
    expect(expected).toBe(haystack.indexOf(needle, from));
  });

  it('finds raw bytes, including in invalid UTF-8', () => {
    const hay = Uint8Array.from([0xff, 0x00, 0xfe, 0xff, 0x00, 0x01]);
    expect(indexOfBytes(hay, Uint8Array.from([0xff, 0x00, 0x01]))).toBe(3);
  });

  it('finds a needle at the very end of a 16 MB payload', () => {
    const big = new Uint8Array(16 * 1024 * 1024).fill(0x61);
    big.set(utf8('needle'), big.length - 6);
    expect(indexOfBytes(big, utf8('needle'))).toBe(big.length - 6);
    expect(indexOfBytes(big, utf8('needles'))).toBe(-1);
  });
});

describe('createTextMatcher', () => {
  const payload = utf8('{"Status":"ON","temp":21.5,"name":"Küche"}');

  it('matches everything when the text is empty', () => {
    expect(createTextMatcher('', { caseSensitive: true })(new Uint8Array())).toBe(true);
  });

  it('matches bytes exactly when case matters', () => {
    const match = (text: string) => createTextMatcher(text, { caseSensitive: true })(payload);
    expect(match('"Status":"ON"')).toBe(true);
    expect(match('status')).toBe(false);
    expect(match('Küche')).toBe(true);
    expect(match('küche')).toBe(false);
  });

  it('folds ASCII letters when case does not matter', () => {
    const match = (text: string) => createTextMatcher(text, { caseSensitive: false })(payload);
    expect(match('status')).toBe(true);
    expect(match('"status":"on"')).toBe(true);
    expect(match('STATUS')).toBe(true);
    expect(match('TEMP":21.5')).toBe(true);
    expect(match('temp":22')).toBe(false);
    expect(match('21.5')).toBe(true);
  });

  it('does not treat letters and the bytes near them as equal', () => {
    // '@' (0x40) and '`' (0x60) differ from 'A'/'a' by the case bit only.
    const match = createTextMatcher('a', { caseSensitive: false });
    expect(match(utf8('@`[{'))).toBe(false);
    expect(match(utf8('xA'))).toBe(true);
  });

  it('finds an all-letter text whose first letter appears in both cases', () => {
    const match = createTextMatcher('sensor', { caseSensitive: false });
    expect(match(utf8('s S sx Sensoz sEnSoR'))).toBe(true);
    expect(match(utf8('s S sx Sensoz sEnSo'))).toBe(false);
  });

  it('decodes and lower-cases for a non-ASCII text when case does not matter', () => {
    const match = (text: string) => createTextMatcher(text, { caseSensitive: false })(payload);
    expect(match('KÜCHE')).toBe(true);
    expect(match('küche')).toBe(true);
    expect(match('kuche')).toBe(false);
  });

  it('never matches a needle longer than the payload', () => {
    expect(createTextMatcher('abc', { caseSensitive: false })(utf8('ab'))).toBe(false);
    expect(createTextMatcher('abc', { caseSensitive: true })(utf8('ab'))).toBe(false);
  });

  it('agrees with a decoded, lower-cased search on random ASCII payloads', () => {
    let seed = 11;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const alphabet = 'aAbB{}":1 ';
    const randomText = (length: number) =>
      Array.from({ length }, () => alphabet[next(alphabet.length)] as string).join('');
    for (let round = 0; round < 500; round++) {
      const text = randomText(1 + next(4));
      const hay = randomText(next(40));
      const expected = hay.toLowerCase().includes(text.toLowerCase());
      expect(createTextMatcher(text, { caseSensitive: false })(utf8(hay))).toBe(expected);
      expect(createTextMatcher(text, { caseSensitive: true })(utf8(hay))).toBe(hay.includes(text));
    }
  });
});

describe('createRangeMatcher', () => {
  const bytes = new TextEncoder().encode('xx{"Alarm":true}yy|{"seq":42}');
  const first = { start: 2, end: 16 };
  const second = { start: 19, end: bytes.length };

  it('finds text only inside the given range', () => {
    const alarm = createRangeMatcher('alarm', { caseSensitive: false });
    expect(alarm(bytes, first.start, first.end)).toBe(true);
    expect(alarm(bytes, second.start, second.end)).toBe(false);
    // A match that would cross the end of the range does not count.
    expect(createRangeMatcher('}yy', { caseSensitive: true })(bytes, first.start, first.end)).toBe(
      false,
    );
  });

  it('agrees with createTextMatcher on case and on non-ASCII text', () => {
    for (const [text, caseSensitive] of [
      ['ALARM', false],
      ['ALARM', true],
      ['"seq":42', true],
      ['Ü', false],
    ] as const) {
      const range = createRangeMatcher(text, { caseSensitive });
      const whole = createTextMatcher(text, { caseSensitive });
      for (const { start, end } of [first, second])
        expect(range(bytes, start, end)).toBe(whole(bytes.subarray(start, end)));
    }
  });
});
