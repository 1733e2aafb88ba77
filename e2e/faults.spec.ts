import mqtt from 'mqtt';
import type { Page } from '@playwright/test';
import {
  expect,
  openQuietDashboard,
  receivedCount,
  subscribeInUi,
  test,
} from './support/fixtures.ts';
import { startMosquitto } from './support/mosquitto.ts';
import type { RunningMosquitto } from './support/mosquitto.ts';

/** Points the demo connection at `broker`, with a short keepalive so silence shows quickly. */
async function connectWithKeepalive(
  page: Page,
  broker: RunningMosquitto,
  keepaliveSeconds: number,
) {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings of Demo broker' });
  await dialog.getByLabel('Keepalive (s)').fill(String(keepaliveSeconds));
  await dialog.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('button', { name: 'Disconnect', exact: true }).click();
  await page.getByLabel('Broker URL').fill(`${broker.wsUrl}/mqtt`);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText('Connected');
}

test.describe('broker faults, shown as they happen (Mosquitto)', () => {
  test('a broker killed mid-stream: shown at once, retried at once, the gap marked', async ({
    page,
    scope,
  }) => {
    let broker = await startMosquitto();
    const ports = { ws: broker.wsPort, tcp: broker.tcpPort };
    try {
      await openQuietDashboard(page, scope);
      await connectWithKeepalive(page, broker, 30);
      await subscribeInUi(page, 'fault/#');
      const before = await receivedCount(page);
      const device = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.tcpPort}`);
      await device.publishAsync('fault/before', 'before');
      await expect.poll(() => receivedCount(page)).toBe(before + 1);
      await device.endAsync(true);

      const status = page.getByRole('status', { name: 'Connection status' });
      broker.signal('SIGKILL');
      // "At once": well within the second, not after a keepalive or a retry period.
      await expect(status).not.toContainText('Connected', { timeout: 1_000 });
      await page.getByRole('button', { name: 'Log', exact: true }).click();
      const log = page.getByRole('list', { name: 'Connection log' });
      await expect(log).toContainText('Trying again now.');
      await page.keyboard.press('Escape');
      await expect(log).toBeHidden();

      broker = await startMosquitto({ ports });
      // The retries ramp up from 250 ms: a broker back at once is reached within a second or so.
      await expect(status).toContainText('Connected', { timeout: 5_000 });
      const again = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.tcpPort}`);
      await expect(page.getByRole('listitem').filter({ hasText: 'fault/#' })).toContainText(
        'active',
      );
      await again.publishAsync('fault/after', 'after');
      await expect.poll(() => receivedCount(page)).toBe(before + 2);
      await again.endAsync();
      // Between the message before and the one after, the list says where messages may be missing.
      const rows = page.getByRole('grid', { name: 'Messages' }).getByRole('row');
      await expect(rows.nth(0)).toContainText('fault/after');
      await expect(rows.nth(1)).toContainText(
        /Connection lost at .*, back after .* s: messages sent meanwhile may be missing/,
      );
      await expect(rows.nth(2)).toContainText('fault/before');
    } finally {
      await broker.stop();
    }
  });

  test('a frozen broker is called silent before the keepalive gives up, and streams again once it thaws', async ({
    page,
    scope,
  }) => {
    const broker = await startMosquitto();
    try {
      await openQuietDashboard(page, scope);
      await connectWithKeepalive(page, broker, 4);
      await subscribeInUi(page, 'frozen/#', 1);
      const before = await receivedCount(page);
      const status = page.getByRole('status', { name: 'Connection status' });

      broker.signal('SIGSTOP');
      const frozenAt = Date.now();
      await expect(status).toContainText('no answer from the broker', { timeout: 6_000 });
      // Within 1.5 keepalives (6 s) of the last packet; the check runs twice a second.
      expect(Date.now() - frozenAt).toBeLessThan(6_000);
      await expect(status).toHaveClass(/status-silent/);

      broker.signal('SIGCONT');
      await expect(status).not.toContainText('no answer', { timeout: 15_000 });
      await expect(status).toContainText('Connected', { timeout: 15_000 });
      await expect(page.getByRole('listitem').filter({ hasText: 'frozen/#' })).toContainText(
        'active',
      );
      const device = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.tcpPort}`);
      await device.publishAsync('frozen/reading', '42', { qos: 1 });
      await expect.poll(() => receivedCount(page), { timeout: 10_000 }).toBe(before + 1);
      await device.endAsync();
    } finally {
      await broker.stop();
    }
  });
});

test.describe('the engine (the worker) fails', () => {
  const engineWorker = async (page: Page) => {
    await expect.poll(() => page.workers().length).toBeGreaterThan(0);
    const worker = page.workers().find((w) => w.url().includes('mqtt-worker'));
    if (!worker) throw new Error(`no engine worker among ${page.workers().map((w) => w.url())}`);
    return worker;
  };

  test('an error inside the engine is said where the user looks, and the stream goes on', async ({
    page,
    scope,
    nodeClient,
  }) => {
    await openQuietDashboard(page, scope);
    await subscribeInUi(page, 'engine/#');
    const worker = await engineWorker(page);
    await worker.evaluate(() => {
      setTimeout(() => {
        throw new Error('boom in the engine');
      });
    });
    const notices = page.getByRole('list', { name: 'Notices' });
    await expect(notices).toContainText('The engine hit an error and carried on');
    await expect(notices).toContainText('boom in the engine');
    const before = await receivedCount(page);
    await nodeClient.publishAsync('engine/after', 'still here');
    await expect.poll(() => receivedCount(page)).toBe(before + 1);
  });

  test('an engine that stops answering is replaced, with its connection and subscriptions', async ({
    page,
    scope,
    nodeClient,
  }) => {
    test.setTimeout(60_000);
    await openQuietDashboard(page, scope);
    await subscribeInUi(page, 'engine/#');
    await nodeClient.publishAsync('engine/before', 'before');
    await expect(page.getByRole('grid', { name: 'Messages' })).toContainText('engine/before');
    const worker = await engineWorker(page);
    // The worker ends itself: no event reaches the page, only the missing answers to pings.
    await worker.evaluate(() => (self as unknown as { close(): void }).close());

    const notices = page.getByRole('list', { name: 'Notices' });
    await expect(notices).toContainText('The engine stopped answering', { timeout: 20_000 });
    await expect(notices).toContainText('1 connection, with subscriptions and charts, restored');
    const status = page.getByRole('status', { name: 'Connection status' });
    await expect(status).toContainText('Connected', { timeout: 10_000 });
    await expect(page.getByRole('listitem').filter({ hasText: 'engine/#' })).toContainText(
      'active',
    );
    // The old rows went with the old engine; new messages arrive through the new one.
    await expect(page.getByRole('grid', { name: 'Messages' })).not.toContainText('engine/before');
    await nodeClient.publishAsync('engine/after', 'after');
    await expect(page.getByRole('grid', { name: 'Messages' })).toContainText('engine/after');
  });
});

test('a panel that fails says so in its own frame, and the rest of the page goes on', async ({
  page,
  scope,
  nodeClient,
}) => {
  // The list and the charts measure themselves with ResizeObserver: a browser where it throws
  // breaks those two and nothing else.
  await page.addInitScript(() => {
    Object.assign(window, {
      ResizeObserver: class {
        constructor() {
          throw new Error('ResizeObserver is broken here');
        }
      },
    });
  });
  await openQuietDashboard(page, scope);
  const messages = page.getByRole('region', { name: 'Messages' });
  await expect(messages.getByRole('alert')).toContainText(
    'The Messages panel stopped because of an error: ResizeObserver is broken here',
  );
  await expect(messages.getByRole('button', { name: 'Try again' })).toBeVisible();
  // Every other panel still works: subscribe, and the topic tree shows what arrives.
  await subscribeInUi(page, 'panel/#');
  await nodeClient.publishAsync('panel/alive', '1');
  await expect(page.getByRole('region', { name: 'Topics' })).toContainText('panel');
  await expect(page.getByRole('region', { name: 'Publish' })).toBeVisible();
});
