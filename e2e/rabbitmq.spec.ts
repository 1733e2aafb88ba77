import mqtt from 'mqtt';
import { connectInUi, expect, openQuietDashboard, test } from './support/fixtures.ts';
import { startRabbitMq } from './support/rabbitmq.ts';
import type { RunningRabbitMq } from './support/rabbitmq.ts';

// RabbitMQ's Web MQTT plugin: MQTT 3.1.1 on the path /ws; a subscription asking QoS 2 is
// granted QoS 1, and the page must say so rather than hide it.
test.describe('against RabbitMQ (Web MQTT plugin)', () => {
  test.describe.configure({ mode: 'serial' });
  let rabbit: RunningRabbitMq;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    rabbit = await startRabbitMq();
  });

  test.afterAll(async () => {
    await rabbit?.stop();
  });

  test('connect, subscribe (QoS 2 granted as 1), receive, and publish at QoS 0 and 1', async ({
    page,
    scope,
  }) => {
    await openQuietDashboard(page, scope);
    await connectInUi(page, rabbit.wsUrl);
    await expect(page.getByRole('status', { name: 'Connection status' })).toContainText(
      'Connected · MQTT 3.1.1',
    );
    const subscribe = page.getByRole('form', { name: 'Subscribe' });
    await subscribe.getByLabel('Topic filter').fill('plant/+/temp');
    await subscribe.getByLabel('QoS').selectOption('2');
    await subscribe.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await expect(page.getByRole('listitem').filter({ hasText: 'plant/+/temp' })).toContainText(
      'active · QoS 1 granted (asked for 2)',
    );

    const device = await mqtt.connectAsync(rabbit.mqttUrl);
    try {
      const fromUi: string[] = [];
      device.on('message', (topic, payload) => {
        if (topic === 'plant/commands') fromUi.push(payload.toString());
      });
      await device.subscribeAsync('plant/commands', { qos: 1 });
      await device.publishAsync('plant/line-1/temp', '73.2', { qos: 1 });
      await expect(page.getByRole('row').filter({ hasText: 'plant/line-1/temp' })).toContainText(
        '73.2',
      );

      const form = page.getByRole('form', { name: 'Publish' });
      const sent = page.getByRole('list', { name: 'Sent messages' }).getByRole('listitem');
      for (const qos of ['0', '1'] as const) {
        await form.getByLabel('Topic').fill('plant/commands');
        await form.getByLabel('Payload').fill(`fan on at QoS ${qos}`);
        await form.getByLabel('Publish QoS').selectOption(qos);
        await form.getByRole('button', { name: 'Publish' }).click();
        await expect.poll(() => fromUi).toContain(`fan on at QoS ${qos}`);
      }
      await expect(sent.first()).toContainText('PUBACK received');
    } finally {
      await device.endAsync();
    }
  });

  // Over WebSocket, RabbitMQ answers a bad password by closing the socket with the reason
  // "unauthenticated", with no CONNACK (over TCP it sends return code 4). The page reads the
  // reason, says the login was refused, and stops trying, as it does for a CONNACK refusal.
  test('a refused login says why, and is not retried', async ({ page, scope }) => {
    await openQuietDashboard(page, scope);
    await page.getByRole('button', { name: 'Disconnect', exact: true }).click();
    await page.getByLabel('Broker URL').fill(rabbit.wsUrl);
    await page.getByLabel('Username').fill('guest');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(page.getByRole('status', { name: 'Connection status' })).toContainText(
      'Connection failed',
    );
    await expect(page.getByRole('form', { name: 'Connection' })).toContainText(
      /refused the login .*unauthenticated/,
    );
  });
});
