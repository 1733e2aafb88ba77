import { describe, expect, it } from 'vitest';
import { createOriginPolicy, dashboardOrigins, normalizeOrigin } from './origin-policy.ts';

describe('origin policy', () => {
  it('writes origins as browsers send them', () => {
    expect(normalizeOrigin('HTTP://LocalHost:8080')).toBe('http://localhost:8080');
    expect(normalizeOrigin('https://scope.lan:443')).toBe('https://scope.lan');
    expect(normalizeOrigin('http://[::1]:8080/')).toBe('http://[::1]:8080');
    for (const text of ['null', 'file:///x', 'http://a/b', 'http://u:p@a', 'http://a?x=1', '']) {
      expect(normalizeOrigin(text), text).toBeNull();
    }
  });

  it('gives a loopback dashboard its loopback names, a LAN one only its own address', () => {
    expect(dashboardOrigins('http', '127.0.0.1', 8080)).toEqual([
      'http://127.0.0.1:8080',
      'http://localhost:8080',
      'http://[::1]:8080',
    ]);
    expect(dashboardOrigins('https', '192.168.1.20', 8443)).toEqual(['https://192.168.1.20:8443']);
  });

  it('gives a dashboard on every interface every address of the machine', () => {
    const machine = () => ['192.168.1.20', 'fd00::20'];
    expect(dashboardOrigins('http', '0.0.0.0', 8080, machine)).toEqual([
      'http://127.0.0.1:8080',
      'http://localhost:8080',
      'http://[::1]:8080',
      'http://192.168.1.20:8080',
      'http://[fd00::20]:8080',
    ]);
  });

  it('allows exactly the listed origins', () => {
    const allowed = createOriginPolicy(['http://127.0.0.1:8080', 'https://scope.lan']);
    expect(allowed('http://127.0.0.1:8080')).toBe(true);
    expect(allowed('https://scope.lan:443')).toBe(true);
    expect(allowed('http://127.0.0.1:8081')).toBe(false);
    expect(allowed('http://scope.lan')).toBe(false);
    expect(allowed('http://127.0.0.1:8080.evil.example')).toBe(false);
    expect(allowed('null')).toBe(false);
  });
});
