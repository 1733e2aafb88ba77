import type { Page } from '@playwright/test';
import { exportHeader, exportLine } from '../src/core/recorder/export-format.ts';
import {
  expect,
  openDashboard,
  openQuietDashboard,
  searchRecorded,
  test,
  waitForServiceWorker,
} from './support/fixtures.ts';
import { seriousViolations } from './support/axe.ts';

const COUNT = 40;
const NAME = 'plant-capture.jsonl';

/** A capture as MQTT Scope exports it: COUNT messages on four topics, 50 ms apart. */
function capture(): string {
  const t0 = Date.UTC(2026, 11, 2, 9);
  const lines = Array.from({ length: COUNT }, (_, i) => {
    const payload = `{"i":${i},"v":${(20 + i / 10).toFixed(1)}}`;
    return exportLine('jsonl', {
      time: t0 + i * 50,
      connection: 'Plant',
      topic: `plant/k/${i % 4}`,
      qos: 0,
      retain: false,
      dup: false,
      published: false,
      size: payload.length,
      cut: false,
      payload: new TextEncoder().encode(payload),
      properties: null,
    });
  });
  return exportHeader('jsonl', t0) + lines.join('');
}

const openList = (page: Page) => page.getByRole('list', { name: 'Open recordings' });
const keptList = (page: Page) => page.getByRole('list', { name: 'Kept recordings' });

async function openCapture(page: Page): Promise<void> {
  await page.getByLabel('Open a recording').setInputFiles({
    name: NAME,
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(capture()),
  });
  await expect(openList(page)).toContainText(`${COUNT} messages`);
}

test.describe('recordings kept in the browser', () => {
  test('an opened file is listed after a reload, opens with its messages, and Remove forgets it', async ({
    page,
    scope,
  }) => {
    await openQuietDashboard(page, scope);
    // A file that is not a recording is never kept.
    await page.getByLabel('Open a recording').setInputFiles({
      name: 'settings.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"connections":[]}'),
    });
    await expect(openList(page).getByRole('alert')).toContainText('not an MQTT Scope recording');
    await openCapture(page);
    await expect(keptList(page).getByRole('listitem')).toHaveCount(1);
    await expect(keptList(page)).toContainText(NAME);

    await page.reload();
    await expect(page.getByRole('heading', { name: 'MQTT Scope', level: 1 })).toBeVisible();
    await expect(openList(page)).toBeHidden();
    const item = keptList(page).getByRole('listitem').filter({ hasText: NAME });
    await expect(item).toContainText(/\d+(\.\d)? KB · opened /);
    await item.getByRole('button', { name: `Open ${NAME}` }).click();
    await expect(openList(page)).toContainText(`${COUNT} messages`);
    expect(await seriousViolations(page, '.recordings-panel')).toEqual([]);
    // Its messages, searched in the recording alone.
    await page.getByLabel('Show messages from').selectOption({ label: NAME });
    await searchRecorded(page, { topic: 'plant/k/2' });
    await expect(page.getByTestId('query-status')).toContainText('10 matches');
    await expect(
      page.getByRole('grid', { name: 'Messages' }).getByRole('row').first(),
    ).toContainText('{"i":38,');

    await page.getByRole('button', { name: `Remove ${NAME} from this browser` }).click();
    await expect(keptList(page)).toBeHidden();
    // Still open for this session, but no longer kept.
    await expect(openList(page)).toContainText(
      'Not kept after a reload: removed from this browser',
    );
    await page.reload();
    await expect(page.getByRole('heading', { name: 'MQTT Scope', level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Demo recording' })).toBeVisible();
    await expect(keptList(page)).toBeHidden();
    await expect(page.getByRole('region', { name: 'Recordings' })).not.toContainText(NAME);
  });

  test('with no network, a kept capture and the demo recording open after a first visit', async ({
    page,
    scope,
  }) => {
    await openDashboard(page, scope);
    await waitForServiceWorker(page);
    await openCapture(page);
    await expect(keptList(page)).toContainText(NAME);

    await page.context().setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'MQTT Scope', level: 1 })).toBeVisible();
    await page.getByRole('button', { name: `Open ${NAME}` }).click();
    await expect(openList(page)).toContainText(`${COUNT} messages`);
    // The demo recording is one of the app's files, cached by the service worker.
    await page.getByRole('button', { name: 'Demo recording' }).click();
    const demo = openList(page).getByRole('listitem').filter({ hasText: 'demo-recording.jsonl' });
    await expect(demo).toContainText(/[\d,]+ messages/);
    // It is not stored a second time: the kept list holds the user's file only.
    await expect(keptList(page).getByRole('listitem')).toHaveCount(1);
    await page.context().setOffline(false);
  });

  test('a full storage is said on the file, which stays open for the session', async ({
    page,
    scope,
  }) => {
    // What the browser reports when the site has used nearly all it may.
    await page.addInitScript(() => {
      navigator.storage.estimate = () => Promise.resolve({ quota: 1_000, usage: 999 });
    });
    await openQuietDashboard(page, scope);
    await openCapture(page);
    await expect(openList(page).getByRole('alert')).toHaveText(
      "Not kept after a reload: the browser's storage for this site is full.",
    );
    await expect(keptList(page)).toBeHidden();
  });

  test('with no IndexedDB (private mode), the panel says nothing is kept and files still open', async ({
    page,
    scope,
  }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined });
    });
    await openQuietDashboard(page, scope);
    const recordings = page.getByRole('region', { name: 'Recordings' });
    await expect(recordings.getByRole('note')).toContainText(
      'Recordings opened here are not kept after a reload',
    );
    await openCapture(page);
    await expect(openList(page)).toContainText('Not kept after a reload');
  });
});
