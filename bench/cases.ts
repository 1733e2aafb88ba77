// The cases `npm run bench` runs, their targets, and how their figures become table rows.
import type { Browser } from '@playwright/test';
import {
  BENCH_DASHBOARD_CHARTS,
  DASHBOARD_TOPICS,
  dashboardDrawn,
  openDashboardApp,
} from './dashboard.ts';
import { chartRedraw } from './chart-redraw.ts';
import { measureBurst } from './measure.ts';
import type { BurstFigures } from './measure.ts';
import {
  openApp,
  openCeiling,
  openSparkplugApp,
  openStreamOnly,
  SPARKPLUG_FILTER,
  SPARKPLUG_PREFIX,
} from './pages.ts';
import type { BenchPage } from './pages.ts';
import { SPARKPLUG_METRICS } from './publisher-process.ts';
import type { PublishPlan } from './publisher-process.ts';
import { atLeast, atMost, below, ratioAtLeast, row } from './report.ts';
import type { CaseResult, Row, TargetCheck } from './report.ts';
import { replayAsFastAsPossible, repeatPublisher } from './publishing.ts';
import { measureSearch } from './search.ts';
import { measureStartup } from './startup.ts';
import { CONNECTIONS, measureThree, openThreeConnections } from './three-connections.ts';

export interface BenchContext {
  browser: Browser;
  webUrl: string;
  ceilingUrl: string;
  brokerWsUrl: string;
  brokerTcpUrl: string;
  distDir: string;
  quick: boolean;
  /** Registers a stop function for Ctrl-C; returns its removal. */
  track: (stop: () => void) => () => void;
}

export interface BenchCase {
  name: string;
  run(context: BenchContext): Promise<CaseResult>;
}

const SPREAD_TOPICS = 10_000;

function plan(context: BenchContext, rate: number, count: number, topics: number): PublishPlan {
  const seconds = rate > 0 ? count / rate : 30;
  return {
    brokerUrl: context.brokerTcpUrl,
    prefix: topics === 1 ? 'bench/one' : 'bench/spread',
    topicCount: topics,
    count,
    rate,
    budgetMs: Math.round(seconds * 1_500 + 5_000),
  };
}

async function onPage<T>(open: Promise<BenchPage>, use: (page: BenchPage) => Promise<T>) {
  const target = await open;
  try {
    return await use(target);
  } finally {
    await target.context.close();
  }
}

/** The same stream into the ceiling page, then into the app (by default with four charts). */
async function appAndCeiling(context: BenchContext, publish: PublishPlan, open = openApp) {
  const { browser, webUrl, ceilingUrl, brokerWsUrl, track } = context;
  const ceiling = await onPage(openCeiling(browser, ceilingUrl, brokerWsUrl), (page) =>
    measureBurst(page, publish, { track }),
  );
  const app = await onPage(open(browser, webUrl), (page) => measureBurst(page, publish, { track }));
  return { app, ceiling };
}

interface BurstTargets {
  fps: TargetCheck;
  settleMs?: TargetCheck;
  ingest?: TargetCheck;
  /** The planned rate (msg/s) of a rate-limited case; 0 or absent: as fast as possible. */
  plannedRate?: number;
}

/** The rate the publisher achieved, from its first publish to its last. */
function publishedRate(figures: BurstFigures): number | null {
  const { sent, firstAt, lastAt } = figures.publisher;
  return lastAt > firstAt ? (1_000 * (sent - 1)) / (lastAt - firstAt) : null;
}

function burstRows(app: BurstFigures, ceiling: BurstFigures, targets: BurstTargets): Row[] {
  const planned = targets.plannedRate ?? 0;
  return [
    // A publisher that fell short of its plan makes every figure below mean less: it misses.
    row(
      'publisher rate (msg/s)',
      publishedRate(app),
      publishedRate(ceiling),
      planned > 0 ? atLeast(Math.round(planned * 0.95)) : undefined,
    ),
    row('sent', app.sent, ceiling.sent),
    row('counted', app.received, ceiling.received),
    row('accounted (%)', app.accountedPct, ceiling.accountedPct, atLeast(100, '%'), 2),
    row('ingest (msg/s)', app.ingestRate, ceiling.ingestRate, targets.ingest),
    row('fps', app.fps, ceiling.fps, targets.fps),
    // An average hides a freeze: the worst second and the longest gap have targets of their own.
    row('worst 1-s fps', app.worstSecondFps, ceiling.worstSecondFps, atLeast(50)),
    row('longest frame gap (ms)', app.longestGapMs, ceiling.longestGapMs, atMost(100, ' ms')),
    row('long tasks total (ms)', app.longTaskMs, ceiling.longTaskMs),
    row('settled (ms)', app.settleMs, ceiling.settleMs, targets.settleMs),
    row('heap main (MB)', app.heapAtEnd.mainMb, ceiling.heapAtEnd.mainMb),
    row('heap worker (MB)', app.heapAtEnd.workerMb),
  ];
}

