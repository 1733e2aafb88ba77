import { expect, openDashboard, test } from './support/fixtures.ts';
import { freePort } from './support/free-port.ts';

test.describe('connection problems are explained', () => {
  test('an mqtt:// URL is refused with the reason', async ({ page, scope }) => {
    await openDashboard(page, scope);
    await page.getByRole('button', { name: 'Disconnect', exact: true }).click();
    await page.getByLabel('Broker URL').fill('mqtt://127.0.0.1:1883');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(page.getByRole('form', { name: 'Connection' }).getByRole('alert')).toContainText(
      'WebSocket listener',
    );
    // The header names the refused URL, not the one connected before.
    const status = page.getByRole('status', { name: 'Connection status' });
    await expect(status).toContainText('Connection failed');
    await expect(status).toContainText('mqtt://127.0.0.1:1883');
  });

  test('an unreachable broker shows that it is retrying', async ({ page, scope }) => {
    await openDashboard(page, scope);
    await page.getByRole('button', { name: 'Disconnect', exact: true }).click();
    const url = `ws://127.0.0.1:${await freePort()}/mqtt`;
    await page.getByLabel('Broker URL').fill(url);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    const status = page.getByRole('status', { name: 'Connection status' });
    await expect(status).toContainText('Reconnecting');
    // The socket's failure is opaque to a page: the diagnosis probes the address and says what it found.
    await expect(page.getByRole('form', { name: 'Connection' })).toContainText(
      `nothing answered at 127.0.0.1:${new URL(url).port}`,
    );
    await expect(page.getByRole('form', { name: 'Connection' })).toContainText('Trying again in');
    // The user can give up and go back.
    await page.getByRole('button', { name: 'Disconnect', exact: true }).click();
    await expect(status).toContainText('Disconnected');
  });

  test('a wrong WebSocket path is named as the likely fault', async ({ page, scope }) => {
    await openDashboard(page, scope);
    await page.getByRole('button', { name: 'Disconnect', exact: true }).click();
    const wrong = (scope.brokerWsUrl ?? '').replace(/\/mqtt$/, '/wrong-path');
    await page.getByLabel('Broker URL').fill(wrong);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(page.getByRole('form', { name: 'Connection' })).toContainText(
      'The path /wrong-path is probably wrong',
    );
  });

  test('the log says what was tried, and copies as text', async ({ page, scope }) => {
    await openDashboard(page, scope);
    await page.getByRole('button', { name: 'Log', exact: true }).click();
    const log = page.getByRole('list', { name: 'Connection log' });
    await expect(log).toContainText('Connecting to ws://127.0.0.1');
    await expect(log).toContainText('CONNACK: accepted, session present no');
    await expect(log).toContainText('SUBACK for demo/#: QoS 0 granted');
  });
});
