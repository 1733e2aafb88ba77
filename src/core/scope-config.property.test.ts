import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBrokerUrl } from './broker-url.ts';
import { checkScopeConfig, readScopeConfig } from './scope-config.ts';
import { hostileObjects, parsedJson, recordOf } from './test-arbitraries.ts';

const KEYS = ['embeddedBroker', 'externalBrokerUrl', 'demo', 'demoFilter'];
const BROKER_KEYS = ['scheme', 'port', 'path', 'loginRequired'];
const VALUES = ['ws', 'wss', '/mqtt', 9001, 0, 65536, true, false, 'demo/#'];

const goodBroker = fc.record({
  scheme: fc.constantFrom('ws', 'wss'),
  port: fc.integer({ min: 1, max: 65535 }),
  path: fc.constantFrom('/mqtt', '/', '/a/b?x=1'),
  loginRequired: fc.boolean(),
});
const config = fc.oneof(
  fc.record({
    embeddedBroker: fc.oneof(
      fc.constant(null),
      goodBroker,
      recordOf(BROKER_KEYS, { values: VALUES }),
      hostileObjects(),
    ),
    externalBrokerUrl: fc.oneof(fc.constant(null), fc.string(), hostileObjects()),
    demo: fc.oneof(fc.boolean(), parsedJson()),
    demoFilter: fc.oneof(fc.string(), parsedJson()),
  }),
  recordOf(KEYS, { keys: BROKER_KEYS, values: VALUES }),
  parsedJson({ keys: [...KEYS, ...BROKER_KEYS], values: VALUES }),
);
const hostname = fc.oneof(
  fc.domain(),
  fc.ipV4(),
  fc.ipV6(),
  fc.constantFrom('localhost', '::1', '[::1]', '127.0.0.1'),
);

describe('the start-up config, for any fetched JSON', () => {
  it('never throws: a config of the right types, or none', () => {
    fc.assert(
      fc.property(config, (value) => {
        const checked = checkScopeConfig(value);
        if (checked === null) return;
        expect(typeof checked.demo).toBe('boolean');
        expect(typeof checked.demoFilter).toBe('string');
        expect(
          checked.externalBrokerUrl === null || typeof checked.externalBrokerUrl === 'string',
        ).toBe(true);
        const broker = checked.embeddedBroker;
        if (broker) {
          expect(['ws', 'wss']).toContain(broker.scheme);
          expect(Number.isInteger(broker.port) && broker.port >= 1 && broker.port <= 65535).toBe(
            true,
          );
          expect(broker.path.startsWith('/')).toBe(true);
        }
      }),
    );
  });

  it('puts the embedded broker on the page’s own host, in a URL that splits back the same', () => {
    fc.assert(
      fc.property(goodBroker, hostname, (broker, host) => {
        const config = {
          embeddedBroker: broker,
          externalBrokerUrl: null,
          demo: false,
          demoFilter: '#',
        };
        const url = readScopeConfig(config, host)?.brokerUrl ?? '';
        expect(parseBrokerUrl(url)).toMatchObject({
          ok: true,
          scheme: broker.scheme,
          port: broker.port,
        });
      }),
    );
  });
});
