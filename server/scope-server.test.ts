import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { get, rawGet } from './http-test-helpers.ts';
import { startScope } from './scope-server.ts';
import type { RunningScope, ScopeOptions } from './scope-server.ts';

let workDir = '';
let distDir = '';
let scope: RunningScope | null = null;
const SECRET = 'do-not-serve-7f3a91';

beforeAll(async () => {
  // The build sits beside a secret, as dist/ sits beside the project's files.
  workDir = await mkdtemp(join(tmpdir(), 'mqtt-scope-'));
  distDir = join(workDir, 'dist');
  await mkdir(join(distDir, 'assets'), { recursive: true });
  await writeFile(join(workDir, 'secret.txt'), SECRET);
  await writeFile(join(distDir, 'index.html'), '<!doctype html><title>MQTT Scope</title>');
  await writeFile(join(distDir, 'assets', 'app-1234.js'), 'console.log(1)');
  await writeFile(join(distDir, 'assets', 'lib.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d]));
});

afterAll(() => rm(workDir, { recursive: true, force: true }));

afterEach(async () => {
  await scope?.close();
  scope = null;
});

async function start(options: ScopeOptions = {}): Promise<RunningScope> {
  scope = await startScope({
    port: 0,
    wsPort: 0,
    tcpPort: 0,
    simulator: false,
    distDir,
    ...options,
  });
  return scope;
}

describe('startScope', () => {
  it('tells the page the broker by scheme, port and path, never by the Host it was sent', async () => {
    const { webUrl, brokerWsUrl } = await start();
    const port = Number(new URL(brokerWsUrl ?? '').port);
    const local = await get(webUrl, '/scope-config.json');
    expect(JSON.parse(local.body)).toEqual({
      embeddedBroker: { scheme: 'ws', port, path: '/mqtt', loginRequired: false },
      externalBrokerUrl: null,
      demo: false,
      demoFilter: 'demo/#',
    });
    const forged = await get(webUrl, '/scope-config.json', {
      headers: { Host: 'attacker.example:8080' },
    });
    expect(forged.body).toBe(local.body);
  });

  it('answers GET and HEAD for /scope-config.json and refuses other methods', async () => {
    const { webUrl } = await start();
    const head = await get(webUrl, '/scope-config.json', { method: 'HEAD' });
    expect(head).toMatchObject({ status: 200, body: '' });
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const refused = await get(webUrl, '/scope-config.json', { method });
      expect(refused.status, method).toBe(405);
      expect(refused.headers.allow, method).toBe('GET, HEAD');
      expect(refused.body, method).not.toContain('embeddedBroker');
    }
  });

  it('passes an external broker URL through and reports no broker when there is none', async () => {
    const external = await start({ broker: false, brokerUrl: 'ws://broker.test:9001/mqtt' });
    expect(JSON.parse((await get(external.webUrl, '/scope-config.json')).body)).toMatchObject({
      embeddedBroker: null,
      externalBrokerUrl: 'ws://broker.test:9001/mqtt',
    });
    await external.close();

    const none = await start({ broker: false });
    expect(JSON.parse((await get(none.webUrl, '/scope-config.json')).body)).toEqual({
      embeddedBroker: null,
      externalBrokerUrl: null,
      demo: false,
      demoFilter: 'demo/#',
    });
  });

  it('serves the build with content types and falls back to index.html for app routes', async () => {
    const { webUrl } = await start();
    const type = async (path: string) => (await get(webUrl, path)).headers['content-type'];
    expect(await get(webUrl, '/')).toMatchObject({ status: 200 });
    expect(await type('/')).toBe('text/html; charset=utf-8');
    expect((await get(webUrl, '/topics/demo')).body).toContain('MQTT Scope');
    expect(await type('/assets/app-1234.js')).toBe('text/javascript; charset=utf-8');
    expect(await type('/assets/lib.wasm')).toBe('application/wasm');
    expect((await get(webUrl, '/assets/missing.js')).status).toBe(404);
  });

  it('never serves a file beside the build directory, however the path is spelt', async () => {
    const { webUrl } = await start();
    // Each reaches the guard as ../secret.txt: the URL parser only removes plain `..` segments.
    const escaping = [
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets%2f..%2f..%2fsecret.txt',
    ];
    // Removed by the URL parser or decoded only once, so they never name the secret at all.
    const harmless = ['/../secret.txt', '/%2e%2e/secret.txt', '/%252e%252e%252fsecret.txt'];
    for (const path of [...escaping, ...harmless]) {
      const viaHttp = await get(webUrl, path);
      expect([403, 404], path).toContain(viaHttp.status);
      expect(viaHttp.body, path).not.toContain(SECRET);
      const raw = await rawGet(webUrl, path);
      expect([403, 404], `raw ${path}`).toContain(raw.status);
      expect(raw.text, `raw ${path}`).not.toContain(SECRET);
    }
  });

  it('sends the security headers, and a CSP without inline script on the app', async () => {
    const { webUrl } = await start();
    const page = await get(webUrl, '/');
    const csp = String(page.headers['content-security-policy']);
    for (const directive of [
      "script-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "connect-src 'self' ws: wss: http: https:",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    for (const path of ['/', '/assets/app-1234.js', '/assets/missing.js', '/scope-config.json']) {
      const answer = await get(webUrl, path);
      expect(answer.headers['x-content-type-options'], path).toBe('nosniff');
      expect(answer.headers['referrer-policy'], path).toBe('no-referrer');
    }
    const refused = await get(webUrl, '/scope-config.json', { method: 'POST' });
    expect(refused.headers['x-content-type-options']).toBe('nosniff');
  });

  it('asks for a build when dist/index.html is missing', async () => {
    await expect(start({ distDir: join(distDir, 'nowhere') })).rejects.toThrow(/npm run build/);
  });

  it('reports the simulator as the demo and stops everything on close', async () => {
    const { webUrl } = await start({ simulator: true, seed: 3 });
    expect(JSON.parse((await get(webUrl, '/scope-config.json')).body)).toMatchObject({
      demo: true,
    });
    await scope?.close();
    scope = null;
    await expect(get(webUrl, '/')).rejects.toThrow();
  });
});
