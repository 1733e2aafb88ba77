// Opening the two pages the bench measures: the app, set up through its UI like a user would,
// and the ceiling. Each gets a fresh browser context, so counters and heaps start from zero.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { listen } from '../server/listen.ts';
import { HeapMeter } from './heap.ts';
import { installProbes } from './page-probes.ts';

export const VIEWPORT = { width: 1440, height: 900 };
export const BENCH_FILTER = 'bench/#';
/** The Sparkplug case's device topics: `${SPARKPLUG_PREFIX}/<n>`, and what subscribes to them. */
export const SPARKPLUG_PREFIX = 'spBv1.0/Bench/DDATA/node-1';
export const SPARKPLUG_FILTER = 'spBv1.0/#';

/** Four live charts; every one of them matches both the one-topic and the spread topics. */
const CHARTS = [
  { filter: 'bench/#', field: 'v', title: 'Value' },
  { filter: 'bench/#', field: 'seq', title: 'Sequence' },
  { filter: 'bench/+/+', field: 'ts', title: 'Publish time' },
  { filter: 'bench/+/0', field: 'v', title: 'Topic 0 value' },
];

export interface BenchPage {
  context: BrowserContext;
  page: Page;
  heap: HeapMeter;
}

async function openPage(browser: Browser): Promise<BenchPage> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await installProbes(context);
  const page = await context.newPage();
  const heap = await HeapMeter.attach(page);
  return { context, page, heap };
}

/** The dashboard, connected, subscribed to the bench topics and showing four charts. */
export async function openApp(browser: Browser, webUrl: string): Promise<BenchPage> {
  const opened = await openConnectedApp(browser, webUrl);
  await setUpDashboard(opened.page);
  return opened;
}

/** The dashboard in a fresh context, once its demo connection is up. */
export async function openConnectedApp(browser: Browser, webUrl: string): Promise<BenchPage> {
  const opened = await openPage(browser);
  await opened.page.goto(webUrl);
  await opened.page
    .getByRole('status', { name: 'Connection status' })
    .filter({ hasText: 'Connected' })
    .waitFor();
  return opened;
}

/**
 * The dashboard as a new user first has it: subscribed, the stream and the topic tree in view,
 * no chart (the demo's charts are removed).
 */
export async function openStreamOnly(browser: Browser, webUrl: string): Promise<BenchPage> {
  const opened = await openConnectedApp(browser, webUrl);
  const { page } = opened;
  await subscribeInApp(page, BENCH_FILTER);
  const remove = page.getByRole('button', { name: /^Remove chart/ });
  while ((await remove.count()) > 0) await remove.first().click();
  return opened;
}

/** Subscribes the connection in focus to `filter` and waits for the broker's answer. */
export async function subscribeInApp(page: Page, filter: string): Promise<void> {
  await page.getByLabel('Topic filter').fill(filter);
  await page.getByRole('button', { name: 'Subscribe', exact: true }).click();
  await page
    .getByRole('list', { name: 'Active subscriptions' })
    .getByRole('listitem')
    .filter({ hasText: filter })
    .filter({ hasText: 'active' })
    .waitFor();
}

/**
 * The dashboard subscribed to the Sparkplug namespace (a first visit already is) with one chart
 * of `metric`, by name, on every device of the bench's node.
 */
export async function openSparkplugApp(
  browser: Browser,
  webUrl: string,
  metric: string,
): Promise<BenchPage> {
  const opened = await openConnectedApp(browser, webUrl);
  const { page } = opened;
  const subscribed = page
    .getByRole('list', { name: 'Active subscriptions' })
    .getByRole('listitem')
    .filter({ hasText: SPARKPLUG_FILTER });
  if ((await subscribed.count()) === 0) await subscribeInApp(page, SPARKPLUG_FILTER);
  // A decoded Sparkplug payload reads as { metrics: { <name>: { value, … } }, … }.
  const field = `metrics["${metric}"].value`;
  await addChart(page, { filter: `${SPARKPLUG_PREFIX}/+`, field, title: metric });
  return opened;
}

async function addChart(page: Page, chart: { filter: string; field: string; title: string }) {
  await page.getByRole('button', { name: '+ Add chart' }).click();
  const form = page.getByRole('form', { name: 'Add chart' });
  await form.getByLabel('Chart topic').fill(chart.filter);
  await form.getByLabel('JSON field (optional)').fill(chart.field);
  await form.getByLabel('Title').fill(chart.title);
  await form.getByRole('button', { name: 'Add chart', exact: true }).click();
  // The chart itself is a lazy chunk: wait until it is mounted in its card.
  await page
    .getByRole('article', { name: chart.title, exact: true })
    .last()
    .locator('figure.chart')
    .waitFor();
}

export async function setUpDashboard(page: Page): Promise<void> {
  await subscribeInApp(page, BENCH_FILTER);
  for (const chart of CHARTS) await addChart(page, chart);
}

/**
 * The bare-WebSocket page. It is served from a real loopback server: a page Playwright fulfils
 * itself counts as public, and Chromium's local-network checks would block its WebSocket.
 */
export async function serveCeiling(): Promise<{ url: string; close: () => Promise<void> }> {
  const html = readFileSync(new URL('./ceiling.html', import.meta.url));
  const server = createServer((_, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  const listening = await listen(server, 0, '127.0.0.1', 'web');
  return { url: `http://127.0.0.1:${listening.port}/`, close: listening.close };
}

/** The bare page; `inWorker` moves its socket and parsing into a Web Worker, like the app's. */
export async function openCeiling(
  browser: Browser,
  ceilingUrl: string,
  brokerWsUrl: string,
  inWorker = false,
  filter = BENCH_FILTER,
) {
  const opened = await openPage(browser);
  const query = new URLSearchParams({ url: brokerWsUrl, filter });
  if (inWorker) query.set('worker', '1');
  await opened.page.goto(`${ceilingUrl}?${query}`);
  await opened.page.locator('#status', { hasText: 'subscribed' }).waitFor();
  return opened;
}
