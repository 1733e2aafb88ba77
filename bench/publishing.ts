// Issue 16's cases: the repeat publisher's rate while the page shows what it sends, and a
// replay as fast as possible next to the bench's own Node publisher through the same broker.
import mqtt from 'mqtt';
import type { Page } from '@playwright/test';
import { exportHeader, exportLine } from '../src/core/recorder/export-format.ts';
import type { BenchContext, BenchCase } from './cases.ts';
import { frameStats, readProbe } from './page-probes.ts';
import { openConnectedApp, subscribeInApp } from './pages.ts';
import { startPublisher } from './publisher-process.ts';
import { atLeast, atMost, row } from './report.ts';

/** Counts what arrives on `filter` at the bench broker, with the first and last arrival times. */
async function countAtBroker(brokerTcpUrl: string, filter: string) {
  const client = await mqtt.connectAsync(brokerTcpUrl, {
    clientId: `bench-counter-${process.pid}-${Date.now()}`,
    reconnectPeriod: 0,
  });
  const tally = { count: 0, firstAt: 0, lastAt: 0 };
  client.on('message', () => {
    const now = Date.now();
    if (tally.count === 0) tally.firstAt = now;
    tally.lastAt = now;
    tally.count += 1;
  });
  await client.subscribeAsync(filter, { qos: 0 });
  return {
    tally,
    /** Messages per second from the first arrival to the last. */
    rate: () =>
      tally.lastAt > tally.firstAt
        ? ((tally.count - 1) * 1_000) / (tally.lastAt - tally.firstAt)
        : null,
    async until(count: number, timeoutMs: number) {
      const deadline = Date.now() + timeoutMs;
      while (tally.count < count && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => client.endAsync(),
  };
}

async function withPage<T>(context: BenchContext, use: (page: Page) => Promise<T>): Promise<T> {
  const opened = await openConnectedApp(context.browser, context.webUrl);
  try {
    return await use(opened.page);
  } finally {
    await opened.context.close();
  }
}

const REPEAT_RATE = 1_000;

export const repeatPublisher: BenchCase = {
  name: 'repeat-1k',
  async run(context) {
    const seconds = context.quick ? 5 : 60;
    const count = REPEAT_RATE * seconds;
    const counter = await countAtBroker(context.brokerTcpUrl, 'bench/repeat');
    try {
      const frames = await withPage(context, async (page) => {
        // The page shows its own messages: it is subscribed to what it sends.
        await subscribeInApp(page, 'bench/#');
        const form = page.getByRole('form', { name: 'Publish' });
        await form.getByLabel('Topic').fill('bench/repeat');
        await form
          .getByRole('textbox', { name: 'Payload' })
          .fill('{"n":{{counter}},"t":{{timestamp}}}');
        await page.getByText('Repeat', { exact: true }).click();
        await page.getByLabel('Every (ms)').fill(String(1_000 / REPEAT_RATE));
        await page.getByLabel('Times (empty: until stopped)').fill(String(count));
        const startedAt = Date.now();
        await page.getByRole('button', { name: 'Start repeating' }).click();
        await counter.until(count, seconds * 1_500 + 10_000);
        const endedAt = Date.now();
        // The first second is the ramp: the measured window is the steady part.
        return frameStats(await readProbe(page), startedAt + 1_000, endedAt);
      });
      const rate = counter.rate();
      return {
        name: 'repeat-1k',
        title: `Repeat publisher, 1,000 msg/s for ${seconds} s, page subscribed to it`,
        rows: [
          row('arrived at the broker', counter.tally.count, null, atLeast(count)),
          row('rate at the broker (msg/s)', rate, null, atLeast(REPEAT_RATE * 0.98)),
          row(
            'rate over plan (%)',
            rate === null ? null : (100 * rate) / REPEAT_RATE,
            null,
            atMost(102, '%'),
            2,
          ),
          row('fps', frames.fps, null, atLeast(58)),
          row('worst 1-s fps', frames.worstSecondFps, null, atLeast(50)),
          row('longest frame gap (ms)', frames.longestGapMs, null, atMost(100, ' ms')),
          row('long tasks total (ms)', frames.longTaskMs, null),
        ],
        details: { tally: { ...counter.tally }, frames },
      };
    } finally {
      await counter.close();
    }
  },
};

/** A recording as the export writes it: `count` messages on ten topics, 1 ms apart. */
function recordingText(count: number): string {
  const t0 = Date.UTC(2026, 11, 2);
  const lines: string[] = [exportHeader('jsonl', t0)];
  const encoder = new TextEncoder();
  for (let i = 0; i < count; i += 1) {
    const payload = encoder.encode(`{"v":${(20 + Math.sin(i / 500)).toFixed(2)},"seq":${i}}`);
    lines.push(
      exportLine('jsonl', {
        time: t0 + i,
        connection: 'Bench',
        topic: `bench/replay/${i % 10}`,
        qos: 0,
        retain: false,
        dup: false,
        published: false,
        size: payload.length,
        cut: false,
        payload,
        properties: null,
      }),
    );
  }
  return lines.join('');
}

export const replayAsFastAsPossible: BenchCase = {
  name: 'replay-afap',
  async run(context) {
    const count = context.quick ? 20_000 : 100_000;
    // The baseline: the bench's Node publisher, as fast as it goes, through the same broker.
    const baseline = await countAtBroker(context.brokerTcpUrl, 'bench/replaybase/#');
    const report = await startPublisher({
      brokerUrl: context.brokerTcpUrl,
      prefix: 'bench/replaybase',
      topicCount: 10,
      count,
      rate: 0,
      budgetMs: 60_000,
    }).done;
    await baseline.until(report.sent, 30_000);
    const nodeRate = baseline.rate();
    await baseline.close();

    const replayed = await countAtBroker(context.brokerTcpUrl, 'bench/replay/#');
    try {
      await withPage(context, async (page) => {
        await page.getByLabel('Open a recording').setInputFiles({
          name: 'bench-recording.jsonl',
          mimeType: 'application/x-ndjson',
          buffer: Buffer.from(recordingText(count)),
        });
        await page
          .getByRole('list', { name: 'Open recordings' })
          .filter({ hasText: `${count.toLocaleString('en-US')} messages` })
          .waitFor({ timeout: 60_000 });
        await page
          .getByRole('button', { name: 'Replay bench-recording.jsonl to a broker' })
          .click();
        const form = page.getByRole('form', { name: 'Replay bench-recording.jsonl' });
        await form.getByLabel('Speed').selectOption({ label: 'As fast as possible' });
        await form.getByRole('button', { name: 'Start replay' }).click();
        await replayed.until(count, 60_000);
      });
      const replayRate = replayed.rate();
      return {
        name: 'replay-afap',
        title: `Replay as fast as possible, ${count.toLocaleString('en-US')} messages (ceiling: the Node publisher)`,
        rows: [
          row('arrived at the broker', replayed.tally.count, report.sent, atLeast(count)),
          row('rate at the broker (msg/s)', replayRate, nodeRate, {
            text: '≥0.8× Node',
            pass: (_, ratio) => ratio !== null && ratio >= 0.8,
          }),
        ],
        details: { baseline: { ...baseline.tally, rate: nodeRate }, replay: { ...replayed.tally } },
      };
    } finally {
      await replayed.close();
    }
  },
};
