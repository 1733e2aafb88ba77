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

    broker = await startMosquitto({ ports });
    await expect(status).toContainText('Connected', { timeout: 15_000 });
    await expect(subscription).toContainText('active');

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
