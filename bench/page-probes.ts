// Instrumentation injected into every bench page (the app and the ceiling) before its own
// scripts run, and the Node-side arithmetic over what it collected.
import type { BrowserContext, Page } from '@playwright/test';

/** Everything is stamped in wall-clock ms (Date.now's clock), like the publisher's report. */
export interface ProbeData {
  /** One entry per animation frame. */
  frames: number[];
  /** [start, duration] of each long task (> 50 ms on the main thread). */
  longTasks: [number, number][];
  /** [time, value] each time the received counter's text changed. */
  counts: [number, number][];
  /** ms from navigation start until the first message row / the first chart line was in the DOM. */
  firstRowAt: number | null;
  firstChartAt: number | null;
}

interface ProbeSelectors {
  counter: string;
  row: string;
  chart: string;
}

const SELECTORS: ProbeSelectors = {
  counter: '[data-testid="received-count"]',
  row: '[role="grid"][aria-label="Messages"] [role="row"]',
  chart: 'figure.chart svg path.chart-line',
};

declare global {
  interface Window {
    __bench?: ProbeData;
  }
}

/** Runs in the page. Self-contained: Playwright sends it as source text. */
function probe(selectors: ProbeSelectors): void {
  const LIMIT = 200_000;
  const origin = performance.timeOrigin;
  const data: ProbeData = {
    frames: [],
    longTasks: [],
    counts: [],
    firstRowAt: null,
    firstChartAt: null,
  };
  window.__bench = data;

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (data.longTasks.length < LIMIT)
        data.longTasks.push([origin + entry.startTime, entry.duration]);
    }
  }).observe({ type: 'longtask', buffered: true });

  // The counter is watched on its own element, so its change is stamped in the task that made
  // it, not a frame later. Until it exists, the whole document is watched for it.
  let counter: Element | null = null;
  const readCounter = () => {
    const value = Number((counter?.textContent ?? '').replace(/\D/g, ''));
    const last = data.counts[data.counts.length - 1];
    if (last?.[1] !== value && data.counts.length < LIMIT) data.counts.push([Date.now(), value]);
  };
  const counterObserver = new MutationObserver(readCounter);
  const documentObserver = new MutationObserver(() => {
    if (!counter) {
      counter = document.querySelector(selectors.counter);
      if (counter) {
        counterObserver.observe(counter, { childList: true, characterData: true, subtree: true });
        readCounter();
      }
    }
    if (data.firstRowAt === null && document.querySelector(selectors.row))
      data.firstRowAt = performance.now();
    if (data.firstChartAt === null && document.querySelector(selectors.chart))
      data.firstChartAt = performance.now();
    if (counter && data.firstRowAt !== null && data.firstChartAt !== null)
      documentObserver.disconnect();
  });
  documentObserver.observe(document, { childList: true, subtree: true });

  const onFrame = (time: number) => {
    if (data.frames.length < LIMIT) data.frames.push(origin + time);
    if (counter && !counter.isConnected) {
      counterObserver.disconnect();
      counter = null;
      documentObserver.observe(document, { childList: true, subtree: true });
    }
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
}

export async function installProbes(context: BrowserContext): Promise<void> {
  // tsx (esbuild keepNames) wraps named functions in __name(); give the page a no-op one.
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  await context.addInitScript(probe, SELECTORS);
}

export async function readProbe(page: Page): Promise<ProbeData> {
  const data = await page.evaluate(() => window.__bench);
  if (!data) throw new Error('the bench probes are not installed in this page');
  return data;
}

/** The latest value of the page's received counter. */
export async function currentCount(page: Page): Promise<number> {
  return page.evaluate(() => window.__bench?.counts.at(-1)?.[1] ?? 0);
}

export interface FrameStats {
  fps: number;
  /** Fewest frames in any whole second of the window; null if the window is under a second. */
  worstSecondFps: number | null;
  longestGapMs: number;
  longTaskMs: number;
}

/** Frame and long-task figures over the window [from, to] (wall-clock ms). */
export function frameStats(data: ProbeData, from: number, to: number): FrameStats {
  const frames = data.frames.filter((time) => time >= from && time <= to);
  let longestGapMs = 0;
  let previous = from;
  for (const time of [...frames, to]) {
    longestGapMs = Math.max(longestGapMs, time - previous);
    previous = time;
  }
  let worstSecondFps: number | null = null;
  for (let start = from; start + 1_000 <= to; start += 1_000) {
    const inSecond = frames.filter((time) => time >= start && time < start + 1_000).length;
    worstSecondFps = Math.min(worstSecondFps ?? Infinity, inSecond);
  }
  let longTaskMs = 0;
  for (const [start, duration] of data.longTasks) {
    longTaskMs += Math.max(0, Math.min(to, start + duration) - Math.max(from, start));
  }
  return {
    fps: (frames.length * 1_000) / Math.max(1, to - from),
    worstSecondFps,
    longestGapMs,
    longTaskMs,
  };
}

/** When the counter first showed at least `total`, or null if it never did. */
export function reachedAt(data: ProbeData, total: number): number | null {
  return data.counts.find(([, value]) => value >= total)?.[0] ?? null;
}

/** Messages per second the counter advanced by, from its first change to its last. */
export function ingestRate(data: ProbeData): number | null {
  const first = data.counts.find(([, value]) => value > 0);
  const last = data.counts.at(-1);
  if (!first || !last || last[0] <= first[0]) return null;
  return ((last[1] - first[1]) * 1_000) / (last[0] - first[0]);
}
