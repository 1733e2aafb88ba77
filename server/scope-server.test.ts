import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startScope } from './scope-server.ts';
import type { RunningScope, ScopeOptions } from './scope-server.ts';

let distDir = '';
let scope: RunningScope | null = null;

beforeAll(async () => {
  distDir = await mkdtemp(join(tmpdir(), 'mqtt-scope-dist-'));
  await mkdir(join(distDir, 'assets'));
  await writeFile(join(distDir, 'index.html'), '<!doctype html><title>MQTT Scope</title>');
  await writeFile(join(distDir, 'assets', 'app-1234.js'), 'console.log(1)');
  await writeFile(join(distDir, 'assets', 'lib.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d]));
});

afterAll(() => rm(distDir, { recursive: true, force: true }));

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

/** A raw GET, so tests can send any Host header and path (fetch normalises both). */
function get(url: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
    const req = request(url, { path, headers, timeout: 3000 }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          type: response.headers['content-type'] ?? '',
          body,
        }),
      );
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${path} timed out`)));
    req.on('error', reject);
    req.end();
  });
}

describe('startScope', () => {
  it('tells the page where the broker is, using the host the page was loaded from', async () => {
    const { webUrl, brokerWsUrl } = await start();
    const port = new URL(brokerWsUrl ?? '').port;
    const local = JSON.parse((await get(webUrl, '/scope-config.json')).body) as unknown;
    expect(local).toEqual({
      brokerUrl: `ws://127.0.0.1:${port}/mqtt`,
      demo: false,
      demoFilter: 'demo/#',
    });
    const lan = await get(webUrl, '/scope-config.json', { Host: '192.168.1.20:8080' });
    expect(JSON.parse(lan.body)).toMatchObject({ brokerUrl: `ws://192.168.1.20:${port}/mqtt` });
  });

  it('passes an external broker URL through and reports no broker when there is none', async () => {
    const external = await start({ broker: false, brokerUrl: 'ws://broker.test:9001/mqtt' });
    expect(JSON.parse((await get(external.webUrl, '/scope-config.json')).body)).toMatchObject({
      brokerUrl: 'ws://broker.test:9001/mqtt',
    });
    await external.close();

    const none = await start({ broker: false });
    expect(JSON.parse((await get(none.webUrl, '/scope-config.json')).body)).toEqual({
      brokerUrl: null,
      demo: false,
      demoFilter: 'demo/#',
    });
  });

  it('serves the build with content types and falls back to index.html for app routes', async () => {
    const { webUrl } = await start();
    expect(await get(webUrl, '/')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect((await get(webUrl, '/topics/demo')).body).toContain('MQTT Scope');
    expect((await get(webUrl, '/assets/app-1234.js')).type).toBe('text/javascript; charset=utf-8');
    expect((await get(webUrl, '/assets/lib.wasm')).type).toBe('application/wasm');
    expect((await get(webUrl, '/assets/missing.js')).status).toBe(404);
  });

  it('never serves files outside the build directory', async () => {
    const { webUrl } = await start();
    for (const path of ['/../package.json', '/..%2f..%2fpackage.json', '/%2e%2e/package.json']) {
      const response = await get(webUrl, path);
      expect(response.body, path).not.toContain('"name"');
    }
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
