// `npm run bench [-- --quick] [-- --case <name>]`: measures the production build (dist/) in
// headless Chromium against a private Mosquitto, beside a bare-WebSocket ceiling page.
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CASES } from './cases.ts';
import type { BenchContext } from './cases.ts';
import { DIST_DIR, startRig } from './rig.ts';
import { formatTable, writeResults } from './report.ts';
import type { CaseResult } from './report.ts';
import { serveCeiling, VIEWPORT } from './pages.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    case: { type: 'string', multiple: true },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(`Usage: npm run bench [-- --quick] [-- --case <name> ...]
  --quick        shorter bursts and fewer messages, for development
  --case <name>  run only this case (repeatable): ${CASES.map((c) => c.name).join(', ')}`);
  process.exit(0);
}
const unknown = (values.case ?? []).filter((name) => !CASES.some((c) => c.name === name));
if (unknown.length > 0) {
  console.error(
    `Unknown case ${unknown.join(', ')}; cases: ${CASES.map((c) => c.name).join(', ')}`,
  );
  process.exit(2);
}
const selected = values.case ? CASES.filter((c) => values.case?.includes(c.name)) : CASES;

// Everything started is stopped in reverse order, on success, error, or Ctrl-C.
const stops: (() => unknown)[] = [];
const track = (stop: () => unknown) => {
  stops.push(stop);
  return () => {
    const index = stops.indexOf(stop);
    if (index >= 0) stops.splice(index, 1);
  };
};
async function stopAll(): Promise<void> {
  for (const stop of stops.splice(0).reverse()) {
    try {
      await stop();
    } catch {
      // Keep stopping the rest.
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping…`);
    void stopAll().finally(() => process.exit(130));
  });
}

const startedAt = new Date();
const results: CaseResult[] = [];
try {
  const { broker, scope, browser } = await startRig(track);
  const ceiling = await serveCeiling();
  track(ceiling.close);

  const context: BenchContext = {
    browser,
    webUrl: scope.webUrl,
    ceilingUrl: ceiling.url,
    brokerWsUrl: broker.wsUrl,
    brokerTcpUrl: broker.tcpUrl,
    distDir: DIST_DIR,
    quick: values.quick,
    track,
  };
  for (const benchCase of selected) {
    const started = Date.now();
    process.stdout.write(`${benchCase.name}… `);
    results.push(await benchCase.run(context));
    console.log(`${((Date.now() - started) / 1_000).toFixed(0)} s`);
  }

  console.log(`\n${formatTable(results)}\n`);
  const file = writeResults(
    `${repoRoot}bench-results`,
    {
      startedAt: startedAt.toISOString(),
      quick: values.quick,
      environment: {
        node: process.version,
        chromium: browser.version(),
        cpus: cpus().length,
        viewport: VIEWPORT,
      },
      measured: {
        fps: 'requestAnimationFrame callbacks per second from the first publish until the counter settled',
        settle:
          "counter's MutationObserver stamp (Date.now) minus the publisher's last publish call",
        heap: 'CDP Runtime.getHeapUsage usedSize, main thread and MQTT worker separately; soak samples after HeapProfiler.collectGarbage',
        longTasks: "PerformanceObserver 'longtask' time inside the window",
      },
      cases: results,
    },
    startedAt,
  );
  console.log(`Results: ${file} (and bench-results/latest.json)`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await stopAll();
}
