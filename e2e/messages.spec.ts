import {
  expect,
  openQuietDashboard,
  receivedCount,
  searchRecorded,
  subscribeInUi,
  test,
} from './support/fixtures.ts';

test.describe('receiving messages', () => {
  test('a message published by a Node client appears in the list', async ({
    page,
    scope,
    nodeClient,
  }) => {
    await openQuietDashboard(page, scope);
    await subscribeInUi(page, 'e2e/inbox/#', 1);

    await nodeClient.publishAsync('e2e/inbox/kitchen', 'temperature is 21.5 °C', { qos: 1 });

    const row = page.getByRole('row').filter({ hasText: 'e2e/inbox/kitchen' });
    await expect(row).toContainText('temperature is 21.5 °C');
    await expect(row).toContainText('QoS 1');
  });

  test('an HTML payload is shown as text, never rendered', async ({ page, scope, nodeClient }) => {
    let dialogs = 0;
    page.on('dialog', async (dialog) => {
      dialogs += 1;
      await dialog.dismiss();
    });
    await openQuietDashboard(page, scope);
    await subscribeInUi(page, 'e2e/xss/#');
    const payload = '<img src=x onerror=alert(1)>';
    await nodeClient.publishAsync('e2e/xss/probe', payload);

    const row = page.getByRole('row').filter({ hasText: 'e2e/xss/probe' });
    await expect(row).toContainText(payload);
    await row.click();
    await expect(page.getByRole('region', { name: 'Message details' })).toContainText(payload);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    expect(dialogs).toBe(0);
  });

  test('invisible and direction-changing characters are shown, not obeyed', async ({
    page,
    scope,
    nodeClient,
  }) => {
    await openQuietDashboard(page, scope);
    await subscribeInUi(page, 'e2e/bidi/#');
    await nodeClient.publishAsync('e2e/bidi/abc\u202Egnp.exe', 'zero\u200Bwidth');
    const row = page.getByRole('row').filter({ hasText: 'e2e/bidi/' });
    await expect(row).toContainText('e2e/bidi/abc\\u202Egnp.exe');
    await expect(row).toContainText('zero\\u200Bwidth');
  });

  test('a binary payload is shown as hex with its size', async ({ page, scope, nodeClient }) => {
    await openQuietDashboard(page, scope);
    await subscribeInUi(page, 'e2e/binary/#');
    await nodeClient.publishAsync(
      'e2e/binary/blob',
      Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00, 0xff]),
    );
    const row = page.getByRole('row').filter({ hasText: 'e2e/binary/blob' });
    await expect(row).toContainText('de ad be ef 00 ff');
    await expect(row).toContainText('6 B');
  });

  test('retained messages are marked as retained', async ({ page, scope, nodeClient }) => {
    await nodeClient.publishAsync('e2e/kept/valve', 'open', { qos: 1, retain: true });
    await openQuietDashboard(page, scope);
    await subscribeInUi(page, 'e2e/kept/#');
    const row = page.getByRole('row').filter({ hasText: 'e2e/kept/valve' });
    await expect(row).toContainText('retained');
    await expect(row).toContainText('open');
  });

  test('the counter accounts for every message of a burst', async ({ page, scope, nodeClient }) => {
    await openQuietDashboard(page, scope);
    await subscribeInUi(page, 'burst/#');
    // The counter is exact only once the demo's last messages are in. They came before the
    // unsubscribe was acknowledged, so a message sent after it shows that they have all arrived
    // (the rows and the counter redraw together). It is one level deeper than the burst, so the
    // search for burst/+ below leaves it out.
    await nodeClient.publishAsync('burst/sentinel/ready', 'ready', { qos: 1 });
    await expect(page.getByRole('row').filter({ hasText: 'burst/sentinel/ready' })).toBeVisible();
    const before = await receivedCount(page);

    const burst = 3_000;
    for (let i = 0; i < burst; i += 1) nodeClient.publish(`burst/${i % 50}`, String(i));
    await expect.poll(() => receivedCount(page), { timeout: 15_000 }).toBe(before + burst);
    const list = page.getByRole('grid', { name: 'Messages' });
    await expect(list.getByRole('row').first()).toContainText(String(burst - 1));

    // The recorder kept every one of them, in order: the oldest is at the end of the list.
    await searchRecorded(page, { topic: 'burst/+' });
    await expect(page.getByTestId('query-status')).toContainText('3,000 matches');
    await expect(list).toHaveAttribute('aria-rowcount', '3000');
    await list.evaluate((element) => (element.scrollTop = element.scrollHeight));
    await expect(list.getByRole('row').last().getByRole('gridcell').nth(2)).toHaveText('0');
  });
});
