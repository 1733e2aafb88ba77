// `npx tsx bench/profile.ts [rate] [topics] [seconds] [charts|stream|dashboard]`: a CPU profile and a trace of the app's
// main thread during one burst, summarised as the functions with the most self time, time per
// bundle chunk, layout-forcing calls and long animation frames. For finding what limits a bench
// figure. (The worker is probed by bench/worker-lag.ts: a CPU profile started in it over CDP
// came back nearly empty while the worker was saturated.)
import { openDashboardApp } from './dashboard.ts';
import { withRig } from './rig.ts';
import { openApp, openStreamOnly } from './pages.ts';
import { startPublisher } from './publisher-process.ts';

const [rate = 5_000, topics = 1, seconds = 5] = process.argv.slice(2, 5).map(Number);
// `stream`: the view a new user starts with, a subscription and the stream, no chart;
// `dashboard`: the dashboard-5k case's thirteen widgets.
const open =
  { stream: openStreamOnly, dashboard: openDashboardApp }[process.argv[5] ?? ''] ?? openApp;

await withRig(async ({ broker, scope, browser }) => {
  const { page } = await open(browser, scope.webUrl);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await browser.startTracing(page, { categories: ['devtools.timeline'] });
  const publisher = startPublisher({
    brokerUrl: broker.tcpUrl,
    prefix: topics === 1 ? 'bench/one' : 'bench/spread',
    topicCount: topics,
    rate,
    count: rate * seconds,
    budgetMs: seconds * 1_000 + 10_000,
  });
  await publisher.done;
  const trace = await browser.stopTracing();
  if (process.env.TRACE_OUT) (await import('node:fs')).writeFileSync(process.env.TRACE_OUT, trace);
  summariseTrace(trace.toString('utf8'));
  const { profile } = await cdp.send('Profiler.stop');
  console.log('Main thread:');
  summarise(profile as CpuProfile);
});

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
}

function describeFrame(node: ProfileNode | undefined): string {
  if (!node) return '?';
  const frame = node.callFrame;
  const file = frame.url.split('/').pop() ?? '';
  return `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
}

function summarise(profile: CpuProfile): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parentOf.set(child, node.id);
  const selfSamples = new Map<number, number>();
  for (const id of profile.samples ?? []) selfSamples.set(id, (selfSamples.get(id) ?? 0) + 1);
  const total = profile.samples?.length ?? 1;
  const byFunction = new Map<string, number>();
  for (const [id, count] of selfSamples) {
    const key = describeFrame(byId.get(id));
    byFunction.set(key, (byFunction.get(key) ?? 0) + count);
  }
  const rows = [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 30);
  for (const [key, count] of rows)
    console.log(`${((100 * count) / total).toFixed(1).padStart(5)}%  ${key}`);
  // Inclusive time per bundle chunk: a sample counts for each chunk on its stack.
  const byChunk = new Map<string, number>();
  for (const [id, count] of selfSamples) {
    const chunks = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const url = byId.get(at)?.callFrame.url ?? '';
      const chunk = url.split('/').pop()?.split('-')[0];
      if (chunk && url.includes('/assets/')) chunks.add(chunk);
    }
    for (const chunk of chunks) byChunk.set(chunk, (byChunk.get(chunk) ?? 0) + count);
  }
  console.log('Inclusive time by chunk:');
  for (const [chunk, count] of byChunk)
    console.log(`${((100 * count) / total).toFixed(1).padStart(5)}%  ${chunk}`);
  // Native calls that force layout: who makes them, a few frames up.
  const callers = new Map<string, number>();
  for (const [id, count] of selfSamples) {
    const name = byId.get(id)?.callFrame.functionName ?? '';
    if (!['getBoundingClientRect', 'getTotalLength', 'getComputedStyle'].includes(name)) continue;
    const chain: string[] = [name];
    for (let at = parentOf.get(id), depth = 0; at !== undefined && depth < 5; depth += 1) {
      chain.push(describeFrame(byId.get(at)));
      at = parentOf.get(at);
    }
    const key = chain.join(' < ');
    callers.set(key, (callers.get(key) ?? 0) + count);
  }
  console.log('\nLayout-forcing calls by caller:');
  for (const [key, count] of [...callers].sort((a, b) => b[1] - a[1]).slice(0, 8)) {
    console.log(`${((100 * count) / total).toFixed(1).padStart(5)}%  ${key}`);
  }
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tid: number;
  pid: number;
  args?: { name?: string };
}

/** Time by event kind on the renderer's main thread: script, style, layout, paint. */
function summariseTrace(json: string): void {
  const events = (JSON.parse(json) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = events.find(
    (event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain',
  );
  const kinds = [
    'FunctionCall',
    'EventDispatch',
    'FireAnimationFrame',
    'TimerFire',
    'UpdateLayoutTree',
    'Layout',
    'Paint',
    'PrePaint',
    'Layerize',
    'Commit',
    'HitTest',
    'MajorGC',
    'MinorGC',
    'RunMicrotasks',
    'ParseHTML',
  ];
  const totals = new Map<string, number>();
  for (const event of events) {
    if (!main || event.pid !== main.pid || event.tid !== main.tid || event.ph !== 'X') continue;
    if (!kinds.includes(event.name)) continue;
    totals.set(event.name, (totals.get(event.name) ?? 0) + (event.dur ?? 0) / 1_000);
  }
  const frames = events
    .filter((event) => main && event.pid === main.pid && event.tid === main.tid)
    .filter((event) => event.name === 'FireAnimationFrame' && event.ph === 'X')
    .map((event) => (event.dur ?? 0) / 1_000)
    .sort((a, b) => b - a);
  const over = (ms: number) => frames.filter((d) => d > ms).length;
  console.log(
    `rAF callbacks: ${frames.length}, over 8 ms: ${over(8)}, over 16 ms: ${over(16)}, longest: ${frames
      .slice(0, 8)
      .map((d) => d.toFixed(0))
      .join(', ')} ms`,
  );
  console.log('Renderer main thread, ms by event (nested events overlap):');
  for (const [name, ms] of [...totals].sort((a, b) => b[1] - a[1]))
    console.log(`${ms.toFixed(0).padStart(8)}  ${name}`);
}
