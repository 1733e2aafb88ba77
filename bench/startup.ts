// Start-up: the JS a returning visitor downloads before the first chart is drawn, and how long
// from navigation until the first message row appears.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { openApp } from './pages.ts';
import { readProbe } from './page-probes.ts';
import { startPublisher } from './publisher-process.ts';

const STEADY_RATE = 100;
const TIMEOUT_MS = 15_000;

export interface ScriptSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface StartupFigures {
  scripts: ScriptSize[];
  gzipTotalKb: number;
  firstMessageMs: number | null;
  firstChartMs: number | null;
}

export async function measureStartup(
  browser: Browser,
  webUrl: string,
  brokerTcpUrl: string,
  distDir: string,
  track: (stop: () => void) => () => void,
): Promise<StartupFigures> {
  // First visit: subscribe and add the charts, which the app remembers for the next one.
  const { context, page } = await openApp(browser, webUrl);
  const publisher = startPublisher({
    brokerUrl: brokerTcpUrl,
    prefix: 'bench/one',
    topicCount: 1,
    rate: STEADY_RATE,
    count: (STEADY_RATE * TIMEOUT_MS * 2) / 1_000,
    budgetMs: TIMEOUT_MS * 2,
  });
  const untrack = track(publisher.stop);
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    // Everything fetched until the first chart: the entry, its static imports, the worker, and
    // the lazy chart chunk. Seen on the wire, so it follows whatever the build splits out.
    const scripts = new Set<string>();
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (path.endsWith('.js')) scripts.add(path);
    });
    await page.reload();
    const deadline = Date.now() + TIMEOUT_MS;
    let probe = await readProbe(page);
    while ((probe.firstRowAt === null || probe.firstChartAt === null) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      probe = await readProbe(page);
    }
    const sizes = [...scripts].map((path): ScriptSize => {
      const content = readFileSync(join(distDir, path));
      return { file: path, bytes: content.length, gzipBytes: gzipSync(content).length };
    });
    return {
      scripts: sizes,
      gzipTotalKb: sizes.reduce((sum, size) => sum + size.gzipBytes, 0) / 1024,
      firstMessageMs: probe.firstRowAt,
      firstChartMs: probe.firstChartAt,
    };
  } finally {
    publisher.stop();
    untrack();
    await context.close();
  }
}
