import { expect, openDashboard, subscribeInUi, test } from './support/fixtures.ts';

test.describe('charts', () => {
  test('a chart added for a JSON field draws the values a device sends', async ({
    page,
    scope,
    nodeClient,
  }) => {
    await openDashboard(page, scope);
    await subscribeInUi(page, 'e2e/tank/#');
    await page.getByRole('button', { name: '+ Add chart' }).click();
    const form = page.getByRole('form', { name: 'Add chart' });
    await form.getByLabel('Chart topic').fill('e2e/tank/+');
    await form.getByLabel('JSON field (optional)').fill('level.cm');
    await form.getByLabel('Title').fill('Tank level');
    await form.getByLabel('Unit').fill('cm');
    await form.getByRole('button', { name: 'Add chart', exact: true }).click();

    const chart = page.getByRole('figure', { name: 'Chart Tank level' });
    await expect(chart).toContainText('Waiting for numbers');
    for (const [tank, cm] of [
      ['north', 120.5],
      ['south', 80],
      ['north', 118.25],
    ] as const) {
      await nodeClient.publishAsync(`e2e/tank/${tank}`, JSON.stringify({ level: { cm } }));
    }
    const legend = chart.locator('figcaption');
    await expect(legend).toContainText('north');
    await expect(legend).toContainText('118.25 cm');
    await expect(legend).toContainText('south');
    await expect(legend).toContainText('80 cm');
    await expect(chart.locator('path.chart-line')).toHaveCount(2);
  });

  test('a malformed JSON field is refused with the reason', async ({ page, scope }) => {
    await openDashboard(page, scope);
    await page.getByRole('button', { name: '+ Add chart' }).click();
    const form = page.getByRole('form', { name: 'Add chart' });
    await form.getByLabel('Chart topic').fill('sensors/+/data');
    await form.getByLabel('JSON field (optional)').fill('readings[');
    await form.getByRole('button', { name: 'Add chart', exact: true }).click();
    await expect(form.getByRole('alert')).not.toBeEmpty();
    await expect(page.getByRole('figure', { name: /sensors/ })).toHaveCount(0);
  });
});
