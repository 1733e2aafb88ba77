// Issue 15's chart-24h case: 50 series holding a day at 1 Hz each (86,400 points), drawn as
// five charts of ten lines over a 24-hour window, each redrawn as the live window moves on.
// The page (bench/chart-redraw/) uses the app's LiveChart and SeriesHistory; it is built here.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { listen } from '../server/listen.ts';
import type { BenchCase } from './cases.ts';
import { VIEWPORT } from './pages.ts';
import { atLeast, atMost, row } from './report.ts';

const PAGE_ROOT = fileURLToPath(new URL('./chart-redraw', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

interface RedrawFigures {
  series: number;
  charts: number;
  historyPoints: number;
  pointsDrawn: number;
  fillMs: number;
  redraws: number;
  sliceMedianMs: number;
  drawMedianMs: number;
  redrawMedianMs: number;
  redrawP95Ms: number;
  fps: number;
  longestGapMs: number;
}

async function servePage(): Promise<{ url: string; close: () => Promise<void> }> {
  const outDir = join(tmpdir(), `mqtt-scope-chart-redraw-${process.pid}`);
  await build({
    root: PAGE_ROOT,
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
  const server = createServer((request, response) => {
    const path = normalize(new URL(request.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
    const file = path || 'index.html';
    readFile(join(outDir, file))
      .then((body) => {
        response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'text/plain' });
        response.end(body);
      })
      .catch(() => {
        response.writeHead(404);
        response.end();
      });
  });
  const listening = await listen(server, 0, '127.0.0.1', 'web');
  return { url: `http://127.0.0.1:${listening.port}/`, close: listening.close };
}

export const chartRedraw: BenchCase = {
  name: 'chart-24h',
  async run(context) {
    const seconds = context.quick ? 2 : 5;
    const served = await servePage();
    try {
      const page = await context.browser.newPage({ viewport: VIEWPORT });
      try {
        await page.goto(`${served.url}?series=50&perChart=10&seconds=${seconds}`);
        const handle = await page.waitForFunction(
          () => (window as unknown as { chartRedraw?: unknown }).chartRedraw,
          undefined,
          { timeout: 120_000 },
        );
        const figures = (await handle.jsonValue()) as RedrawFigures;
        return {
          name: this.name,
          title: `${figures.series} series × ${figures.historyPoints.toLocaleString('en-US')} points (24 h at 1 Hz), ${figures.charts} charts of 10 lines, 24-h window, each chart redrawn when due as live ones are (once a second for 24 h), ${seconds} s`,
          rows: [
            row('redraws', figures.redraws, null),
            row('points drawn (all charts)', figures.pointsDrawn, null),
            row('downsample per chart, median (ms)', figures.sliceMedianMs, null, undefined, 2),
            row('render + layout per chart, median (ms)', figures.drawMedianMs, null, undefined, 2),
            row(
              'redraw per chart, median (ms)',
              figures.redrawMedianMs,
              null,
              atMost(16, ' ms'),
              2,
            ),
            row('redraw per chart, 95th percentile (ms)', figures.redrawP95Ms, null, undefined, 2),
            row('fps while redrawing', figures.fps, null, atLeast(55)),
            row('longest frame gap (ms)', figures.longestGapMs, null),
          ],
          details: { ...figures },
        };
      } finally {
        await page.close();
      }
    } finally {
      await served.close();
    }
  },
};
