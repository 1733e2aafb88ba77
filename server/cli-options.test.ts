import { describe, expect, it } from 'vitest';
import { parseOptions, UsageError } from './cli-options.ts';

describe('npm start options', () => {
  it('takes --allow-origin repeated or comma-separated, as browsers write origins', () => {
    const { options } = parseOptions([
      '--allow-origin',
      'http://scope.lan:8080, https://Dash.Example',
      '--allow-origin=http://10.0.0.5:80/',
    ]);
    expect(options.allowOrigins).toEqual([
      'http://scope.lan:8080',
      'https://dash.example',
      'http://10.0.0.5',
    ]);
  });

  it('refuses an --allow-origin that is not an origin', () => {
    for (const text of ['scope.lan:8080', 'http://scope.lan/app', 'ftp://x', '*', 'null']) {
      expect(() => parseOptions(['--allow-origin', text]), text).toThrow(UsageError);
    }
  });

  it('wants the user name and password together, the password maybe from the environment', () => {
    expect(parseOptions(['--username', 'op', '--password', 'pw']).options.login).toEqual({
      username: 'op',
      password: 'pw',
    });
    const env = { MQTT_SCOPE_PASSWORD: 'from-env' };
    expect(parseOptions(['--username', 'op'], env).options.login).toEqual({
      username: 'op',
      password: 'from-env',
    });
    expect(parseOptions([], env).options.login).toBeUndefined();
    expect(() => parseOptions(['--username', 'op'], {})).toThrow(UsageError);
    expect(() => parseOptions(['--password', 'pw'], {})).toThrow(UsageError);
    expect(() => parseOptions(['--username', 'op', '--password', 'pw', '--no-broker'])).toThrow(
      /built-in broker/,
    );
  });

  it('wants the TLS certificate and key together, and readable', () => {
    expect(() => parseOptions(['--tls-cert', 'cert.pem'])).toThrow(/--tls-cert and --tls-key/);
    expect(() =>
      parseOptions(['--tls-cert', '/nonexistent/cert.pem', '--tls-key', '/nonexistent/key.pem']),
    ).toThrow(/--tls-cert: cannot read \/nonexistent\/cert\.pem/);
  });
});
