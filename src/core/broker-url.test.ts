import { describe, expect, it } from 'vitest';
import { parseBrokerUrl, profileUrl, validateBrokerUrl } from './broker-url.ts';
import { createProfile } from './connection-profile.ts';

describe('validateBrokerUrl', () => {
  it.each([
    'ws://localhost:9001/mqtt',
    'wss://broker.example.com:8884/mqtt',
    'ws://127.0.0.1:8083',
  ])('accepts %s', (url) => {
    expect(validateBrokerUrl(url)).toEqual({ ok: true });
  });

  it('explains that mqtt:// cannot be used from a browser', () => {
    const result = validateBrokerUrl('mqtt://localhost:1883');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/WebSocket listener/);
  });

  it('refuses text that is not a URL', () => {
    const result = validateBrokerUrl('localhost 9001');
    expect(!result.ok && result.reason).toMatch(/not a valid URL/);
  });

  it('asks for a URL when the field is empty', () => {
    expect(validateBrokerUrl('  ').ok).toBe(false);
  });

  it('refuses http://', () => {
    const result = validateBrokerUrl('http://localhost:8080/mqtt');
    expect(!result.ok && result.reason).toMatch(/ws:\/\/ or wss:\/\//);
  });
});

describe('parseBrokerUrl', () => {
  it('splits a pasted wss URL into scheme, host, port and path', () => {
    expect(parseBrokerUrl('  wss://broker.example.com:8884/mqtt ')).toEqual({
      ok: true,
      scheme: 'wss',
      host: 'broker.example.com',
      port: 8884,
      path: '/mqtt',
    });
  });

  it('fills in the default port of the scheme and the root path', () => {
    expect(parseBrokerUrl('ws://broker.local')).toMatchObject({ port: 80, path: '/' });
    expect(parseBrokerUrl('wss://broker.local/mqtt')).toMatchObject({ port: 443, path: '/mqtt' });
    expect(parseBrokerUrl('WS://Broker.Local:9001')).toMatchObject({
      scheme: 'ws',
      host: 'broker.local',
      path: '/',
    });
  });

  it('keeps IPv6 brackets out of the host', () => {
    expect(parseBrokerUrl('ws://[::1]:9001/mqtt')).toMatchObject({
      ok: true,
      host: '::1',
      port: 9001,
    });
  });

  it('keeps a query string with the path and drops the fragment', () => {
    expect(parseBrokerUrl('wss://iot.example.com/mqtt?token=abc#x')).toMatchObject({
      path: '/mqtt?token=abc',
    });
  });

  it('hands back credentials written into the URL', () => {
    expect(parseBrokerUrl('ws://ann:p%40ss@localhost:9001/mqtt')).toMatchObject({
      host: 'localhost',
      username: 'ann',
      password: 'p@ss',
    });
  });

  it.each(['mqtt://localhost:1883', 'mqtts://broker:8883', 'tcp://10.0.0.1:1883'])(
    'explains that %s cannot be opened from a browser',
    (url) => {
      const result = parseBrokerUrl(url);
      expect(!result.ok && result.reason).toMatch(/Browsers cannot open raw TCP connections/);
      expect(!result.ok && result.reason).toMatch(/ws:\/\/ or wss:\/\//);
    },
  );

  it('suggests ws:// for http:// and wss:// for https://', () => {
    const http = parseBrokerUrl('http://localhost:8080/mqtt');
    expect(!http.ok && http.reason).toMatch(/ws:\/\/localhost:8080\/mqtt/);
    const https = parseBrokerUrl('https://broker.example.com/mqtt');
    expect(!https.ok && https.reason).toMatch(/wss:\/\/broker\.example\.com\/mqtt/);
  });

  it('suggests adding the scheme to a bare host and port', () => {
    const result = parseBrokerUrl('localhost:9001/mqtt');
    expect(!result.ok && result.reason).toMatch(/ws:\/\/localhost:9001\/mqtt/);
  });

  it('shows the expected form for text that is not a URL', () => {
    for (const text of ['localhost 9001', 'ws:/localhost', 'ws://[::1']) {
      const result = parseBrokerUrl(text);
      expect(!result.ok && result.reason).toMatch(/not a valid URL.*ws:\/\/host:port\/path/);
    }
  });

  it('asks for a URL when the field is empty', () => {
    const result = parseBrokerUrl('   ');
    expect(!result.ok && result.reason).toMatch(/Enter the broker URL/);
  });

  it('refuses a URL without a host', () => {
    for (const text of ['ws:///mqtt', 'ws://:9001/mqtt', 'ws://user@/mqtt']) {
      const result = parseBrokerUrl(text);
      expect(!result.ok && result.reason).toMatch(/no host name/);
    }
  });

  it('refuses ports out of range or not numeric', () => {
    for (const [text, pattern] of [
      ['ws://localhost:0/mqtt', /out of range/],
      ['ws://localhost:65536/mqtt', /out of range/],
      ['ws://localhost:port/mqtt', /not a number/],
    ] as const) {
      const result = parseBrokerUrl(text);
      expect(!result.ok && result.reason).toMatch(pattern);
    }
  });

  it('asks for brackets around an IPv6 address', () => {
    const result = parseBrokerUrl('ws://::1:9001/mqtt');
    expect(!result.ok && result.reason).toMatch(/square brackets/);
  });

  it('names any other scheme it refuses', () => {
    const result = parseBrokerUrl('ftp://broker/mqtt');
    expect(!result.ok && result.reason).toMatch(/not ftp:\/\//);
  });
});

describe('profileUrl', () => {
  it('composes scheme://host:port/path, with brackets for IPv6', () => {
    expect(profileUrl(createProfile())).toBe('ws://localhost:9001/mqtt');
    expect(profileUrl(createProfile({ host: '::1', path: '/' }))).toBe('ws://[::1]:9001/');
  });

  it.each([
    'ws://localhost:9001/mqtt',
    'wss://broker.example.com:443/',
    'ws://[::1]:9001/mqtt',
    'ws://[fe80::1]:8083/mqtt?x=1',
    'ws://127.0.0.1:80/a/b',
  ])('round-trips %s through parseBrokerUrl', (url) => {
    const parsed = parseBrokerUrl(url);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(profileUrl(parsed)).toBe(url);
  });
});
