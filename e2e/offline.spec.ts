import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startScope } from '../server/scope-server.ts';
import type { RunningScope } from '../server/scope-server.ts';
import {
  expect,
  openDashboard,
  subscribeInUi,
  test,
  waitForServiceWorker,
} from './support/fixtures.ts';

const builtDir = process.env.SCOPE_DIST_DIR || join(import.meta.dirname, '..', 'dist');

const cacheNames = (page: Page) => page.evaluate(() => caches.keys());

test.describe('installable and offline', () => {
  test('the page offers a web app manifest with icons', async ({ page, scope }) => {
    await openDashboard(page, scope);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const response = await page.request.get(new URL(href ?? '', scope.webUrl).href);
    expect(response.headers()['content-type']).toContain('application/manifest+json');
    const manifest = (await response.json()) as {
      name: string;
      start_url: string;
      display: string;
      icons: { src: string; sizes: string }[];
    };
    expect(manifest).toMatchObject({ name: 'MQTT Scope', start_url: '/', display: 'standalone' });
    expect(manifest.icons.map((icon) => icon.sizes)).toEqual(
      expect.arrayContaining(['192x192', '512x512']),
    );
    for (const icon of manifest.icons) {
      expect((await page.request.get(new URL(icon.src, scope.webUrl).href)).ok()).toBe(true);
    }
  });

  test('with no network the app opens with what was saved, and connects once it is back', async ({
    page,
    scope,
  }) => {
    await openDashboard(page, scope);
    await subscribeInUi(page, 'offline/check/#');
    await waitForServiceWorker(page);

    await page.context().setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'MQTT Scope', level: 1 })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Active subscriptions' })).toContainText(
      'offline/check/#',
    );
    const status = page.getByRole('status', { name: 'Connection status' });
    await expect(status).not.toContainText('Connected');
    // A part loaded on demand opens offline too: every file of the build was cached.
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await expect(page.getByRole('dialog', { name: 'Settings of Demo broker' })).toBeVisible();
    await page.keyboard.press('Escape');

    await page.context().setOffline(false);
    await expect(status).toContainText('Connected', { timeout: 20_000 });
  });
});

test.describe('a new build deployed', () => {
  let dir = '';
  let deployed: RunningScope | null = null;
  test.afterEach(async () => {
    await deployed?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('waits beside the running one until the user reloads, then replaces it', async ({
    page,
  }) => {
    // A server of its own, on a copy of the build that can be changed as a deployment would.
    dir = mkdtempSync(join(tmpdir(), 'mqtt-scope-deploy-'));
    cpSync(builtDir, dir, { recursive: true });
    deployed = await startScope({ port: 0, wsPort: 0, tcpPort: 0, seed: 7, distDir: dir });
    await openDashboard(page, deployed);
    await waitForServiceWorker(page);
    const [firstCache] = await cacheNames(page);

    // The next build: its file list, and so its version, differ.
    const workerFile = join(dir, 'sw.js');
    const nextWorker = readFileSync(workerFile, 'utf8')
      .replace('\\"version\\":\\"', '\\"version\\":\\"next-')
      .replace('\\"files\\":[', '\\"files\\":[\\"/next-build.txt\\",');
    expect(nextWorker).toContain('next-build.txt');
    writeFileSync(workerFile, nextWorker);
    writeFileSync(join(dir, 'next-build.txt'), 'the next build');
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));

    const notice = page
      .getByRole('alert')
      .filter({ hasText: 'A new version of MQTT Scope is ready' });
    await expect(notice).toBeVisible();
    // Until the user says so, the running build keeps its cache and its worker.
    expect(await cacheNames(page)).toContain(firstCache);
    await notice.getByRole('button', { name: 'Reload' }).click();
    await expect(page.getByRole('status', { name: 'Connection status' })).toContainText(
      'Connected',
    );
    await expect.poll(() => cacheNames(page)).not.toContain(firstCache);
    expect(await cacheNames(page)).toHaveLength(1);
    await expect(notice).toBeHidden();
  });
});
