// Issue 15's case: a dashboard of the demo's shape (six charts of several lines each, gauges,
// big numbers, status tiles and a table) on the bench's topics while 5,000 msg/s arrive.
import type { Browser } from '@playwright/test';
import { BENCH_FILTER, openConnectedApp, subscribeInApp } from './pages.ts';
import type { BenchPage } from './pages.ts';

/** Topics the case publishes on (`bench/spread/<n>`): each chart matches all of them. */
export const DASHBOARD_TOPICS = 50;

const MINUTE = 60_000;
const base = { connectionId: '', jsonPath: 'v', width: 1, height: 1 };

function chart(id: string, title: string, jsonPath: string, windowMs: number) {
  return {
    ...base,
    id,
    kind: 'chart',
    title,
    filter: 'bench/spread/+',
    jsonPath,
    unit: '',
    windowMs,
    width: 2,
    height: 2,
  };
}

function gauge(id: string, filter: string) {
  const thresholds = { min: 0, max: 40, unit: '°C', warn: 24, alarm: 30, badWhen: 'above' };
  return { ...base, id, kind: 'gauge', title: `Gauge of ${filter}`, filter, ...thresholds };
}

/** The dashboard, as a file the page imports like a user would. */
export const BENCH_DASHBOARD = {
  format: 'mqtt-scope-dashboard',
  version: 1,
  dashboard: {
    id: 'bench-dashboard',
    name: 'Bench dashboard',
    widgets: [
      gauge('g0', 'bench/spread/0'),
      gauge('g1', 'bench/spread/1'),
      {
        ...base,
        id: 'n2',
        kind: 'big-number',
        title: 'Number 2',
        filter: 'bench/spread/2',
        unit: '°C',
        decimals: 2,
        staleAfterSeconds: 30,
      },
      {
        ...base,
        id: 'n3',
        kind: 'big-number',
        title: 'Sequence 3',
        filter: 'bench/spread/3',
        jsonPath: 'seq',
        unit: '',
        decimals: 0,
        staleAfterSeconds: 30,
      },
      chart('c-v', 'Values', 'v', 5 * MINUTE),
      chart('c-seq', 'Sequence', 'seq', 5 * MINUTE),
      chart('c-ts', 'Publish time', 'ts', 5 * MINUTE),
      chart('c-v1', 'Values, 1 min', 'v', MINUTE),
      chart('c-v15', 'Values, 15 min', 'v', 15 * MINUTE),
      chart('c-v60', 'Values, 1 h', 'v', 60 * MINUTE),
      {
        ...base,
        id: 's4',
        kind: 'status',
        title: 'Status 4',
        filter: 'bench/spread/4',
        mappings: [{ match: 'online', label: 'Online', tone: 'ok' }],
      },
      {
        ...base,
        id: 's5',
        kind: 'status',
        title: 'Status 5',
        filter: 'bench/spread/5',
        mappings: [{ match: 'offline', label: 'Offline', tone: 'alarm' }],
      },
      {
        ...base,
        id: 't',
        kind: 'table',
        title: 'Latest by topic',
        filter: 'bench/spread/+',
        unit: '°C',
        width: 2,
        height: 2,
      },
    ],
  },
};

export const BENCH_DASHBOARD_CHARTS = BENCH_DASHBOARD.dashboard.widgets.filter(
  (widget) => widget.kind === 'chart',
).length;

/** The app subscribed to the bench topics, showing the bench dashboard (imported from its file). */
export async function openDashboardApp(browser: Browser, webUrl: string): Promise<BenchPage> {
  const opened = await openConnectedApp(browser, webUrl);
  const { page } = opened;
  await subscribeInApp(page, BENCH_FILTER);
  await page.getByLabel('Dashboard file to import').setInputFiles({
    name: 'bench-dashboard.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(BENCH_DASHBOARD)),
  });
  await page.getByRole('list', { name: 'Widgets of Bench dashboard' }).waitFor();
  // The charts are a lazy chunk: wait until every one is mounted.
  await page.waitForFunction(
    (count) => document.querySelectorAll('.widget-chart figure.chart').length === count,
    BENCH_DASHBOARD_CHARTS,
  );
  return opened;
}

/** Lines drawn per chart and meters shown once the burst is over: the widgets got their data. */
export async function dashboardDrawn(page: BenchPage['page']) {
  return page.evaluate(() => ({
    chartLines: [...document.querySelectorAll('.widget-chart figure.chart')].map((figure) =>
      Number(figure.getAttribute('data-lines')),
    ),
    meters: document.querySelectorAll('[role="meter"][aria-valuenow]').length,
    tableRows: document.querySelectorAll('.widget-table tbody tr').length,
  }));
}
