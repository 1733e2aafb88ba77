import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBrokerUrl, profileUrl, validateBrokerUrl } from './broker-url.ts';
import { codeUnits, textOf } from './test-arbitraries.ts';

const URL_PARTS = [
  'ws://',
  'wss://',
  'WS://',
  'mqtt://',
  'http://',
  'tcp:',
  '//',
  '[',
  ']',
  '::1',
  ':',
  '@',
  'user:p%40ss@',
  '%',
  '%zz',
  '/',
  '/mqtt',
  '?token=a',
  '#frag',
  'localhost',
  'broker.example',
  '127.0.0.1',
  'xn--bcher-kva',
  'bücher',
  '9001',
  '0',
  '65536',
  '99999999999',
  ' ',
  '\t',
  '.',
];
/** URLs of the right form with odd parts, so the round trip is tried often. */
const wellFormed = fc
  .tuple(
    fc.constantFrom('ws', 'wss', 'WSS'),
    fc.oneof(
      fc.domain(),
      fc.ipV4(),
      fc.ipV6().map((ip) => `[${ip}]`),
      fc.constantFrom('localhost', 'Bücher.example', '[::ffff:127.0.0.1]'),
    ),
    fc.option(fc.integer({ min: 0, max: 70_000 }).map(String)),
    fc.option(fc.webPath()),
    fc.option(fc.webQueryParameters()),
  )
  .map(
    ([scheme, host, port, path, query]) =>
      `${scheme}://${host}${port === null ? '' : `:${port}`}${path ?? ''}${query === null ? '' : `?${query}`}`,
  );
const urlText = fc.oneof(textOf(URL_PARTS, 12), codeUnits(60), wellFormed);

describe('broker URLs, for any text', () => {
  it('checking and splitting never throw, and every refusal is a sentence', () => {
    fc.assert(
      fc.property(urlText, (text) => {
        const checked = validateBrokerUrl(text);
        const parsed = parseBrokerUrl(text);
        if (!checked.ok) expect(checked.reason).toMatch(/[.]$/);
        if (!parsed.ok) expect(parsed.reason).toMatch(/[.]$/);
      }),
    );
  });

  it('splits into parts a profile can store, which compose a URL that splits the same way', () => {
    fc.assert(
      fc.property(urlText, (text) => {
        const parsed = parseBrokerUrl(text);
        if (!parsed.ok) return;
        expect(['ws', 'wss']).toContain(parsed.scheme);
        expect(parsed.host).not.toBe('');
        expect(Number.isInteger(parsed.port) && parsed.port >= 1 && parsed.port <= 65535).toBe(
          true,
        );
        expect(parsed.path.startsWith('/')).toBe(true);
        const again = parseBrokerUrl(profileUrl(parsed));
        expect(again).toMatchObject({
          ok: true,
          scheme: parsed.scheme,
          host: parsed.host,
          port: parsed.port,
          path: parsed.path,
        });
        expect(validateBrokerUrl(profileUrl(parsed))).toEqual({ ok: true });
      }),
    );
  });
});
