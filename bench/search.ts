// The search over the recorder, measured in a page that already recorded the soak's messages:
// the time until the first screen of matches is drawn, until the whole count is known, and the
// page's frame rate meanwhile.
import type { Page } from '@playwright/test';
import { frameStats, readProbe } from './page-probes.ts';

export interface SearchFigures {
  /** Click to the first matching row in the DOM. */
  firstScreenMs: number;
  /** Click to the final count on screen. */
  wholeCountMs: number;
  /** What the worker says the scan took. */
  workerMs: number;
  matched: number;
  searched: number;
  fps: number;
  longestGapMs: number;
}

/** Runs one search through the UI and times it from the page's own clock. */
export async function measureSearch(
  page: Page,
  fields: { topic?: string; text?: string; field?: string },
  expectRow: string,
): Promise<SearchFigures> {
  const form = page.getByRole('search', { name: 'Search recorded messages' });
  if (!(await form.isVisible())) await page.getByRole('button', { name: 'Search' }).click();
  await form.getByLabel('Topic filter').fill(fields.topic ?? '');
  await form.getByLabel('Payload contains').fill(fields.text ?? '');
  await form.getByLabel('JSON field').fill(fields.field ?? '');
  // The clock starts in the page, in the click's own task, and stops on DOM changes.
  const timing = page.evaluate(
    ({ rowText }) =>
      new Promise<{ start: number; firstRow: number; done: number; status: string }>((resolve) => {
        const button = [...document.querySelectorAll('form[role="search"] button')].find(
          (b) => b.textContent === 'Search',
        ) as HTMLButtonElement;
        let firstRow = 0;
        const start = Date.now();
        const check = () => {
          const rows = document.querySelectorAll('[role="grid"] [role="row"]');
          if (!firstRow && [...rows].some((r) => r.textContent?.includes(rowText)))
            firstRow = Date.now();
          const status = document.querySelector('[data-testid="query-status"]')?.textContent ?? '';
          if (firstRow && / ms$/.test(status)) {
            observer.disconnect();
            resolve({ start, firstRow, done: Date.now(), status });
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        button.click();
      }),
    { rowText: expectRow },
  );
  const { start, firstRow, done, status } = await timing;
  // "1,000 matches in 1,000,000 recorded messages · 123 ms"
  const numbers = [...status.matchAll(/[\d,]+/g)].map((m) => Number(m[0].replace(/,/g, '')));
  const [matched = 0, searched = 0, workerMs = 0] = numbers;
  // Frames over at least one second from the click, so a short search is not judged by 3 frames.
  await page.waitForTimeout(Math.max(0, start + 1_000 - Date.now()) + 50);
  const frames = frameStats(await readProbe(page), start, Math.max(done, start + 1_000));
  return {
    firstScreenMs: firstRow - start,
    wholeCountMs: done - start,
    workerMs,
    matched,
    searched,
    fps: frames.fps,
    longestGapMs: frames.longestGapMs,
  };
}
