import type { Page } from '@playwright/test';
import { expect, openDashboard, test } from './support/fixtures.ts';

const presented = (page: Page) => page.locator('#presentation-title');

test('presentation cycles through the dashboards when asked, and not by default', async ({
  page,
  scope,
}) => {
  await openDashboard(page, scope);
  await page.getByRole('button', { name: 'Edit dashboard' }).click();
  await page.getByRole('button', { name: '+ New dashboard' }).click();
  await page.getByLabel('Dashboard name').fill('Second screen');
  await page.getByRole('button', { name: 'Done editing' }).click();
  await page.getByLabel('Dashboard shown').selectOption({ label: 'Demo fleet' });

  await page.getByRole('button', { name: 'Present' }).click();
  await expect(presented(page)).toHaveText('Demo fleet');
  const every = page.getByLabel('Next dashboard every');
  await expect(every).toHaveValue('0');
  // Off by default: still the same dashboard after more than the shortest interval.
  const start = Date.now();
  await expect
    .poll(async () => [await presented(page).textContent(), Date.now() - start > 6_000], {
      timeout: 10_000,
      intervals: [1_000],
    })
    .toEqual(['Demo fleet', true]);

  await every.selectOption({ label: '5 s' });
  await expect(presented(page)).toHaveText('Second screen', { timeout: 8_000 });
  await expect(page.getByText('This dashboard has no widgets.')).toBeVisible();
  await expect(presented(page)).toHaveText('Demo fleet', { timeout: 8_000 });
  await expect(page.getByRole('list', { name: 'Widgets of Demo fleet' })).toBeVisible();

  await every.selectOption({ label: 'Off' });
  await page.getByRole('button', { name: 'Exit presentation' }).click();
  await expect(page.getByRole('button', { name: 'Present' })).toBeVisible();
});
