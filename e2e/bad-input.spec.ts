import {
  expect,
  openQuietDashboard,
  receivedCount,
  subscribeInUi,
  test,
} from './support/fixtures.ts';

/** Deterministic bytes that are almost never valid UTF-8. */
function noise(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i += 1) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

test.describe('odd payloads in the middle of a burst', () => {
  test('are all counted, and each shows what it can', async ({ page, scope, nodeClient }) => {
    // Only this test's messages, so the count can be exact.
    await openQuietDashboard(page, scope);
    await subscribeInUi(page, 'odd/#');
    // The demo's last messages came before the unsubscribe was acknowledged: once a message
    // sent after it is in the list, they have all been counted (rows and counter redraw
    // together), and the count below can be exact.
    await nodeClient.publishAsync('odd/ready', 'ready', { qos: 1 });
    await expect(page.getByRole('row').filter({ hasText: 'odd/ready' })).toBeVisible();
    const before = await receivedCount(page);

    const odd: [string, Buffer | string][] = [
      ['odd/huge', Buffer.alloc(16 * 1024 * 1024, 'A')],
      ['odd/invalid-utf8', Buffer.from([0xff, 0xfe, 0xfd, 0x41])],
      ['odd/random', noise(4_096, 99)],
      ['odd/nested', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
      ['odd/malformed-json', '{"temperature": 21.5,'],
    ];
    const normal = 400;
    for (let i = 0; i < normal; i += 1) {
      nodeClient.publish(`odd/normal/${i % 10}`, `{"v":${i}}`);
      if (i === normal / 2) for (const [topic, payload] of odd) nodeClient.publish(topic, payload);
    }
    await expect
      .poll(() => receivedCount(page), { timeout: 20_000 })
      .toBe(before + normal + odd.length);

    await page.getByRole('button', { name: 'Expand odd', exact: true }).click();
    const tree = page.getByRole('tree', { name: 'Topic tree' });
    await expect(tree.getByRole('treeitem', { name: 'odd/invalid-utf8' })).toContainText(
      'ff fe fd 41',
    );
    await expect(tree.getByRole('treeitem', { name: 'odd/nested' })).toContainText('[[[[');
    await expect(tree.getByRole('treeitem', { name: 'odd/malformed-json' })).toContainText(
      '{"temperature": 21.5,',
    );
    await expect(tree.getByRole('treeitem', { name: 'odd/huge' })).toContainText('AAAA');

    // The stream goes on afterwards.
    await nodeClient.publishAsync('odd/after', 'still flowing');
    await expect(page.getByRole('row').filter({ hasText: 'odd/after' })).toContainText(
      'still flowing',
    );
    // Exactly one more: nothing of the burst was counted twice or came late.
    await expect(page.getByTestId('received-count')).toHaveText(
      (before + normal + odd.length + 1).toLocaleString('en-US'),
    );
  });
});
