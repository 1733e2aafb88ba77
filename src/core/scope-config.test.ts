import { describe, expect, it } from 'vitest';
import { checkScopeConfig, readScopeConfig } from './scope-config.ts';
import type { ScopeConfigJson } from './scope-config.ts';

const embedded: ScopeConfigJson = {
  embeddedBroker: { scheme: 'ws', port: 9001, path: '/mqtt', loginRequired: false },
  externalBrokerUrl: null,
  demo: true,
  demoFilter: 'demo/#',
};

describe('scope config', () => {
  it('puts the embedded broker on the host the page was loaded from', () => {
    expect(readScopeConfig(embedded, '192.168.1.20')).toEqual({
      brokerUrl: 'ws://192.168.1.20:9001/mqtt',
      loginRequired: false,
      demo: true,
      demoFilter: 'demo/#',
    });
  });

  it('brackets an IPv6 host whether or not location.hostname did', () => {
    expect(readScopeConfig(embedded, '[::1]')?.brokerUrl).toBe('ws://[::1]:9001/mqtt');
    expect(readScopeConfig(embedded, '::1')?.brokerUrl).toBe('ws://[::1]:9001/mqtt');
  });

  it('says when the embedded broker asks for a login, over wss', () => {
    const config = {
      ...embedded,
      embeddedBroker: { scheme: 'wss', port: 8884, path: '/mqtt', loginRequired: true },
    };
    expect(readScopeConfig(config, 'scope.lan')).toMatchObject({
      brokerUrl: 'wss://scope.lan:8884/mqtt',
      loginRequired: true,
    });
  });

  it('passes an external broker URL through, and no broker as null', () => {
    const external = { ...embedded, embeddedBroker: null, externalBrokerUrl: 'wss://b.test/mqtt' };
    expect(readScopeConfig(external, 'localhost')?.brokerUrl).toBe('wss://b.test/mqtt');
    const none = { ...embedded, embeddedBroker: null, demo: false };
    expect(readScopeConfig(none, 'localhost')).toMatchObject({
      brokerUrl: null,
      loginRequired: false,
    });
  });

  it('is no config at all when the JSON has another shape', () => {
    const broken: unknown[] = [
      null,
      [],
      'text',
      { ...embedded, demo: 'yes' },
      { ...embedded, demoFilter: undefined },
      { ...embedded, externalBrokerUrl: 42 },
      { ...embedded, embeddedBroker: { ...embedded.embeddedBroker, port: 0 } },
      { ...embedded, embeddedBroker: { ...embedded.embeddedBroker, port: '9001' } },
      { ...embedded, embeddedBroker: { ...embedded.embeddedBroker, scheme: 'http' } },
      { ...embedded, embeddedBroker: { ...embedded.embeddedBroker, path: 'mqtt' } },
      { ...embedded, embeddedBroker: { ...embedded.embeddedBroker, loginRequired: 1 } },
      // The shape before issue 18, from a server older than the page.
      { brokerUrl: 'ws://127.0.0.1:9001/mqtt', demo: true, demoFilter: 'demo/#' },
    ];
    for (const value of broken) expect(checkScopeConfig(value), JSON.stringify(value)).toBeNull();
  });
});
