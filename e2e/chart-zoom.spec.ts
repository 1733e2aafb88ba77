import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { addChartInUi, expect, openDashboard, test } from './support/fixtures.ts';

const span = async (chart: ReturnType<Page['getByRole']>) =>
  Number(await chart.getAttribute('data-span-ms'));

test.describe('chart windows, zoom and stats', () => {
  test('the window picker changes the time axis and is saved with the chart', async ({
    page,
    scope,
    nodeClient,
  }) => {
    await openDashboard(page, scope);
    const chart = await addChartInUi(page, 'e2e/window/temp', 'Window test');
    await nodeClient.publishAsync('e2e/window/temp', '21');
    await expect(chart.locator('path.chart-line')).toHaveCount(1);
    const window = chart.getByRole('combobox', { name: 'Window' });
    await expect(window).toHaveValue(String(5 * 60_000));
    await expect.poll(() => span(chart)).toBe(5 * 60_000);

    await window.selectOption({ label: '1 min' });
    await expect.poll(() => span(chart)).toBe(60_000);
    const minuteLabels = await chart.locator('.chart-axis text').allTextContents();
    // A minute of axis reads in seconds: at least one label carries them.
    expect(minuteLabels.some((label) => /^\d\d:\d\d:\d\d$/.test(label))).toBe(true);

    await window.selectOption({ label: '6 h' });
    await expect.poll(() => span(chart)).toBe(6 * 3_600_000);
    const hourLabels = (await chart.locator('.chart-axis text').allTextContents()).filter((l) =>
      /\d\d:\d\d/.test(l),
    );
    expect(hourLabels.length).toBeGreaterThanOrEqual(2);
    expect(hourLabels.every((label) => /\d\d:\d\d$/.test(label) && !/:\d\d:\d\d/.test(label))).toBe(
      true,
    );

    await page.reload();
    await expect(
      page
        .getByRole('figure', { name: 'Chart Window test' })
        .getByRole('combobox', { name: 'Window' }),
    ).toHaveValue(String(6 * 3_600_000));
  });

  test('dragging across the plot zooms and pauses, and Back to live returns', async ({
    page,
    scope,
    nodeClient,
  }) => {
    await openDashboard(page, scope);
    const chart = await addChartInUi(page, 'e2e/zoom/level', 'Zoom test', 'cm');
    await chart.getByRole('combobox', { name: 'Window' }).selectOption({ label: '1 min' });
    await nodeClient.publishAsync('e2e/zoom/level', '10');
    await expect(chart.locator('path.chart-line')).toHaveCount(1);
    await expect.poll(() => span(chart)).toBe(60_000);
    await expect(chart.getByRole('toolbar')).toContainText('Live');

    const plot = chart.getByRole('group', { name: /Plot of Zoom test/ });
    await plot.scrollIntoViewIfNeeded();
    const box = await plot.boundingBox();
    if (!box) throw new Error('the plot has no box');
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 5 });
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();

    const back = chart.getByRole('button', { name: 'Back to live' });
    await expect(back).toBeVisible();
    await expect(chart.getByRole('toolbar')).toContainText('Paused');
    await expect.poll(() => span(chart)).toBeLessThan(30_000);
    const zoomed = await span(chart);

    // Keyboard: the plot pans with the arrow keys, keeping the zoomed span.
    const before = await chart.getByRole('toolbar').textContent();
    await plot.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(chart.getByRole('toolbar')).not.toHaveText(before ?? '');
    expect(await span(chart)).toBeCloseTo(zoomed, -1);

    // Paused, data is still recorded: it shows on returning to live.
    await nodeClient.publishAsync('e2e/zoom/level', '77');
    await back.click();
    await expect(back).toBeHidden();
    await expect(chart.getByRole('toolbar')).toContainText('Live');
    await expect(chart).toHaveAttribute('data-window-ms', '60000');
    await expect(chart.locator('figcaption')).toContainText('77 cm');
    // Live again with two points a few seconds apart: the axis runs from the older to the newer
    // (the window fills as data comes), not the zoomed span.
    await expect.poll(() => span(chart)).not.toBeCloseTo(zoomed, -1);
    expect(await span(chart)).toBeLessThanOrEqual(60_000);
  });

  test('min, average, max and last of the window match what was published, and export as CSV', async ({
    page,
    scope,
    nodeClient,
  }) => {
    await openDashboard(page, scope);
    const chart = await addChartInUi(page, 'e2e/stats/+', 'Stats test', '°C');
    for (const value of [10, 30, 20]) await nodeClient.publishAsync('e2e/stats/a', String(value));
    for (const value of [-4, 1.5]) await nodeClient.publishAsync('e2e/stats/b', String(value));
    const table = chart.getByRole('table', { name: 'Statistics of Stats test' });
    const rowA = table.getByRole('row', { name: /^a / });
    await expect(rowA.getByRole('cell')).toHaveText(['10 °C', '20 °C', '30 °C', '20 °C']);
    const rowB = table.getByRole('row', { name: /^b / });
    await expect(rowB.getByRole('cell')).toHaveText(['-4 °C', '-1.25 °C', '1.5 °C', '1.5 °C']);
    const download = page.waitForEvent('download');
    await chart.getByRole('button', { name: 'Export CSV of Stats test' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^Stats-test-.*\.csv$/);
    const path = await file.path();
    const csv = readFileSync(path, 'utf8').split('\r\n');
    expect(csv[0]).toBe('time,topic,value');
    const rows = csv.slice(1, -1).map((line) => line.split(',').slice(1).join(','));
    expect(rows).toEqual([
      'e2e/stats/a,10',
      'e2e/stats/a,30',
      'e2e/stats/a,20',
      'e2e/stats/b,-4',
      'e2e/stats/b,1.5',
    ]);
    // A threshold line at a value, in a colour, saved with the chart.
    await chart.getByRole('button', { name: 'Lines and bands of Stats test' }).click();
    const thresholdForm = chart.getByRole('form', { name: 'Lines and bands of Stats test' });
    await thresholdForm.getByRole('button', { name: '+ Add threshold line' }).click();
    const thresholdLine = thresholdForm.getByRole('group', { name: 'Line 1' });
    await thresholdLine.getByLabel('Value').fill('lots');
    await thresholdForm.getByRole('button', { name: 'Save' }).click();
    await expect(thresholdLine.getByText('Not a number')).toBeVisible();
    await thresholdLine.getByLabel('Value').fill('25');
    await thresholdLine.getByLabel('Colour').fill('#dc2626');
    await thresholdForm.getByRole('button', { name: 'Save' }).click();
    await expect(thresholdForm).toBeHidden();
    const line = chart.locator('.chart-threshold line');
    await expect(line).toHaveAttribute('stroke', '#dc2626');
    await expect(chart.locator('.chart-threshold text')).toHaveText('25 °C');

    const { violations } = await new AxeBuilder({ page })
      .include('figure[aria-label="Chart Stats test"]')
      .analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });
});
