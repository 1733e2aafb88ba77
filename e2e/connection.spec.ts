import { expect, openDashboard, test } from './support/fixtures.ts';
import { freePort } from './support/free-port.ts';

test.describe('connection problems are explained', () => {
  test('an mqtt:// URL is refused with the reason', async ({ page, scope }) => {
    await openDashboard(page, scope);
    await page.getByRole('button', { name: 'Disconnect' }).click();
    await page.getByLabel('Broker URL').fill('mqtt://127.0.0.1:1883');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(page.getByRole('form', { name: 'Connection' }).getByRole('alert')).toContainText(
      'WebSocket listener',
    );
    await expect(page.getByRole('status', { name: 'Connection status' })).toContainText(
      'Disconnected',
    );
  });

  test('an unreachable broker shows that it is retrying', async ({ page, scope }) => {
    await openDashboard(page, scope);
    await page.getByRole('button', { name: 'Disconnect' }).click();
    const url = `ws://127.0.0.1:${await freePort()}/mqtt`;
    await page.getByLabel('Broker URL').fill(url);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    const status = page.getByRole('status', { name: 'Connection status' });
    await expect(status).toContainText('Reconnecting');
    await expect(page.getByRole('form', { name: 'Connection' })).toContainText(
      `Cannot reach ${url}`,
    );
    // The user can give up and go back.
    await page.getByRole('button', { name: 'Disconnect' }).click();
    await expect(status).toContainText('Disconnected');
  });
});
