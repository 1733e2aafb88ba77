import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MqttClient } from 'mqtt';
import type { TlsFiles } from './broker.ts';
import { get, upgradeStatus } from './http-test-helpers.ts';
import { collect, connectClient } from './mqtt-test-helpers.ts';
import { startScope } from './scope-server.ts';
import type { RunningScope, ScopeOptions } from './scope-server.ts';

/** Issue 18, defect 2: only the dashboard's own pages, and those the user names, reach the broker. */

let workDir = '';
let distDir = '';
let scope: RunningScope | null = null;
const clients: MqttClient[] = [];

/** A self-signed certificate for 127.0.0.1 made by openssl; null when openssl is not installed. */
async function selfSignedCertificate(dir: string): Promise<TlsFiles | null> {
  const [keyFile, certFile] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  try {
    execFileSync(
      'openssl',
      [
        ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'],
        ...['-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1'],
        ...['-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'],
      ],
      { stdio: 'ignore', timeout: 10_000 },
    );
  } catch {
    return null;
  }
  return { cert: await readFile(certFile), key: await readFile(keyFile) };
}

let tls: TlsFiles | null = null;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'mqtt-scope-access-'));
  distDir = join(workDir, 'dist');
  await mkdir(distDir);
  await writeFile(join(distDir, 'index.html'), '<!doctype html><title>MQTT Scope</title>');
  tls = await selfSignedCertificate(workDir);
});

afterAll(() => rm(workDir, { recursive: true, force: true }));

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.endAsync(true)));
  await scope?.close();
  scope = null;
});

async function start(options: ScopeOptions = {}) {
  const log: string[] = [];
  scope = await startScope({
    port: 0,
    wsPort: 0,
    tcpPort: 0,
    simulator: false,
    distDir,
    log: (line) => log.push(line),
    ...options,
  });
  return { scope, log };
}

const webPort = (scope: RunningScope) => Number(new URL(scope.webUrl).port);

describe('the embedded broker behind npm start', () => {
  it("lets in the dashboard's own pages, by any loopback name, and the listed origins", async () => {
    const { scope, log } = await start({ allowOrigins: ['http://scope.lan:8080'] });
    const ws = scope.brokerWsUrl ?? '';
    const port = webPort(scope);
    for (const origin of [
      `http://127.0.0.1:${port}`,
      `http://localhost:${port}`,
      `http://[::1]:${port}`,
      'http://scope.lan:8080',
    ]) {
      expect(await upgradeStatus(ws, origin), origin).toBe(101);
    }
    for (const origin of [
      `http://127.0.0.1:${port + 1}`,
      `https://127.0.0.1:${port}`,
      `http://scope.lan:8081`,
      'https://evil.example',
    ]) {
      expect(await upgradeStatus(ws, origin), origin).toBe(403);
    }
    expect(log.join('\n')).toContain('refused a WebSocket from a page at "https://evil.example"');
  });

  it('with a login, tells the page to ask for it (never the password) and the demo logs in', async () => {
    const login = { username: 'operator', password: 'pw-8d1c' };
    const { scope } = await start({ login, simulator: true });
    const config = await get(scope.webUrl, '/scope-config.json');
    expect(JSON.parse(config.body)).toMatchObject({ embeddedBroker: { loginRequired: true } });
    expect(config.body).not.toContain(login.password);
    expect(config.body).not.toContain(login.username);

    await expect(connectClient(scope.brokerWsUrl ?? '')).rejects.toThrow(/Bad username/);
    const client = await connectClient(scope.brokerWsUrl ?? '', login);
    clients.push(client);
    const received = collect(client, (r) => r.length > 0);
    await client.subscribeAsync('demo/#');
    expect((await received)[0]?.topic).toMatch(/^demo\//);
  });

  it('serves https:// and wss:// with --tls-cert and --tls-key', async () => {
    // Fails loudly rather than skipping: .ci/run installs openssl, a laptop normally has it.
    if (!tls) throw new Error('openssl is not on PATH: install it to make the test certificate.');
    const { scope } = await start({ tls, simulator: true });
    expect(scope.webUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
    expect(scope.brokerWsUrl).toMatch(/^wss:\/\//);
    expect(scope.brokerTcpUrl).toMatch(/^mqtts:\/\//);

    const page = await get(scope.webUrl, '/', { ca: tls.cert });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const config = JSON.parse(
      (await get(scope.webUrl, '/scope-config.json', { ca: tls.cert })).body,
    );
    expect(config).toMatchObject({ embeddedBroker: { scheme: 'wss' } });

    const ws = scope.brokerWsUrl ?? '';
    expect(await upgradeStatus(ws, `https://127.0.0.1:${webPort(scope)}`, tls.cert)).toBe(101);
    expect(await upgradeStatus(ws, `http://127.0.0.1:${webPort(scope)}`, tls.cert)).toBe(403);
    // The simulator publishes over mqtts:// and a page's client reads it over wss://.
    const client = await connectClient(ws, { ca: tls.cert });
    clients.push(client);
    const received = collect(client, (r) => r.length > 0);
    await client.subscribeAsync('demo/#');
    expect((await received)[0]?.topic).toMatch(/^demo\//);
    // Plain http:// to the TLS port gets no page.
    await expect(get(scope.webUrl.replace('https:', 'http:'), '/')).rejects.toThrow();
  });
});
