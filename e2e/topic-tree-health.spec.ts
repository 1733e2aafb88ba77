import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import mqtt from 'mqtt';
import { expect, openQuietDashboard, subscribeInUi, test } from './support/fixtures.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A tree row by its topic: its name reads the path first, then what the row shows. */
const treeItem = (page: Page, path: string) =>
  page
    .getByRole('tree', { name: 'Topic tree' })
    .getByRole('treeitem', { name: new RegExp(`^${escaped(path)}( |$)`) });

/** What a fresh client receives on subscribing to `topic` within `waitMs`: the retained message. */
async function retainedPayloads(brokerUrl: string, topic: string, waitMs: number) {
  const client = await mqtt.connectAsync(brokerUrl, { clientId: `e2e-fresh-${Date.now()}` });
  try {
    const payloads: string[] = [];
    client.on('message', (_topic, payload) => payloads.push(payload.toString()));
    await client.subscribeAsync(topic, { qos: 1 });
    await sleep(waitMs);
    return payloads;
  } finally {
    await client.endAsync();
  }
}

test.describe('topic tree health', () => {
  test('a topic that stops publishing is marked stale, and fresh again when it returns', async ({
    page,
    scope,
    nodeClient,
  }) => {
    await openQuietDashboard(page, scope);
    await subscribeInUi(page, 'health/#');
    for (let i = 0; i < 4; i += 1) {
      await nodeClient.publishAsync('health/probe-1/temp', String(20 + i));
      await sleep(150);
    }
    await page.getByRole('button', { name: 'Expand health', exact: true }).click();
    await page.getByRole('button', { name: 'Expand health/probe-1', exact: true }).click();
    const row = treeItem(page, 'health/probe-1/temp');
    await expect(row).toContainText('23');

    // Four messages 150 ms apart: stale after the 2 s floor, redrawn within half a second.
    await expect(row).toHaveAccessibleName(/ stale /, { timeout: 8_000 });
    await expect(row.getByText('stale', { exact: true })).toBeVisible();
    await expect(treeItem(page, 'health')).toContainText('1 stale');

    await nodeClient.publishAsync('health/probe-1/temp', '24');
    await expect(row).toContainText('24');
    await expect(row).not.toHaveAccessibleName(/ stale /);

    // Unsubscribed, its silence is the user's choice: it does not go stale again.
    await page.getByRole('button', { name: 'Unsubscribe from health/#' }).click();
    await sleep(3_000);
    await expect(row).not.toHaveAccessibleName(/ stale /);
    await expect(treeItem(page, 'health')).not.toContainText('stale');
  });

  test('deleting a retained message from the tree clears it at the broker', async ({
    page,
    scope,
    nodeClient,
  }) => {
    const brokerUrl = scope.brokerTcpUrl ?? '';
    const topic = `health/door-${Date.now()}/state`;
    await nodeClient.publishAsync(topic, 'open', { qos: 1, retain: true });
    expect(await retainedPayloads(brokerUrl, topic, 1_000)).toEqual(['open']);

    await openQuietDashboard(page, scope);
    await subscribeInUi(page, 'health/#');
    await page.getByLabel('Search topics').fill(topic);
    const row = treeItem(page, topic);
    await expect(row.getByText('retained', { exact: true })).toBeVisible();

    await page.getByRole('button', { name: `Delete retained message of ${topic}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete the retained message?' });
    await expect(dialog).toContainText(topic);
    await dialog.getByRole('button', { name: 'Delete retained message' }).click();
    await expect(dialog).toBeHidden();

    // The broker passes the empty message on to the page's subscription: the marker goes.
    await expect(row.getByText('retained', { exact: true })).toBeHidden();
    await expect(
      page.getByRole('button', { name: `Delete retained message of ${topic}` }),
    ).toHaveCount(0);
    expect(await retainedPayloads(brokerUrl, topic, 1_500)).toEqual([]);
  });

  test('the search shows only the topics that contain the text', async ({
    page,
    scope,
    nodeClient,
  }) => {
    await openQuietDashboard(page, scope);
    await subscribeInUi(page, 'health/#');
    for (const topic of ['health/search/alpha-1', 'health/search/beta-2', 'health/other/ALPHA-3'])
      await nodeClient.publishAsync(topic, '1');

    await page.getByLabel('Search topics').fill('alpha');
    await expect(treeItem(page, 'health/search/alpha-1')).toBeVisible();
    await expect(treeItem(page, 'health/other/ALPHA-3')).toBeVisible();
    await expect(treeItem(page, 'health/search/beta-2')).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: /2 of [\d,]+ match/ })).toBeVisible();

    await page.getByLabel('Search topics').fill('');
    await expect(treeItem(page, 'health')).toBeVisible();
    await expect(treeItem(page, 'health/search/alpha-1')).toHaveCount(0);
  });

  test('History shows the topic’s recorded messages, with its search in the form to refine', async ({
    page,
    scope,
    nodeClient,
  }) => {
    await openQuietDashboard(page, scope);
    await subscribeInUi(page, 'health/#');
    for (let i = 0; i < 3; i += 1) await nodeClient.publishAsync('health/history/a', String(i));
    await nodeClient.publishAsync('health/history/b', 'other');
    await page.getByLabel('Search topics').fill('health/history/');
    await expect(treeItem(page, 'health/history/a').locator('.tree-count')).toHaveText('3');

    await page.getByRole('button', { name: 'History of health/history/a' }).click();
    await expect(page.getByTestId('query-status')).toContainText('3 matches');
    // The search form opened with the topic in it; the user narrows it from there.
    const form = page.getByRole('search', { name: 'Search recorded messages' });
    await expect(form.getByLabel('Topic filter')).toHaveValue('health/history/a');
    await form.getByLabel('Payload contains').fill('2');
    await form.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page.getByTestId('query-status')).toContainText('1 match');
  });

  test('tree items are named by everything they show (axe)', async ({
    page,
    scope,
    nodeClient,
  }) => {
    // Retained before the page subscribes, so it arrives flagged and the row has both buttons.
    const topic = `health/axe-${Date.now()}/door`;
    await nodeClient.publishAsync(topic, 'open', { qos: 1, retain: true });
    await openQuietDashboard(page, scope);
    await subscribeInUi(page, 'health/#');
    await page.getByLabel('Search topics').fill('health/axe');
    await expect(treeItem(page, topic)).toContainText('retained');
    const { violations } = await new AxeBuilder({ page })
      .include('.topic-tree-panel')
      .withRules([
        'label-content-name-mismatch',
        'aria-required-children',
        'aria-required-parent',
        'button-name',
        'nested-interactive',
      ])
      .analyze();
    await nodeClient.publishAsync(topic, '', { qos: 1, retain: true });
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual(
      [],
    );
  });
});
