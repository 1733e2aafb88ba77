import { expect, openQuietDashboard, subscribeInUi, test } from './support/fixtures.ts';
import { seriousViolations } from './support/axe.ts';

test.describe('a chart started from the topic tree', () => {
  test('a number topic is charted in one click, a JSON topic by the field chosen', async ({
    page,
    scope,
    nodeClient,
  }) => {
    await openQuietDashboard(page, scope);
    await subscribeInUi(page, 'boiler/#');
    for (let i = 0; i < 8; i += 1) {
      await nodeClient.publishAsync('boiler/b1/temp', (60 + i / 2).toFixed(1));
      await nodeClient.publishAsync(
        'boiler/b1/state',
        JSON.stringify({ mode: 'eco', pressure: 1.5 + i / 10, flow: { rate: 3 + i } }),
      );
    }
    await nodeClient.publishAsync('boiler/b1/status', 'online');
    const tree = page.getByRole('tree', { name: 'Topic tree' });
    await page.getByRole('button', { name: 'Expand boiler', exact: true }).click();
    await page.getByRole('button', { name: 'Expand boiler/b1', exact: true }).click();
    await expect(tree.getByRole('treeitem', { name: 'boiler/b1/status' })).toContainText('online');
    // Text has nothing to chart.
    await expect(page.getByRole('button', { name: 'Chart boiler/b1/status' })).toHaveCount(0);

    await page.getByRole('button', { name: 'Chart boiler/b1/temp', exact: true }).click();
    // The chart starts from what the recorder holds: every reading so far.
    await expect(page.getByRole('figure', { name: 'Chart boiler/b1/temp' })).toHaveAttribute(
      'data-points',
      '8',
    );

    const chartState = page.getByRole('button', { name: 'Chart boiler/b1/state', exact: true });
    await chartState.click();
    await expect(chartState).toHaveAttribute('aria-expanded', 'true');
    const fields = page.getByRole('group', { name: 'Fields of boiler/b1/state to chart' });
    // Only the number fields are offered.
    await expect(fields.getByRole('button')).toHaveText(['pressure', 'flow.rate']);
    await page.mouse.move(0, 0);
    expect(await seriousViolations(page, '.topic-tree-panel')).toEqual([]);
    await fields.getByRole('button', { name: 'Chart flow.rate of boiler/b1/state' }).click();
    await expect(fields).toBeHidden();
    const flow = page.getByRole('figure', { name: 'Chart flow.rate · boiler/b1/state' });
    await expect(flow).toHaveAttribute('data-points', '8');
    await expect(flow).toContainText('10');
  });
});