function burstCase(
  name: string,
  title: string,
  rate: number,
  topics: number,
  targets: BurstTargets,
  open = openApp,
): BenchCase {
  return {
    name,
    async run(context) {
      const seconds = context.quick ? 2 : 10;
      const { app, ceiling } = await appAndCeiling(
        context,
        plan(context, rate, rate * seconds, topics),
        open,
      );
      return {
        name,
        title: `${title}, ${seconds} s`,
        rows: burstRows(app, ceiling, { ...targets, plannedRate: rate }),
        details: { app, ceiling },
      };
    },
  };
}

const asFastAsPossible: BenchCase = {
  name: 'afap',
  async run(context) {
    const count = context.quick ? 100_000 : 400_000;
    const publish = plan(context, 0, count, 1);
    const { app, ceiling } = await appAndCeiling(context, publish);
    // The same bare client inside a Web Worker: separates what the browser costs to deliver
    // frames to a worker from what mqtt.js costs on top.
    const { browser, ceilingUrl, brokerWsUrl, track } = context;
    const workerCeiling = await onPage(
      openCeiling(browser, ceilingUrl, brokerWsUrl, true),
      (page) => measureBurst(page, publish, { track }),
    );
    return {
      name: this.name,
      title: `As fast as possible, ${count.toLocaleString('en-US')} msgs`,
      rows: [
        ...burstRows(app, ceiling, { fps: atLeast(50), ingest: ratioAtLeast(0.9) }),
        // Near 1, the page took in all the publisher sent: the publisher was the bottleneck,
        // and the ingest ratio to the ceiling says nothing of the page.
        row(
          'page ingest / publisher rate',
          app.ingestRate !== null && publishedRate(app)
            ? app.ingestRate / (publishedRate(app) as number)
            : null,
          null,
          undefined,
          2,
        ),
        row('ingest vs bare page in a worker (msg/s)', app.ingestRate, workerCeiling.ingestRate),
        row('fps vs bare page in a worker', app.fps, workerCeiling.fps),
      ],
      details: { app, ceiling, workerCeiling },
    };
  },
};

const soak: BenchCase = {
  name: 'soak',
  async run(context) {
    const count = context.quick ? 200_000 : 1_000_000;
    const marks = [count / 4, count / 2, count];
    const { app, searches, recorderBytes } = await onPage(
      openApp(context.browser, context.webUrl),
      async (page) => {
        const burst = await measureBurst(page, plan(context, 25_000, count, SPREAD_TOPICS), {
          track: context.track,
          heapAt: marks,
        });
        // The recorder's own memory (typed arrays live outside the V8 heap the meter reads).
        const recorderBytes = Number(
          await page.page.locator('[data-memory-bytes]').first().getAttribute('data-memory-bytes'),
        );
        // Everything recorded is findable: three searches over the whole recording.
        const topic = await measureSearch(
          page.page,
          { topic: 'bench/spread/4242' },
          'bench/spread/4242',
        );
        const seq = Math.round(count * 0.777);
        const text = await measureSearch(page.page, { text: `"seq":${seq},` }, `"seq":${seq},`);
        const field = await measureSearch(page.page, { field: 'v > 24.99' }, 'bench/spread');
        return { app: burst, searches: { topic, text, field }, recorderBytes };
      },
    );
    const [quarter, half, full] = app.heapAt.map((sample) => sample.heap);
    const growth = half && full ? (100 * (full.mainMb - half.mainMb)) / half.mainMb : null;
    const heapRows = app.heapAt.map(({ count: at, heap }) =>
      row(
        `heap after GC at ${at.toLocaleString('en-US')} (MB, main / worker)`,
        heap.mainMb,
        heap.workerMb,
      ),
    );
    // The recorder keeps every message whole: its budget is the raw bytes, 1.5×, plus 32 MB.
    const rawMb = app.publisher.rawBytes / (1024 * 1024);
    const workerBudgetMb = 1.5 * rawMb + 32;
    const { topic, text, field } = searches;
    return {
      name: this.name,
      title: `Soak, ${count.toLocaleString('en-US')} msgs, 10k topics at 25k/s, then searched`,
      rows: [
        row('accounted (%)', app.accountedPct, null, atLeast(100, '%'), 2),
        row('fps', app.fps),
        row('worst 1-s fps', app.worstSecondFps),
        ...heapRows,
        row('main heap growth half→full (%)', growth, null, below(10, '%')),
        row('raw topic+payload bytes sent (MB)', rawMb),
        row('recorder memory (MB, outside the heap)', recorderBytes / (1024 * 1024)),
        row(
          'worker heap + recorder at the end (MB)',
          (full?.workerMb ?? 0) + recorderBytes / (1024 * 1024),
          null,
          atMost(Math.round(workerBudgetMb), ' MB'),
        ),
        row('search topic: messages searched', topic.searched, null, atLeast(app.received)),
        row(
          'search topic: matches',
          topic.matched,
          null,
          atLeast(Math.floor(app.received / SPREAD_TOPICS)),
        ),
        row('search topic: first screen (ms)', topic.firstScreenMs, null, atMost(200, ' ms')),
        row('search topic: whole count (ms)', topic.wholeCountMs, null, atMost(1_000, ' ms')),
        row('search topic: fps meanwhile', topic.fps, null, atLeast(55)),
        row('search text: matches', text.matched, null, atLeast(1)),
        row('search text: first screen (ms)', text.firstScreenMs, null, atMost(200, ' ms')),
        row('search text: whole count (ms)', text.wholeCountMs, null, atMost(1_000, ' ms')),
        row('search text: fps meanwhile', text.fps, null, atLeast(55)),
        row('search JSON field: matches', field.matched, null, atLeast(1)),
        row('search JSON field: first screen (ms)', field.firstScreenMs, null, atMost(200, ' ms')),
        row('search JSON field: whole count (ms)', field.wholeCountMs, null, atMost(1_000, ' ms')),
        row('search JSON field: fps meanwhile', field.fps, null, atLeast(55)),
      ],
      details: { app, quarter, half, full, searches },
    };
  },
};

