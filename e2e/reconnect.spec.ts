import mqtt from 'mqtt';
import { expect, openQuietDashboard, subscribeInUi, test } from './support/fixtures.ts';
import { startMosquitto } from './support/mosquitto.ts';

test('after the broker restarts, the dashboard reconnects and subscribes again', async ({
  page,
  scope,
}) => {
  let broker = await startMosquitto();
  const ports = { ws: broker.wsPort, tcp: broker.tcpPort };
  try {
    await openQuietDashboard(page, scope);
    await page.getByRole('button', { name: 'Disconnect', exact: true }).click();
    await page.getByLabel('Broker URL').fill(`${broker.wsUrl}/mqtt`);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    const status = page.getByRole('status', { name: 'Connection status' });
    await expect(status).toContainText('Connected');
    await subscribeInUi(page, 'plant/#');

    await broker.stop();
    await expect(status).toContainText('Reconnecting');
    const subscription = page.getByRole('listitem').filter({ hasText: 'plant/#' });
    await expect(subscription).toContainText('waiting for the broker');

    // Published while the broker is down: held, shown as queued, sent after the reconnect.
    const publish = page.getByRole('form', { name: 'Publish' });
    await publish.getByLabel('Topic').fill('plant/commands/fan');
    await publish.getByRole('textbox', { name: 'Payload' }).fill('on');
    await publish.getByLabel('Publish QoS').selectOption('1');
    await publish.getByRole('button', { name: 'Publish' }).click();
    const sent = page.getByRole('list', { name: 'Sent messages' }).getByRole('listitem').first();
    await expect(sent).toContainText('queued');

    broker = await startMosquitto({ ports });
    const fan = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.tcpPort}`);
    const received: string[] = [];
    fan.on('message', (_topic, payload) => received.push(payload.toString()));
    await fan.subscribeAsync('plant/commands/#', { qos: 1 });
    await expect(status).toContainText('Connected', { timeout: 15_000 });
    await expect(subscription).toContainText('active');
    await expect(page.getByText('1 subscription restored after the reconnect')).toBeVisible();
    await expect(sent).toContainText('PUBACK received');
    await expect.poll(() => received).toEqual(['on']);
    // A second message from the page arrives after any resend of the first (one client's
    // messages arrive in order), so once it is here, `on` has arrived once and only once.
    await publish.getByRole('textbox', { name: 'Payload' }).fill('off');
    await publish.getByRole('button', { name: 'Publish' }).click();
    await expect.poll(() => received).toEqual(['on', 'off']);
    await fan.endAsync();

    // The new broker knows nothing of the old session: only a fresh SUBSCRIBE brings this.
    const device = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.tcpPort}`);
    await device.publishAsync('plant/boiler/pressure', '2.4');
    await device.endAsync();
    await expect(page.getByRole('row').filter({ hasText: 'plant/boiler/pressure' })).toContainText(
      '2.4',
    );
  } finally {
    await broker.stop();
  }
});
