import { describe, expect, it } from 'vitest';
import { validateBrokerUrl } from './broker-url.ts';

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
