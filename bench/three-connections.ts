// The bench case for several brokers at once: three connections in one page, each subscribed
// to its own stream at 5,000 msg/s. One worker paces them all, so the page should draw at the
// same frame rate as with one connection, and every message must be counted on its connection.
import { subscribeInApp } from './pages.ts';
import type { BenchPage } from './pages.ts';
import { currentCount, frameStats, readProbe } from './page-probes.ts';
import { startPublisher } from './publisher-process.ts';
import type { PublishReport } from './publisher-process.ts';

export const CONNECTIONS = ['Demo broker', 'Line 2', 'Line 3'];
const STALL_MS = 3_000;
const CATCH_UP_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const prefixOf = (index: number) => `bench3/c${index + 1}`;

/** The app with the default view (four charts on the first connection) and two more brokers. */
export async function openThreeConnections(
  open: Promise<BenchPage>,
  brokerWsUrl: string,
): Promise<BenchPage> {
  const opened = await open;
  const { page } = opened;
  for (const name of CONNECTIONS.slice(1)) {
    await page.getByRole('button', { name: '+ New' }).click();
    const dialog = page.getByRole('dialog', { name: 'New connection' });
    await dialog.getByLabel('Name', { exact: true }).fill(name);
    await dialog.getByLabel('Paste a broker URL').fill(brokerWsUrl);
    await dialog.getByRole('button', { name: 'Split' }).click();
    await dialog.getByRole('button', { name: 'Add connection' }).click();
    await page.getByRole('button', { name: `Connect ${name}` }).click();
  }
  for (const [index, name] of CONNECTIONS.entries()) {
    await page.getByRole('button', { name: `Show ${name}` }).click();
    await page
      .getByRole('status', { name: 'Connection status' })
      .filter({ hasText: 'Connected' })
      .waitFor();
    await subscribeInApp(page, `${prefixOf(index)}/#`);
  }
  return opened;
}

export interface ThreeFigures {
  sent: number[];
  counted: number[];
  fps: number;
  worstSecondFps: number | null;
  longestGapMs: number;
  heapMainMb: number;
  heapWorkerMb: number | null;
}

/** Publishes `perConnection` messages at `rate` to each connection's stream at once. */
export async function measureThree(
  target: BenchPage,
  brokerTcpUrl: string,
  rate: number,
  perConnection: number,
  track: (stop: () => void) => () => void,
): Promise<ThreeFigures> {
  const { page, heap } = target;
  const budgetMs = Math.round((perConnection / rate) * 1_500 + 5_000);
  const publishers = CONNECTIONS.map((_, index) =>
    startPublisher({
      brokerUrl: brokerTcpUrl,
      prefix: prefixOf(index),
      topicCount: 1,
      count: perConnection,
      rate,
      budgetMs,
    }),
  );
  const untrack = publishers.map((publisher) => track(publisher.stop));
  try {
    const reports: PublishReport[] = await Promise.all(publishers.map((p) => p.done));
    const total = reports.reduce((sum, report) => sum + report.sent, 0);
    const deadline = Date.now() + CATCH_UP_MS;
    let count = -1;
    let changedAt = Date.now();
    while (Date.now() < deadline) {
      await sleep(100);
      const now = await currentCount(page);
      if (now !== count) [count, changedAt] = [now, Date.now()];
      if (count >= total || Date.now() - changedAt > STALL_MS) break;
    }
    const data = await readProbe(page);
    const firstAt = Math.min(...reports.map((r) => r.firstAt));
    const lastAt = Math.max(...reports.map((r) => r.lastAt));
    const settledAt = data.counts.find(([, value]) => value >= total)?.[0] ?? lastAt;
    const frames = frameStats(data, firstAt, Math.max(lastAt, settledAt));
    // Each connection's own counter: the stream shown for one connection at a time.
    const counted: number[] = [];
    for (const name of CONNECTIONS) {
      await page.getByLabel('Show messages from').selectOption({ label: name });
      const text = await page.getByTestId('received-count').textContent();
      counted.push(Number((text ?? '0').replace(/,/g, '')));
    }
    const end = await heap.sample();
    return {
      sent: reports.map((report) => report.sent),
      counted,
      fps: frames.fps,
      worstSecondFps: frames.worstSecondFps,
      longestGapMs: frames.longestGapMs,
      heapMainMb: end.mainMb,
      heapWorkerMb: end.workerMb,
    };
  } finally {
    for (const publisher of publishers) publisher.stop();
    for (const stop of untrack) stop();
  }
}
