import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { expect, openDashboard, test } from './support/fixtures.ts';

/** A page on another origin (another port), as any website the user visits could serve. */
async function startOtherSite(html: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, server };
}

test('a page on another website cannot open the embedded broker', async ({ page, scope }) => {
  if (!scope.brokerWsUrl) throw new Error('the scope has no embedded WebSocket broker');
  const site = await startOtherSite(`<!doctype html><title>elsewhere</title>
    <p id="result">trying</p>
    <script>
      const socket = new WebSocket(${JSON.stringify(scope.brokerWsUrl)}, 'mqtt');
      socket.onopen = () => (document.getElementById('result').textContent = 'opened');
      socket.onclose = (event) =>
        (document.getElementById('result').textContent = 'closed ' + event.code);
    </script>`);
  try {
    await page.goto(site.url);
    // The upgrade is refused (the browser reports 1006), never opened.
    await expect(page.locator('#result')).toHaveText(/^closed \d+$/);
    // The same broker from the dashboard's own page works, as every other spec shows.
    await openDashboard(page, scope);
  } finally {
    site.server.close();
  }
});

test('a password that is not saved appears in no saved state, export or log', async ({
  page,
  scope,
}) => {
  const secret = 'hunter2-never-kept';
  await openDashboard(page, scope);
  await page.getByRole('button', { name: 'Disconnect', exact: true }).click();
  await page.getByLabel('Username').fill('operator');
  await page.getByLabel('Password').fill(secret);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText('Connected');

  const saved = await page.evaluate(() =>
    Object.keys(localStorage).map((key) => `${key}=${localStorage.getItem(key)}`),
  );
  expect(saved.join('\n')).toContain('operator');
  expect(saved.join('\n')).not.toContain(secret);

  await page.getByRole('button', { name: 'Log', exact: true }).click();
  const log = page.getByRole('list', { name: 'Connection log' });
  await expect(log).toContainText('user "operator"');
  await expect(log).not.toContainText(secret);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Import or export connections…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import and export connections' });
  for (const withSecrets of [false, true]) {
    await dialog
      .getByLabel('Include saved passwords (anyone with the file can log in)')
      .setChecked(withSecrets);
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download connections' }).click();
    const text = readFileSync(await (await download).path(), 'utf8');
    expect(text).toContain('operator');
    // Not even with "include saved passwords": this one was never saved.
    expect(text).not.toContain(secret);
  }
});
