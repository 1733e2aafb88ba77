import {
  expect,
  openDashboard,
  openQuietDashboard,
  subscribeInUi,
  test,
} from './support/fixtures.ts';

test.describe('subscriptions', () => {
  test('an invalid topic filter is refused with the reason', async ({ page, scope }) => {
    await openDashboard(page, scope);
    const form = page.getByRole('form', { name: 'Subscribe' });
    await form.getByLabel('Topic filter').fill('sensors/#/temperature');
    await form.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await expect(form.getByRole('alert')).toContainText("'#' must be the last level");
    await expect(page.getByRole('list', { name: 'Active subscriptions' })).not.toContainText(
      'sensors/#/temperature',
    );
    // The text stays in the field so the user can correct it.
    await expect(form.getByLabel('Topic filter')).toHaveValue('sensors/#/temperature');
  });

  test('unsubscribing stops the stream for that filter', async ({ page, scope, nodeClient }) => {
    await openQuietDashboard(page, scope);
    await subscribeInUi(page, 'e2e/unsub/+');
    await subscribeInUi(page, 'e2e/marker');
    await nodeClient.publishAsync('e2e/unsub/before', 'first');
    await expect(page.getByRole('row').filter({ hasText: 'e2e/unsub/before' })).toBeVisible();

    await page.getByRole('button', { name: 'Unsubscribe from e2e/unsub/+' }).click();
    await expect(page.getByRole('list', { name: 'Active subscriptions' })).not.toContainText(
      'e2e/unsub/+',
    );
    // A marker on a still-subscribed topic proves later messages were delivered, just not this one.
    await nodeClient.publishAsync('e2e/unsub/after', 'second');
    await nodeClient.publishAsync('e2e/marker', 'marker');
    await expect(page.getByRole('row').filter({ hasText: 'e2e/marker' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: 'e2e/unsub/after' })).toHaveCount(0);
  });
});
