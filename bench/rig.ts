// What every bench script needs: a private Mosquitto, the production build served against it,
// and headless Chromium with the project's launch options. All on free loopback ports.
import { chromium } from '@playwright/test';
import type { Browser } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import playwrightConfig from '../playwright.config.ts';
import { startScope } from '../server/scope-server.ts';
import type { RunningScope } from '../server/scope-server.ts';
import { startBenchMosquitto } from './mosquitto.ts';
import type { BenchBroker } from './mosquitto.ts';

/** The build measured; SCOPE_BENCH_DIST points at another (an earlier commit's) to compare. */
export const DIST_DIR =
  process.env.SCOPE_BENCH_DIST || fileURLToPath(new URL('../dist', import.meta.url));

export interface BenchRig {
  broker: BenchBroker;
  scope: RunningScope;
  browser: Browser;
}

/** Starts the rig; each part is handed to `track` as soon as it runs, so a failure stops it. */
export async function startRig(track: (stop: () => unknown) => unknown): Promise<BenchRig> {
  const broker = await startBenchMosquitto();
  track(broker.stop);
  const scope = await startScope({
    port: 0,
    broker: false,
    brokerUrl: broker.wsUrl,
    simulator: false,
    distDir: DIST_DIR,
  });
  track(scope.close);
  const browser = await chromium.launch({ ...playwrightConfig.use?.launchOptions, headless: true });
  track(() => browser.close());
  return { broker, scope, browser };
}

/** For one-off scripts: runs `use` on a rig and stops everything afterwards, in reverse. */
export async function withRig(use: (rig: BenchRig) => Promise<void>): Promise<void> {
  const stops: (() => unknown)[] = [];
  try {
    await use(await startRig((stop) => stops.push(stop)));
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}
