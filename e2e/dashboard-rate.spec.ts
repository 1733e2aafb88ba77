import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { MqttClient } from 'mqtt';
import { expect, openDashboard, subscribeInUi, test } from './support/fixtures.ts';

async function addWidget(page: Page, kind: string, dialogName: string) {
  const editing = page.getByRole('group', { name: 'Dashboard editing' });
  if (!(await editing.isVisible())) {
    await page.getByRole('button', { name: 'Edit dashboard' }).click();
    await expect(editing).toBeVisible();
  }
  await page.getByLabel('Widget kind').selectOption(kind);
  await page.getByRole('button', { name: '+ Add widget' }).click();
  return page.getByRole('dialog', { name: dialogName });
}

/**
 * Publishes `perTick` messages on each topic every 100 ms from Node, until stopped or for at
 * most 30 s: `perTick` × 10 messages a second per topic.
 */
function publishSteadily(client: MqttClient, topics: string[], perTick: number) {
  let ticks = 0;
  const timer = setInterval(() => {
    ticks += 1;
    if (ticks > 300) clearInterval(timer);
    for (const topic of topics) for (let k = 0; k < perTick; k += 1) client.publish(topic, '1');
  }, 100);
  return () => clearInterval(timer);
}

const rateOf = async (page: Page, name: string) =>
  Number(await page.getByRole('status', { name: `${name} messages per second` }).textContent());

test.describe('message rate widget', () => {
  test('shows the messages per second of its filter, all topics together, then how long it is quiet', async ({
    page,
    scope,
    nodeClient,
  }) => {
    await openDashboard(page, scope);
    await subscribeInUi(page, 'e2e/rate/#');
    const dialog = await addWidget(page, 'rate', 'Add message rate');
    await dialog.getByLabel('Title').fill('Line traffic');
    await dialog.getByLabel('Topic filter').fill('e2e/rate/+');
    // A rate counts messages: there is no field of the payload to pick.
    await expect(dialog.getByLabel('JSON field (optional)')).toHaveCount(0);
    await dialog.getByLabel(/^Sparkline span/).fill('500');
    await dialog.getByRole('button', { name: 'Add widget' }).click();
    await expect(dialog.getByRole('alert')).toContainText(
      '"historySeconds" must be a whole number from 10 to 180',
    );
    await dialog.getByLabel(/^Sparkline span/).fill('60');
    await dialog.getByRole('button', { name: 'Add widget' }).click();
    await expect(dialog).toBeHidden();

    const cell = page.locator('.widget-cell').filter({ hasText: 'Line traffic' });
    await expect(cell).toContainText('No messages yet');
    // 10 msg/s on each of two matching topics; the deeper topic is not matched by `+`.
    const stop = publishSteadily(nodeClient, ['e2e/rate/a', 'e2e/rate/b', 'e2e/rate/a/deeper'], 1);
    try {
      await expect
        .poll(() => rateOf(page, 'Line traffic'), { timeout: 15_000 })
        .toBeGreaterThanOrEqual(17);
      // Steady for a few more seconds, and never the 30 msg/s of all three topics.
      for (let i = 0; i < 3; i += 1) {
        await expect(cell.getByText('over the last 5 s')).toBeVisible();
        const rate = await rateOf(page, 'Line traffic');
        expect(rate).toBeGreaterThanOrEqual(16);
        expect(rate).toBeLessThanOrEqual(24);
        await expect
          .poll(() => cell.locator('polyline').getAttribute('points'))
          .not.toBe(await cell.locator('polyline').getAttribute('points'));
      }
      await expect(cell.locator('svg.sparkline')).toHaveAttribute('aria-hidden', 'true');
    } finally {
      stop();
    }
    await expect(cell).toContainText(/No messages for \d+ s/, { timeout: 15_000 });
    expect(await rateOf(page, 'Line traffic')).toBe(0);
  });

  test('a big number draws a sparkline of its recent values; the dashboard passes an axe scan', async ({
    page,
    scope,
    nodeClient,
  }) => {
    await openDashboard(page, scope);
    await subscribeInUi(page, 'e2e/spark/#');
    const number = await addWidget(page, 'big-number', 'Add big number');
    await number.getByLabel('Title').fill('Tank level');
    await number.getByLabel('Topic filter').fill('e2e/spark/level');
    await expect(number.getByLabel('Sparkline of the last 5 minutes')).toBeChecked();
    await number.getByRole('button', { name: 'Add widget' }).click();
    await expect(number).toBeHidden();
    const rate = await addWidget(page, 'rate', 'Add message rate');
    await rate.getByLabel('Title').fill('Demo traffic');
    await rate.getByLabel('Topic filter').fill('demo/#');
    await rate.getByRole('button', { name: 'Add widget' }).click();
    await expect(rate).toBeHidden();
    await page.getByRole('button', { name: 'Done editing' }).click();

    const cell = page.locator('.widget-cell').filter({ hasText: 'Tank level' });
    const value = page.getByRole('status', { name: 'Tank level value' });
    for (const level of [40, 55, 48, 62, 70]) {
      await nodeClient.publishAsync('e2e/spark/level', String(level));
      await expect(value).toHaveText(`${level}.0`);
    }
    const line = cell.locator('svg.sparkline polyline');
    await expect
      .poll(async () => ((await line.getAttribute('points')) ?? '').split(' ').length, {
        timeout: 10_000,
      })
      .toBeGreaterThanOrEqual(5);
    await expect(cell.locator('svg.sparkline')).toHaveAttribute('aria-hidden', 'true');
    await expect(cell.getByLabel('rising')).toBeVisible();

    const demo = page.locator('.widget-cell').filter({ hasText: 'Demo traffic' });
    await expect.poll(() => rateOf(page, 'Demo traffic'), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect(demo.locator('polyline')).toHaveCount(1);
    const { violations } = await new AxeBuilder({ page }).include('.dashboard-panel').analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });
});
