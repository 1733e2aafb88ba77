import mqtt from 'mqtt';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { startMosquitto } from './support/mosquitto.ts';
import type { RunningMosquitto } from './support/mosquitto.ts';

const user = { name: 'scope', password: 's3cret-pass' };

/** Leaves the embedded demo broker and logs in to Mosquitto with MQTT 5. */
async function connectWithMqtt5(page: Page, url: string, password: string): Promise<void> {
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText('Connected');
  await page.getByRole('button', { name: 'Disconnect', exact: true }).click();
  await page.getByLabel('Broker URL').fill(url);
  await page.getByLabel('Username').fill(user.name);
  await page.getByLabel('Password').fill(password);
  await page.getByLabel('MQTT version').selectOption('5');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
}

test.describe('against a real Mosquitto over MQTT 5', () => {
  let mosquitto: RunningMosquitto;

  test.beforeAll(async () => {
    mosquitto = await startMosquitto({ user });
  });

  test.afterAll(async () => {
    await mosquitto.stop();
  });

  test('connect, subscribe, receive and publish with MQTT 5', async ({ page, scope }) => {
    await page.goto(scope.webUrl);
    const status = page.getByRole('status', { name: 'Connection status' });
    await connectWithMqtt5(page, `${mosquitto.wsUrl}/mqtt`, user.password);
    await expect(status).toContainText('Connected · MQTT 5.0');

    await page.getByLabel('Topic filter').fill('plant/+/temp');
    await page.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await expect(page.getByRole('listitem').filter({ hasText: 'plant/+/temp' })).toContainText(
      'active',
    );

    const device = await mqtt.connectAsync(`mqtt://127.0.0.1:${mosquitto.tcpPort}`, {
      protocolVersion: 5,
      username: user.name,
      password: user.password,
    });
    try {
      const fromUi = new Promise<string>((resolve) => {
        device.on('message', (topic, payload) => {
          if (topic === 'plant/commands') resolve(payload.toString());
        });
      });
      await device.subscribeAsync('plant/commands', { qos: 2 });
      await device.publishAsync('plant/line-1/temp', '73.2', { qos: 1 });
      await expect(page.getByRole('row').filter({ hasText: 'plant/line-1/temp' })).toContainText(
        '73.2',
      );

      const form = page.getByRole('form', { name: 'Publish' });
      await form.getByLabel('Topic').fill('plant/commands');
      await form.getByLabel('Payload').fill('{"fan":"on"}');
      await form.getByLabel('Publish QoS').selectOption('2');
      await form.getByRole('button', { name: 'Publish' }).click();
      expect(await fromUi).toBe('{"fan":"on"}');
      await expect(page.getByRole('list', { name: 'Sent messages' })).toContainText(
        'PUBCOMP received',
      );
    } finally {
      await device.endAsync();
    }
  });

  test('a refused login says why', async ({ page, scope }) => {
    await page.goto(scope.webUrl);
    const status = page.getByRole('status', { name: 'Connection status' });
    await connectWithMqtt5(page, `${mosquitto.wsUrl}/mqtt`, 'wrong-password');
    await expect(status).toContainText('Connection failed');
    await expect(page.getByRole('form', { name: 'Connection' }).getByRole('alert')).toContainText(
      /bad user name or password|not authorised/,
    );
  });
});
