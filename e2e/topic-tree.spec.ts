import { expect, openDashboard, test } from './support/fixtures.ts';

test.describe('topic tree', () => {
  test('shows every site and device with message counts and last values', async ({
    page,
    scope,
  }) => {
    await openDashboard(page, scope);
    const tree = page.getByRole('tree', { name: 'Topic tree' });
    await expect(
      // A row is named by all it shows, its path first.
      tree.getByRole('treeitem', { name: /^demo\/greenhouse / }),
    ).toContainText('topics');

    await page.getByRole('button', { name: 'Expand demo/greenhouse', exact: true }).click();
    await page.getByRole('button', { name: 'Expand demo/greenhouse/gh-01', exact: true }).click();
    const temperature = tree.getByRole('treeitem', { name: 'demo/greenhouse/gh-01/temperature' });
    await expect(temperature).toContainText(/\d+\.\d+/);
    const status = tree.getByRole('treeitem', { name: 'demo/greenhouse/gh-01/status' });
    await expect(status).toContainText('online');

    // Counts keep rising while the simulator publishes.
    const count = async () =>
      Number((await temperature.locator('.tree-count').textContent())?.replace(/,/g, ''));
    const first = await count();
    await expect.poll(count, { timeout: 5_000 }).toBeGreaterThan(first);
  });

  test('a message from a new device appears in its branch', async ({ page, scope, nodeClient }) => {
    await openDashboard(page, scope);
    await nodeClient.publishAsync('demo/lab/probe-7/ph', '6.8');
    const tree = page.getByRole('tree', { name: 'Topic tree' });
    await page.getByRole('button', { name: 'Expand demo/lab', exact: true }).click();
    await page.getByRole('button', { name: 'Expand demo/lab/probe-7', exact: true }).click();
    await expect(tree.getByRole('treeitem', { name: 'demo/lab/probe-7/ph' })).toContainText('6.8');
  });
});
