import mqtt from 'mqtt';
import type { Page } from '@playwright/test';
import { expect, openDashboard, searchRecorded, subscribeInUi, test } from './support/fixtures.ts';
import { startMosquitto } from './support/mosquitto.ts';
import { startCaptureBroker } from './support/capture-broker.ts';

/** Adds a connection through the "New connection" dialog, pasting its URL. */
async function addConnection(page: Page, name: string, url: string, mqtt5 = false) {
  await page.getByRole('button', { name: '+ New' }).click();
  const dialog = page.getByRole('dialog', { name: 'New connection' });
  await dialog.getByLabel('Name', { exact: true }).fill(name);
  await dialog.getByLabel('Paste a broker URL').fill(url);
  await dialog.getByRole('button', { name: 'Split' }).click();
  if (mqtt5) await dialog.getByLabel('MQTT version').selectOption('5');
  return dialog;
}

const connectionItem = (page: Page, name: string) =>
  page.getByRole('list', { name: 'Connections' }).getByRole('listitem').filter({ hasText: name });

test.describe('several connections at once', () => {
  test('two brokers stream side by side, each row marked with its connection', async ({
    page,
    scope,
    nodeClient,
  }) => {
    const broker = await startMosquitto();
    try {
      await openDashboard(page, scope);
      const dialog = await addConnection(page, 'Plant', `${broker.wsUrl}/mqtt`);
      await dialog.getByRole('button', { name: 'Add connection' }).click();
      await page.getByRole('button', { name: 'Connect Plant' }).click();
      await expect(connectionItem(page, 'Plant')).toContainText('Connected');
      await page.getByRole('button', { name: 'Show Plant' }).click();
      await subscribeInUi(page, 'plant/#');

      const device = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.tcpPort}`);
      await device.publishAsync('plant/line-1/temp', '71.5');
      await device.endAsync();
      await nodeClient.publishAsync('demo/e2e/marker', 'from the demo broker');

      // Searched across both connections: the demo stream cannot push the rows out of view.
      await searchRecorded(page, { topic: '+/+/+' });
      const plantRow = page.getByRole('row').filter({ hasText: 'plant/line-1/temp' });
      await expect(plantRow).toContainText('Plant');
      await expect(plantRow).toContainText('71.5');
      await expect(page.getByRole('row').filter({ hasText: 'demo/e2e/marker' })).toContainText(
        'Demo broker',
      );
      // The demo broker is still connected beside it.
      await expect(connectionItem(page, 'Demo broker')).toContainText('Connected');

      await page.getByLabel('Show messages from').selectOption({ label: 'Plant' });
      await expect(page.getByRole('row').filter({ hasText: 'demo/' })).toHaveCount(0);
      await expect(plantRow).toBeVisible();
    } finally {
      await broker.stop();
    }
  });

  test('MQTT 5 user properties of a profile reach the broker on CONNECT', async ({
    page,
    scope,
  }) => {
    const capture = await startCaptureBroker();
    try {
      await openDashboard(page, scope);
      const dialog = await addConnection(page, 'Capture', capture.url, true);
      await dialog.getByRole('button', { name: '+ Add user property' }).click();
      await dialog.getByLabel('Property name').fill('site');
      await dialog.getByLabel('Property value').fill('plant-7');
      await dialog.getByLabel('Session expiry (s)').fill('600');
      await dialog.getByRole('button', { name: 'Add connection' }).click();
      await page.getByRole('button', { name: 'Connect Capture' }).click();
      await expect(connectionItem(page, 'Capture')).toContainText('Connected · MQTT 5.0');
      expect(capture.connects[0]?.protocolVersion).toBe(5);
      expect(capture.connects[0]?.properties).toMatchObject({
        userProperties: { site: 'plant-7' },
        sessionExpiryInterval: 600,
      });
    } finally {
      await capture.close();
    }
  });

  test('a settings mistake is named on its field and nothing is saved', async ({ page, scope }) => {
    await openDashboard(page, scope);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings of Demo broker' });
    await dialog.getByLabel('Keepalive (s)').fill('-1');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByRole('alert')).toContainText('Keepalive');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(connectionItem(page, 'Demo broker')).toContainText('Connected');
  });
});

test.describe('saved connections', () => {
  test('a profile survives a reload; a corrupted one is removed alone, with a message', async ({
    page,
    scope,
  }) => {
    await openDashboard(page, scope);
    await page.evaluate(() => {
      const saved = JSON.parse(localStorage.getItem('mqtt-scope:connections') ?? '{}');
      saved.profiles.push({ id: 'broken', name: 'Broken one', host: 42 });
      localStorage.setItem('mqtt-scope:connections', JSON.stringify(saved));
    });
    await page.reload();
    await expect(page.getByRole('alert').filter({ hasText: 'Broken one' })).toContainText(
      'was unreadable and was removed',
    );
    await expect(connectionItem(page, 'Demo broker')).toContainText('Connected');
    await expect(page.getByRole('list', { name: 'Connections' }).getByRole('listitem')).toHaveCount(
      1,
    );
  });

  test('after a reload, a login whose password is not saved asks for it', async ({
    page,
    scope,
  }) => {
    await openDashboard(page, scope);
    await page.getByRole('button', { name: 'Disconnect', exact: true }).click();
    await page.getByLabel('Username').fill('operator');
    await page.getByLabel('Password').fill('not-kept');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(page.getByRole('status', { name: 'Connection status' })).toContainText(
      'Connected',
    );
    await page.reload();
    await expect(page.getByRole('status', { name: 'Connection status' })).toContainText(
      'Password needed',
    );
    await expect(page.getByRole('form', { name: 'Connection' })).toContainText(
      'its password is not saved',
    );
    await page.getByLabel('Password').fill('not-kept');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(page.getByRole('status', { name: 'Connection status' })).toContainText(
      'Connected',
    );
  });

  test('a link adds its broker beside the demo and subscribes to its topic', async ({
    page,
    scope,
  }) => {
    const broker = await startMosquitto();
    try {
      const url = `${broker.wsUrl}/mqtt`;
      await page.goto(
        `${scope.webUrl}?url=${encodeURIComponent(url)}&topic=${encodeURIComponent('lab/#')}`,
      );
      const linked = connectionItem(page, `127.0.0.1:${broker.wsPort}`);
      await expect(linked).toContainText('Connected');
      await expect(connectionItem(page, 'Demo broker')).toContainText('Connected');
      await expect(
        page.getByRole('list', { name: 'Active subscriptions' }).getByRole('listitem'),
      ).toContainText('lab/#');
      expect(page.url()).not.toContain('url=');
    } finally {
      await broker.stop();
    }
  });
});

test.describe('moving connections between tools', () => {
  test('an MQTTX export is imported beside the existing connections, subscriptions included', async ({
    page,
    scope,
  }) => {
    await openDashboard(page, scope);
    await page.getByRole('button', { name: 'Import or export connections…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import and export connections' });
    const mqttx = [
      {
        id: 'a1',
        clientId: 'mqttx_1',
        name: 'Plant A',
        clean: true,
        protocol: 'ws',
        host: '127.0.0.1',
        port: 8083,
        path: '/mqtt',
        keepalive: 60,
        connectTimeout: 10,
        reconnect: true,
        reconnectPeriod: 4000,
        username: '',
        password: '',
        ssl: false,
        mqttVersion: '5.0',
        subscriptions: [{ topic: 'plant/+/temp', qos: 1 }],
      },
    ];
    await dialog.getByLabel('Connections file').setInputFiles({
      name: 'mqttx-connections.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(mqttx)),
    });
    await expect(dialog.getByRole('status')).toContainText('Imported 1 connection(s): Plant A');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(connectionItem(page, 'Demo broker')).toContainText('Connected');
    await page.getByRole('button', { name: 'Show Plant A' }).click();
    await expect(page.getByLabel('Broker URL')).toHaveValue('ws://127.0.0.1:8083/mqtt');
    await expect(page.getByRole('list', { name: 'Active subscriptions' })).toContainText(
      'plant/+/temp',
    );
  });

  test('a file that is not a connection export is refused in words, and nothing changes', async ({
    page,
    scope,
  }) => {
    await openDashboard(page, scope);
    await page.getByRole('button', { name: 'Import or export connections…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import and export connections' });
    await dialog.getByLabel('Connections file').setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('shopping: milk, eggs'),
    });
    await expect(dialog.getByRole('alert')).toContainText('not JSON');
    await expect(page.getByRole('list', { name: 'Connections' }).getByRole('listitem')).toHaveCount(
      1,
    );
  });
});

test('a broker that speaks only MQTT 3.1.1 refuses MQTT 5, and the app suggests 3.1.1', async ({
  page,
  scope,
}) => {
  await openDashboard(page, scope);
  await page.getByRole('button', { name: 'Disconnect', exact: true }).click();
  await page.getByLabel('MQTT version').selectOption('5');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByRole('form', { name: 'Connection' })).toContainText('3.1.1');
});

test('a connection whose page is hidden keeps its keepalive', async ({ page, scope }) => {
  const broker = await startMosquitto({ extraConfig: ['log_type all'] });
  const pingsSoFar = () => broker.log().match(/Received PINGREQ/g)?.length ?? 0;
  try {
    await openDashboard(page, scope);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings of Demo broker' });
    await dialog.getByLabel('Keepalive (s)').fill('2');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Disconnect', exact: true }).click();
    await page.getByLabel('Broker URL').fill(`${broker.wsUrl}/mqtt`);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    const status = page.getByRole('status', { name: 'Connection status' });
    await expect(status).toContainText('Connected');

    // The page says it is hidden, as when the user switches tabs (headless Chromium never
    // hides a page by itself). The keepalive runs in the worker, which does not stop for this.
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      Object.defineProperty(document, 'hidden', { value: true, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    // Mosquitto drops a client that is silent for 1.5 keepalives (3 s). Four keepalives
    // answered while hidden (8 s) are well past that, and show the worker kept sending them.
    const pingsBefore = pingsSoFar();
    await expect
      .poll(() => pingsSoFar() - pingsBefore, { timeout: 15_000, intervals: [500] })
      .toBeGreaterThanOrEqual(4);
    await expect(status).toContainText('Connected');
    await page.getByRole('button', { name: 'Log', exact: true }).click();
    const log = page.getByRole('list', { name: 'Connection log' });
    await expect(log).not.toContainText('Socket closed');
  } finally {
    await broker.stop();
  }
});
