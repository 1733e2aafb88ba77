// One measured burst: publish a bounded stream into a page that is already listening, wait
// until its counter settles, and turn the probes' records into figures.
import type { BenchPage } from './pages.ts';
import type { HeapSample } from './heap.ts';
import { currentCount, frameStats, ingestRate, readProbe, reachedAt } from './page-probes.ts';
import type { FrameStats } from './page-probes.ts';
import { startPublisher } from './publisher-process.ts';
import type { PublishPlan, PublishReport } from './publisher-process.ts';

/** The counter is considered settled short of the total once it stops moving this long. */
const STALL_MS = 3_000;
/** How long after the publisher's time budget the page may take to catch up. */
const CATCH_UP_MS = 60_000;
const POLL_MS = 100;

export interface BurstFigures extends FrameStats {
  sent: number;
  received: number;
  accountedPct: number;
  /** msgs/s the page's counter advanced by. */
  ingestRate: number | null;
  /** From the publisher's last publish until the counter showed the total; null if it never did. */
  settleMs: number | null;
  heapAtEnd: HeapSample;
  /** Heap after a forced GC when the counter passed each requested count. */
  heapAt: { count: number; heap: HeapSample }[];
  publisher: PublishReport;
}

export interface BurstOptions {
  /** Counts at which to force a GC and sample the heap (the soak). */
  heapAt?: number[];
  /** Called with a stop function while the publisher runs, so Ctrl-C can end it. */
  track: (stop: () => void) => () => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function measureBurst(
  target: BenchPage,
  plan: PublishPlan,
  options: BurstOptions,
): Promise<BurstFigures> {
  const { page, heap } = target;
  const heapAt: BurstFigures['heapAt'] = [];
  const pendingHeapCounts = [...(options.heapAt ?? [])].sort((a, b) => a - b);
  const publisher = startPublisher(plan);
  const untrack = options.track(publisher.stop);
  // Filled in by the publisher's promise while the loop below polls the page.
  const outcome: { report: PublishReport | null; failure: unknown } = {
    report: null,
    failure: null,
  };
  publisher.done.then(
    (report) => (outcome.report = report),
    (failure: unknown) => (outcome.failure = failure ?? new Error('the publisher failed')),
  );

  try {
    const deadline = Date.now() + plan.budgetMs + CATCH_UP_MS;
    let count = -1;
    let changedAt = Date.now();
    while (Date.now() < deadline) {
      await sleep(POLL_MS);
      if (outcome.failure) throw outcome.failure;
      const now = await currentCount(page);
      if (now !== count) [count, changedAt] = [now, Date.now()];
      while (pendingHeapCounts[0] !== undefined && count >= pendingHeapCounts[0]) {
        pendingHeapCounts.shift();
        heapAt.push({ count, heap: await heap.sample(true) });
      }
      const done = outcome.report;
      if (done && (count >= done.sent || Date.now() - changedAt > STALL_MS)) break;
    }
    const finished = outcome.report;
    if (!finished) throw new Error('the publisher did not finish within its time budget');
    // A sample the counter never reached (messages lost) is taken at the end instead.
    for (const _ of pendingHeapCounts) heapAt.push({ count, heap: await heap.sample(true) });

    const data = await readProbe(page);
    const received = data.counts.at(-1)?.[1] ?? 0;
    const settledAt = reachedAt(data, finished.sent);
    const lastChange = data.counts.at(-1)?.[0] ?? finished.lastAt;
    const windowEnd = Math.max(finished.lastAt, settledAt ?? lastChange);
    return {
      sent: finished.sent,
      received,
      accountedPct: (100 * received) / finished.sent,
      ingestRate: ingestRate(data),
      settleMs: settledAt === null ? null : settledAt - finished.lastAt,
      ...frameStats(data, finished.firstAt, windowEnd),
      heapAtEnd: await heap.sample(),
      heapAt,
      publisher: finished,
    };
  } finally {
    publisher.stop();
    untrack();
  }
}
