// The page of the chart-24h case: the app's own LiveChart and the worker's own SeriesHistory,
// with 50 series of a day at 1 Hz, redrawn like live charts are (each when due, one a frame).
// Built and served by bench/chart-redraw.ts; it reports on `window.chartRedraw`.
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { DAY_MS, SeriesHistory } from '../../src/core/series-history.ts';
import LiveChart from '../../src/features/charts/components/live-chart.tsx';
import type { ChartSpec, ChartView } from '../../src/features/charts/charts-store.ts';
import type { SeriesSnapshot } from '../../src/services/mqtt/index.ts';
import { snapshotInterval } from '../../src/services/mqtt/sinks/series-sink.ts';
import '../../src/app/app.css';

const params = new URLSearchParams(location.search);
const SERIES = Number(params.get('series') ?? 50);
const PER_CHART = Number(params.get('perChart') ?? 10);
const SECONDS = Number(params.get('seconds') ?? 5);
const CHARTS = Math.ceil(SERIES / PER_CHART);
const POINTS = 86_400;

const end = Date.now();
const start = end - DAY_MS;
const fillStarted = performance.now();
const histories = Array.from({ length: SERIES }, (_, s) => {
  const history = new SeriesHistory();
  for (let i = 0; i < POINTS; i += 1) {
    history.push(
      start + (i + 1) * 1_000,
      20 + 5 * Math.sin(i / 600 + s) + (s % 7) + Math.sin(i) * 0.3,
    );
  }
  return history;
});
const fillMs = performance.now() - fillStarted;

const specs: ChartSpec[] = Array.from({ length: CHARTS }, (_, c) => ({
  id: `chart-${c}`,
  connectionId: 'bench',
  title: `Chart ${c + 1}`,
  filter: `bench/${c}/+`,
  jsonPath: '',
  unit: '°C',
  windowMs: DAY_MS,
}));
const views: ChartView[] = specs.map(() => ({ points: 0 }));
const snapshots: (SeriesSnapshot | undefined)[] = specs.map(() => undefined);
const noop = () => undefined;
const onViews = specs.map((_, c) => (view: Partial<ChartView>) => {
  views[c] = { ...views[c], ...view } as ChartView;
});

/** What the worker does for one redraw: the window's points, downsampled to the chart's width. */
function snapshotOf(c: number, to: number): SeriesSnapshot {
  const from = to - DAY_MS;
  const points = views[c]?.points || 2_400;
  const lines = [];
  for (let s = c * PER_CHART; s < Math.min(SERIES, (c + 1) * PER_CHART); s += 1) {
    const history = histories[s] as SeriesHistory;
    lines.push({ topic: `bench/${c}/${s}`, ...history.slice(from, to, points) });
  }
  return { seriesId: specs[c]?.id ?? '', from, to, lines, hiddenTopics: [] };
}

const root = createRoot(document.getElementById('root') as HTMLElement);
function render() {
  root.render(
    <>
      {specs.map((spec, c) => (
        <div key={spec.id} style={{ width: 1200, padding: 8 }}>
          <LiveChart
            spec={spec}
            snapshot={snapshots[c]}
            onChooseTopics={noop}
            windowMs={DAY_MS}
            onWindow={noop}
            onLook={noop}
            view={views[c]}
            onView={onViews[c] as (view: Partial<ChartView>) => void}
          />
        </div>
      ))}
    </>,
  );
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const p95 = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)] ?? 0;

async function run() {
  // First draw at the default width; the charts then say how many points their width takes.
  for (let c = 0; c < CHARTS; c += 1) snapshots[c] = snapshotOf(c, end);
  flushSync(render);
  await frame();
  await frame();
  const slice: number[] = [];
  const draw: number[] = [];
  const redraw: number[] = [];
  const gaps: number[] = [];
  let last = await frame();
  const started = last;
  const stopAt = last + SECONDS * 1_000;
  // As the worker sends them: each chart when due for its window and width, one chart a frame.
  const lastDrawn = specs.map(() => -Infinity);
  while (last < stopAt) {
    let due = -1;
    for (let c = 0; c < CHARTS; c += 1) {
      const interval = snapshotInterval({ windowMs: DAY_MS, points: views[c]?.points || 2_400 });
      if (last - (lastDrawn[c] as number) >= interval) {
        if (due < 0 || (lastDrawn[c] as number) < (lastDrawn[due] as number)) due = c;
      }
    }
    if (due >= 0) {
      // Live: the window moves on with the clock.
      const t0 = performance.now();
      snapshots[due] = snapshotOf(due, end + (last - started));
      const t1 = performance.now();
      flushSync(render);
      void document.body.offsetHeight; // style and layout now, inside the measured span
      const t2 = performance.now();
      slice.push(t1 - t0);
      draw.push(t2 - t1);
      redraw.push(t2 - t0);
      lastDrawn[due] = last;
    }
    const now = await frame();
    gaps.push(now - last);
    last = now;
  }
  const points = snapshots.reduce(
    (sum, snapshot) => sum + (snapshot?.lines.reduce((n, line) => n + line.times.length, 0) ?? 0),
    0,
  );
  (window as unknown as { chartRedraw: unknown }).chartRedraw = {
    series: SERIES,
    charts: CHARTS,
    historyPoints: POINTS,
    pointsDrawn: points,
    fillMs,
    redraws: redraw.length,
    sliceMedianMs: median(slice),
    drawMedianMs: median(draw),
    redrawMedianMs: median(redraw),
    redrawP95Ms: p95(redraw),
    fps: (1_000 * gaps.length) / gaps.reduce((a, b) => a + b, 0),
    longestGapMs: Math.max(...gaps),
  };
}

void run();
