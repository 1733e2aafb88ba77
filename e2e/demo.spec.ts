import { expect, openDashboard, test } from './support/fixtures.ts';

test.describe('first visit to npm start', () => {
  test('connects to the embedded broker and shows live simulator data', async ({ page, scope }) => {
    await openDashboard(page, scope);

    const subscriptions = page.getByRole('list', { name: 'Active subscriptions' });
    await expect(subscriptions).toContainText('demo/#');
    await expect(subscriptions).toContainText('active');

    const messages = page.getByRole('grid', { name: 'Messages' });
    await expect(messages.getByRole('row').first()).toContainText('demo/');
    await expect(messages).toContainText(/demo\/[\w-]+\/[\w-]+\/telemetry/);
  });

  test('draws simulator values as points on the charts', async ({ page, scope }) => {
    await openDashboard(page, scope);
    const chart = page.getByRole('figure', { name: 'Chart Temperature' });
    await expect(chart.locator('path.chart-line').first()).toBeVisible();
    await expect
      .poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 10_000 })
      .toBeGreaterThan(2);
    // The legend shows the latest reading of each device with its unit.
    await expect(chart.locator('.legend-value').first()).toContainText('°C');

    // Hovering the plot reads every line's value at that moment.
    await chart.locator('.chart-plot').hover();
    const tooltip = chart.locator('.chart-tooltip');
    await expect(tooltip).toContainText(/\d\d:\d\d:\d\d/);
    await expect(tooltip).toContainText('gh-01');
    await expect(tooltip).toContainText('°C');
  });

  test('remembers what the user changed across a reload', async ({ page, scope }) => {
    await openDashboard(page, scope);
    await page.getByLabel('Topic filter').fill('lab/+/humidity');
    await page.getByRole('button', { name: 'Subscribe', exact: true }).click();
    const subscriptions = page.getByRole('list', { name: 'Active subscriptions' });
    await expect(subscriptions).toContainText('lab/+/humidity');

    await page.reload();
    await expect(page.getByRole('status', { name: 'Connection status' })).toContainText(
      'Connected',
    );
    await expect(subscriptions).toContainText('lab/+/humidity');
    await expect(subscriptions).toContainText('demo/#');
    await expect(page.getByRole('figure', { name: 'Chart Temperature' })).toBeVisible();
  });
});
