import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openDashboard, test } from './support/fixtures.ts';

/** Serious and critical findings of an axe scan of what the page shows now. */
async function seriousViolations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.describe('accessibility (axe)', () => {
  test('the dashboard has no serious or critical violation', async ({ page, scope }) => {
    await openDashboard(page, scope);
    await expect(page.locator('figure.chart').first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('the connection settings and the log have none either', async ({ page, scope }) => {
    await openDashboard(page, scope);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('dialog').getByLabel('MQTT version').selectOption('5');
    await page.getByRole('dialog').getByLabel('Send a last will').check();
    expect(await seriousViolations(page, 'dialog')).toEqual([]);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Log', exact: true }).click();
    await expect(page.getByRole('list', { name: 'Connection log' })).toBeVisible();
    expect(await seriousViolations(page, 'dialog')).toEqual([]);
  });

  test('the search, the recorder budget and the message detail have none either', async ({
    page,
    scope,
  }) => {
    await openDashboard(page, scope);
    // A JSON telemetry message has arrived: the search below finds it, and its detail has a tree.
    await expect(page.getByRole('row').filter({ hasText: 'telemetry' }).first()).toBeVisible();
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('search').getByLabel('Topic filter').fill('demo/+/+/telemetry');
    await page.getByRole('search').getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page.getByTestId('query-status')).toContainText('matches');
    await page.getByRole('button', { name: 'Budget…' }).click();
    await expect(page.getByRole('form', { name: 'Recorder budget' })).toBeVisible();
    expect(await seriousViolations(page, '.messages-panel')).toEqual([]);
    await page.getByRole('row').filter({ hasText: 'telemetry' }).first().click();
    const details = page.getByRole('region', { name: 'Message details' });
    await expect(details.getByRole('tree')).toBeVisible();
    expect(await seriousViolations(page, '.message-detail')).toEqual([]);
    await details.getByRole('tab', { name: 'Hex' }).click();
    expect(await seriousViolations(page, '.message-detail')).toEqual([]);
  });
});