const startup: BenchCase = {
  name: 'startup',
  async run(context) {
    const figures = await measureStartup(
      context.browser,
      context.webUrl,
      context.brokerTcpUrl,
      context.distDir,
      context.track,
    );
    return {
      name: this.name,
      title: 'Start-up (reload, cache off)',
      rows: [
        ...figures.scripts.map((script) =>
          row(`  ${script.file} (KB gzip)`, script.gzipBytes / 1024),
        ),
        row('JS before first chart (KB gzip)', figures.gzipTotalKb, null, atMost(320, ' KB')),
        row('first message drawn (ms)', figures.firstMessageMs, null, atMost(1_000, ' ms')),
        row('first chart drawn (ms)', figures.firstChartMs),
      ],
      details: { ...figures },
    };
  },
};

const threeConnections: BenchCase = {
  name: '3x5k',
  async run(context) {
    const seconds = context.quick ? 2 : 10;
    const rate = 5_000;
    const figures = await onPage(
      openThreeConnections(openApp(context.browser, context.webUrl), context.brokerWsUrl),
      (page) => measureThree(page, context.brokerTcpUrl, rate, rate * seconds, context.track),
    );
    const perConnection = CONNECTIONS.map((name, index) =>
      row(
        `${name}: accounted (%)`,
        (100 * (figures.counted[index] ?? 0)) / Math.max(1, figures.sent[index] ?? 0),
        null,
        atLeast(100, '%'),
        2,
      ),
    );
    return {
      name: this.name,
      title: `3 connections × 5k msg/s, ${seconds} s`,
      rows: [
        row(
          'sent (all)',
          figures.sent.reduce((a, b) => a + b, 0),
          null,
        ),
        ...perConnection,
        row('fps', figures.fps, null, atLeast(58)),
        row('worst 1-s fps', figures.worstSecondFps, null),
        row('longest frame gap (ms)', figures.longestGapMs, null),
        row('heap main (MB)', figures.heapMainMb, null),
        row('heap worker (MB)', figures.heapWorkerMb, null),
      ],
      details: { ...figures },
    };
  },
};

/** Devices of the Sparkplug case's edge node: one chart line each. */
const SPARKPLUG_DEVICES = 10;

