// `npx tsx bench/worker-lag.ts [count]`: is the MQTT worker the bottleneck at full speed?
// A 10 ms timer inside the worker records how late it fires while an unthrottled burst
// arrives; a saturated thread fires it rarely and late. Needs `npm run build` first.
import { measureBurst } from './measure.ts';
import { withRig } from './rig.ts';
import { openApp } from './pages.ts';

const count = Number(process.argv[2] ?? 150_000);
await withRig(async ({ broker, scope, browser }) => {
  const target = await openApp(browser, scope.webUrl);
  const worker = target.page.workers()[0];
  if (!worker) throw new Error('the app started no worker');
  await worker.evaluate(() => {
    const probe = globalThis as unknown as { timerLag: number[] };
    probe.timerLag = [];
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      probe.timerLag.push(now - last - 10);
      last = now;
    }, 10);
  });
  const burst = await measureBurst(
    target,
    {
      brokerUrl: broker.tcpUrl,
      prefix: 'bench/one',
      topicCount: 1,
      count,
      rate: 0,
      budgetMs: 120_000,
    },
    { track: () => () => undefined },
  );
  const lag = await worker.evaluate(
    () => (globalThis as unknown as { timerLag: number[] }).timerLag,
  );
  const seconds =
    (burst.publisher.lastAt - burst.publisher.firstAt) / 1_000 + (burst.settleMs ?? 0) / 1_000;
  const late = lag.filter((ms) => ms > 5);
  console.log(
    `ingest ${Math.round(burst.ingestRate ?? 0)} msg/s, ${burst.fps.toFixed(1)} fps on the page`,
  );
  console.log(
    `worker 10 ms timer: fired ${lag.length} times in ~${seconds.toFixed(0)} s (${Math.round(seconds * 100)} if idle), ` +
      `${late.length} late by ${(late.reduce((a, b) => a + b, 0) / Math.max(1, late.length)).toFixed(0)} ms on average`,
  );
});
