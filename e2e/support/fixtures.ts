import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import mqtt from 'mqtt';
import type { MqttClient } from 'mqtt';
import { startScope } from '../../server/scope-server.ts';
import type { RunningScope } from '../../server/scope-server.ts';

interface WorkerFixtures {
  /** The app with its embedded broker and the simulator, on free loopback ports. */
  scope: RunningScope;
}

interface TestFixtures {
  /** A Node mqtt.js client on the embedded broker's TCP port, for publishing and subscribing. */
  nodeClient: MqttClient;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  scope: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
    async ({}, use) => {
      // SCOPE_DIST_DIR lets parallel checkouts test their own build instead of sharing dist/.
      const distDir = process.env.SCOPE_DIST_DIR || undefined;
      const scope = await startScope({ port: 0, wsPort: 0, tcpPort: 0, seed: 7, distDir });
      await use(scope);
      await scope.close();
    },
    { scope: 'worker' },
  ],
  nodeClient: async ({ scope }, use) => {
    if (!scope.brokerTcpUrl) throw new Error('the embedded broker has no TCP listener');
    const client = await mqtt.connectAsync(scope.brokerTcpUrl, { clientId: `e2e-${Date.now()}` });
    await use(client);
    await client.endAsync();
  },
});

export { expect };

/** Opens the dashboard as a first-time visitor and waits until it is connected. */
export async function openDashboard(page: Page, scope: RunningScope): Promise<void> {
  await page.goto(scope.webUrl);
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText('Connected');
}

/**
 * Opens the dashboard and stops the demo stream, so the message list holds still: the list
 * is virtualised and at 18 demo messages a second a row leaves the view within a second.
 */
export async function openQuietDashboard(page: Page, scope: RunningScope): Promise<void> {
  await openDashboard(page, scope);
  // The simulator's Sparkplug B node publishes beside demo/# on a first visit.
  for (const filter of ['demo/#', 'spBv1.0/#']) {
    await page.getByRole('button', { name: `Unsubscribe from ${filter}` }).click();
    await expect(page.getByRole('list', { name: 'Active subscriptions' })).not.toContainText(
      filter,
    );
  }
}

/** Subscribes through the form and waits for the broker's acknowledgement. */
export async function subscribeInUi(page: Page, filter: string, qos: 0 | 1 | 2 = 0): Promise<void> {
  const form = page.getByRole('form', { name: 'Subscribe' });
  await form.getByLabel('Topic filter').fill(filter);
  await form.getByLabel('QoS').selectOption(String(qos));
  await form.getByRole('button', { name: 'Subscribe', exact: true }).click();
  const item = page
    .getByRole('list', { name: 'Active subscriptions' })
    .getByRole('listitem')
    .filter({ hasText: filter });
  await expect(item).toContainText(`QoS ${qos} granted`);
}

/** Subscribes to `topic` and adds a Charts panel chart of it; the chart's figure. */
export async function addChartInUi(page: Page, topic: string, title: string, unit = '') {
  await subscribeInUi(page, topic);
  await page.getByRole('button', { name: '+ Add chart' }).click();
  const form = page.getByRole('form', { name: 'Add chart' });
  await form.getByLabel('Chart topic').fill(topic);
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Unit').fill(unit);
  await form.getByRole('button', { name: 'Add chart', exact: true }).click();
  return page.getByRole('figure', { name: `Chart ${title}` });
}

/** The number in the "received" counter of the messages panel. */
export async function receivedCount(page: Page): Promise<number> {
  const text = await page.getByTestId('received-count').textContent();
  return Number((text ?? '0').replace(/,/g, ''));
}

/** Opens the search form of the message list, fills what is given and runs the search. */
export async function searchRecorded(
  page: Page,
  fields: { topic?: string; text?: string; field?: string; regex?: boolean },
): Promise<void> {
  const form = page.getByRole('search', { name: 'Search recorded messages' });
  if (!(await form.isVisible())) await page.getByRole('button', { name: 'Search' }).click();
  await form.getByLabel('Topic filter').fill(fields.topic ?? '');
  await form.getByLabel('Payload contains').fill(fields.text ?? '');
  await form.getByLabel('JSON field').fill(fields.field ?? '');
  await form.getByLabel('Regular expression').setChecked(fields.regex ?? false);
  await form.getByRole('button', { name: 'Search', exact: true }).click();
}

/** Leaves the demo broker and connects the form in focus to `url` (MQTT 5 when asked). */
export async function connectInUi(
  page: Page,
  url: string,
  { protocolVersion = 4 }: { protocolVersion?: 4 | 5 } = {},
): Promise<void> {
  const status = page.getByRole('status', { name: 'Connection status' });
  await expect(status).toContainText('Connected');
  await page.getByRole('button', { name: 'Disconnect', exact: true }).click();
  await page.getByLabel('Broker URL').fill(url);
  await page.getByLabel('MQTT version').selectOption(String(protocolVersion));
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(status).toContainText(protocolVersion === 5 ? 'Connected · MQTT 5.0' : 'Connected');
}

/** Waits until the service worker has filled its cache and controls the page. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none'))
    .toBe('activated');
}
