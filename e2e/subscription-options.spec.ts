import mqtt from 'mqtt';
import {
  expect,
  openQuietDashboard,
  subscribeInUi,
  test,
  connectInUi,
} from './support/fixtures.ts';
import { startMosquitto } from './support/mosquitto.ts';

test.describe('subscriptions', () => {
  test('a subscription switched off stops its messages but stays, and switches on again', async ({
    page,
    scope,
    nodeClient,
  }) => {
    await openQuietDashboard(page, scope);
    await subscribeInUi(page, 'switch/#');
    const item = page
      .getByRole('list', { name: 'Active subscriptions' })
      .getByRole('listitem')
      .filter({ hasText: 'switch/#' });
    await nodeClient.publishAsync('switch/one', 'before');
    await expect(page.getByRole('row').filter({ hasText: 'switch/one' })).toBeVisible();

    await item.getByRole('checkbox', { name: 'Receive switch/#' }).uncheck();
    await expect(item).toContainText('switched off');
    await nodeClient.publishAsync('switch/two', 'while off');
    await nodeClient.publishAsync('switch/marker', 'x');
    // The marker is not delivered either; a second subscription proves the broker sent it.
    await subscribeInUi(page, 'switch/marker');
    await nodeClient.publishAsync('switch/marker', 'marker');
    await expect(page.getByRole('row').filter({ hasText: 'marker' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: 'switch/two' })).toHaveCount(0);

    await item.getByRole('checkbox', { name: 'Receive switch/#' }).check();
    await expect(item).toContainText('QoS 0 granted');
    await nodeClient.publishAsync('switch/three', 'after');
    await expect(page.getByRole('row').filter({ hasText: 'switch/three' })).toBeVisible();
  });
});

test.describe('MQTT 5 subscription options against Mosquitto', () => {
  test('No Local, a subscription identifier and an alias', async ({ page, scope }) => {
    const mosquitto = await startMosquitto({});
    try {
      await page.goto(scope.webUrl);
      await connectInUi(page, `${mosquitto.wsUrl}/mqtt`, { protocolVersion: 5 });

      const form = page.getByRole('form', { name: 'Subscribe' });
      await form.getByLabel('Topic filter').fill('opts/#');
      await form.getByLabel('Alias (optional)').fill('Options test');
      await form.getByText('MQTT 5 options').click();
      await form.getByLabel('No Local (not my own messages)').check();
      await form.getByLabel('Subscription identifier').fill('77');
      await form.getByRole('button', { name: 'Subscribe', exact: true }).click();
      const item = page
        .getByRole('list', { name: 'Active subscriptions' })
        .getByRole('listitem')
        .filter({ hasText: 'opts/#' });
      await expect(item).toContainText('Options test');
      await expect(item).toContainText('QoS 0 granted');

      // Published from this page: No Local keeps it from coming back.
      const publish = page.getByRole('form', { name: 'Publish' });
      await publish.getByLabel('Topic', { exact: true }).fill('opts/mine');
      await publish.getByLabel('Payload').fill('from the page');
      await publish.getByRole('button', { name: 'Publish' }).click();

      const device = await mqtt.connectAsync(`mqtt://127.0.0.1:${mosquitto.tcpPort}`, {
        protocolVersion: 5,
      });
      await device.publishAsync('opts/theirs', 'from a device');
      await device.endAsync();
      const theirs = page.getByRole('row').filter({ hasText: 'opts/theirs' });
      await expect(theirs).toBeVisible();
      // The page's own message is recorded as sent, never as received.
      await expect(
        page.getByRole('row').filter({ hasText: 'opts/mine' }).filter({ hasNotText: 'sent' }),
      ).toHaveCount(0);

      await theirs.click();
      const details = page.getByRole('region', { name: 'Message details' });
      await details.getByRole('tab', { name: 'Properties' }).click();
      await expect(details.getByRole('table', { name: 'MQTT 5 properties' })).toContainText(
        'Subscription identifier77',
      );
    } finally {
      await mosquitto.stop();
    }
  });
});