/** Issue 17's case: binary Sparkplug payloads decoded in the worker, one metric charted by name. */
const sparkplug: BenchCase = {
  name: 'sparkplug-5k',
  async run(context) {
    const seconds = context.quick ? 2 : 10;
    const rate = 5_000;
    const publish: PublishPlan = {
      ...plan(context, rate, rate * seconds, SPARKPLUG_DEVICES),
      prefix: SPARKPLUG_PREFIX,
      payload: 'sparkplug',
    };
    const metric = SPARKPLUG_METRICS[3] ?? '';
    const { browser, webUrl, ceilingUrl, brokerWsUrl, track } = context;
    const ceiling = await onPage(
      openCeiling(browser, ceilingUrl, brokerWsUrl, false, SPARKPLUG_FILTER),
      (page) => measureBurst(page, publish, { track }),
    );
    const { app, lines } = await onPage(openSparkplugApp(browser, webUrl, metric), async (page) => {
      const figures = await measureBurst(page, publish, { track });
      // Every device's line of the metric is drawn: the decoded value reached the chart.
      const chart = page.page.getByRole('figure', { name: `Chart ${metric}`, exact: true });
      return { app: figures, lines: Number(await chart.getAttribute('data-lines')) };
    });
    return {
      name: 'sparkplug-5k',
      title: `Sparkplug B DDATA (10 metrics each), 5k msg/s, 10 devices, 1 metric charted by name, ${seconds} s`,
      rows: [
        ...burstRows(app, ceiling, { fps: atLeast(58), plannedRate: rate }),
        row('chart lines of the metric', lines, null, atLeast(SPARKPLUG_DEVICES)),
      ],
      details: { app, ceiling, lines },
    };
  },
};

/** Issue 15's case: a dashboard of thirteen widgets, six of them charts of twelve lines each. */
const dashboard: BenchCase = {
  name: 'dashboard-5k',
  async run(context) {
    const seconds = context.quick ? 2 : 10;
    const rate = 5_000;
    const publish = plan(context, rate, rate * seconds, DASHBOARD_TOPICS);
    const { browser, webUrl, ceilingUrl, brokerWsUrl, track } = context;
    const ceiling = await onPage(openCeiling(browser, ceilingUrl, brokerWsUrl), (page) =>
      measureBurst(page, publish, { track }),
    );
    const { app, drawn } = await onPage(openDashboardApp(browser, webUrl), async (page) => ({
      app: await measureBurst(page, publish, { track }),
      drawn: await dashboardDrawn(page.page),
    }));
    const chartsWithLines = drawn.chartLines.filter((lines) => lines >= 2).length;
    return {
      name: this.name,
      title: `Dashboard of 13 widgets (6 charts, 2 gauges, 2 numbers, 2 tiles, a table), 5k msg/s on ${DASHBOARD_TOPICS} topics, ${seconds} s`,
      rows: [
        ...burstRows(app, ceiling, { fps: atLeast(58), plannedRate: rate }),
        row('charts drawing several lines', chartsWithLines, null, atLeast(BENCH_DASHBOARD_CHARTS)),
        row(
          'lines drawn (all charts)',
          drawn.chartLines.reduce((a, b) => a + b, 0),
          null,
        ),
        row('gauges with a value', drawn.meters, null, atLeast(2)),
        row('table rows', drawn.tableRows, null, atLeast(DASHBOARD_TOPICS)),
      ],
      details: { app, ceiling, drawn },
    };
  },
};

export const CASES: BenchCase[] = [
  burstCase('5k-one', '5k msg/s, 1 topic', 5_000, 1, {
    fps: atLeast(58),
    settleMs: atMost(150, ' ms'),
  }),
  burstCase('5k-spread', '5k msg/s, 10k topics', 5_000, SPREAD_TOPICS, {
    fps: atLeast(58),
    settleMs: atMost(150, ' ms'),
  }),
  burstCase('20k-one', '20k msg/s, 1 topic', 20_000, 1, {
    fps: atLeast(55),
    settleMs: atMost(300, ' ms'),
  }),
  burstCase('20k-spread', '20k msg/s, 10k topics', 20_000, SPREAD_TOPICS, {
    fps: atLeast(55),
    settleMs: atMost(300, ' ms'),
  }),
  // A new user's first view: a subscription, the stream and the tree, no chart.
  burstCase(
    'stream-5k',
    'Stream only (no chart), 5k msg/s, 10k topics',
    5_000,
    SPREAD_TOPICS,
    { fps: atLeast(58), settleMs: atMost(150, ' ms') },
    openStreamOnly,
  ),
  burstCase(
    'stream-20k',
    'Stream only (no chart), 20k msg/s, 10k topics',
    20_000,
    SPREAD_TOPICS,
    { fps: atLeast(55), settleMs: atMost(300, ' ms') },
    openStreamOnly,
  ),
  sparkplug,
  dashboard,
  chartRedraw,
  repeatPublisher,
  replayAsFastAsPossible,
  threeConnections,
  asFastAsPossible,
  soak,
  startup,
];
