import type { Page } from '@playwright/test';
import { seriousViolations } from './support/axe.ts';
import { expect, openDashboard, test } from './support/fixtures.ts';

const widgetTitles = (page: Page) =>
  page
    .getByRole('list', { name: /^Widgets of / })
    .locator('article h3')
    .allTextContents();

/** Renames the demo dashboard (so the copy is told apart from a recipient's own demo) and makes its link. */
async function copyLink(page: Page, name: string): Promise<string> {
  await page.getByRole('button', { name: 'Edit dashboard' }).click();
  await page.getByLabel('Dashboard name').fill(name);
  await page.getByRole('button', { name: 'Done editing' }).click();
  await page.getByRole('button', { name: 'Copy link' }).click();
  const field = page.getByLabel('Link to this dashboard');
  await expect(field).toHaveValue(/#dashboard=/);
  return field.inputValue();
}

/** The JSON a link carries, unpacked as the page does. */
function linkText(page: Page, link: string): Promise<string> {
  return page.evaluate(async (url) => {
    const body = new URL(url).hash.slice('#dashboard='.length);
    const binary = atob(body.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return new Response(stream).text();
  }, link);
}

test('a copied link opens the dashboard read-only elsewhere, and "Keep a copy" adds it', async ({
  page,
  scope,
  browser,
}, testInfo) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openDashboard(page, scope);
  const titles = await widgetTitles(page);
  expect(titles.length).toBeGreaterThan(2);
  const link = await copyLink(page, 'Greenhouse watch');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await expect(
    page.getByRole('status').filter({ hasText: 'Copied to the clipboard' }),
  ).toBeVisible();

  // Someone else, with nothing saved: a fresh browser profile.
  const other = await browser.newContext();
  const recipient = await other.newPage();
  for (const size of [
    { width: 1280, height: 720 },
    { width: 375, height: 812 },
  ]) {
    await recipient.setViewportSize(size);
    await recipient.goto(link);
    const banner = recipient.getByRole('region', { name: 'Shared dashboard' });
    await expect(banner).toContainText('Shared dashboard');
    await expect(
      recipient.getByRole('heading', { name: 'Dashboard: Greenhouse watch' }),
    ).toBeVisible();
    expect(await widgetTitles(recipient)).toEqual(titles);
    // Live values on the shared view, read from the link's broker.
    await expect(recipient.getByRole('meter').first()).toHaveAttribute('aria-valuenow', /\d/);
    for (const editing of ['Edit dashboard', 'Copy link', 'Export dashboard', 'Present'])
      await expect(recipient.getByRole('button', { name: editing })).toHaveCount(0);
    await recipient.screenshot({
      path: testInfo.outputPath(`shared-${size.width}x${size.height}.png`),
      fullPage: size.width < 800,
    });
  }
  expect(await seriousViolations(recipient, '.shared-dashboard')).toEqual([]);

  await recipient.getByRole('button', { name: 'Keep a copy' }).click();
  await expect(recipient.getByRole('region', { name: 'Shared dashboard' })).toHaveCount(0);
  const shown = recipient.getByLabel('Dashboard shown');
  await expect(shown.locator('option:checked')).toHaveText('Greenhouse watch');
  await expect(recipient.getByRole('button', { name: 'Edit dashboard' })).toBeVisible();
  expect(new URL(recipient.url()).hash).toBe('');
  // Kept across a reload, among the recipient's own dashboards.
  await recipient.reload();
  await expect(shown.locator('option', { hasText: 'Greenhouse watch' })).toHaveCount(1);
  await expect(shown.locator('option', { hasText: 'Demo fleet' })).toHaveCount(1);
  await other.close();
});

test('a link never carries the user name or password of the connection', async ({
  page,
  scope,
}) => {
  const secret = 'hunter2-not-in-links';
  await openDashboard(page, scope);
  await page.getByRole('button', { name: 'Disconnect', exact: true }).click();
  await page.getByLabel('Username').fill('operator-name');
  await page.getByLabel('Password').fill(secret);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText('Connected');

  const link = await copyLink(page, 'Plant');
  expect(link).not.toContain(secret);
  const carried = await linkText(page, link);
  expect(carried).toContain('"broker":"ws://');
  expect(carried).toContain('"filter":');
  expect(carried).not.toContain(secret);
  expect(carried).not.toContain('operator-name');
  expect(carried).not.toContain('password');
});

test('a damaged link says why and changes nothing', async ({ page, scope }) => {
  await openDashboard(page, scope);
  const before = await widgetTitles(page);
  await page.goto(`${scope.webUrl}#dashboard=bm90IGEgZGFzaGJvYXJk`);
  await expect(page.getByRole('alert')).toContainText(
    'The shared dashboard was not opened. The dashboard link is damaged',
  );
  await expect(page.getByRole('region', { name: 'Shared dashboard' })).toHaveCount(0);
  await expect(page.getByLabel('Dashboard shown').locator('option')).toHaveText(['Demo fleet']);
  expect(await widgetTitles(page)).toEqual(before);
});
