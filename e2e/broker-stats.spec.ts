import { connectInUi, expect, test } from './support/fixtures.ts';
import { startMosquitto } from './support/mosquitto.ts';

test('the broker statistics panel shows what Mosquitto publishes under $SYS', async ({
  page,
  scope,
}) => {
  // Once a second instead of every 10 s, so the test does not wait.
  const mosquitto = await startMosquitto({ extraConfig: ['sys_interval 1'] });
  try {
    await page.goto(scope.webUrl);
    await connectInUi(page, `${mosquitto.wsUrl}/mqtt`);

    const panel = page.getByRole('region', { name: 'Broker statistics' });
    await panel.getByRole('button', { name: 'Subscribe to $SYS/#' }).click();
    await expect(panel).toContainText(/Clients connected\s*[1-9]/, { timeout: 10_000 });
    await expect(panel).toContainText('Messages sent');
    await expect(panel).toContainText('msg/s');
    await expect(panel.getByRole('img', { name: 'Messages sent, recent history' })).toBeVisible({
      timeout: 10_000,
    });
  } finally {
    await mosquitto.stop();
  }
});
