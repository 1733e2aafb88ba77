import { readFileSync } from 'node:fs';
import type { Locator } from '@playwright/test';
import { seriousViolations } from './support/axe.ts';
import { addChartInUi, expect, openDashboard, test } from './support/fixtures.ts';

/** Publishes each value and waits until the chart has drawn it, so each has its own time. */
async function publishEach(
  chart: Locator,
  publish: (value: string) => Promise<unknown>,
  values: number[],
) {
  for (const [index, value] of values.entries()) {
    await publish(String(value));
    await expect(chart).toHaveAttribute('data-points', String(index + 1));
  }
}

/** The corner points of an SVG path of straight segments (`M`/`L`/`H`/`V`/`Z` commands). */
function pathPoints(d: string): { x: number; y: number }[] {
  const points: { x: number; y: number }[] = [];
  let x = 0;
  let y = 0;
  for (const [, command, args] of d.matchAll(/([MLHVZ])([^MLHVZ]*)/gi)) {
    const numbers = (args ?? '')
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    if (command === 'H') x = numbers[0] ?? x;
    else if (command === 'V') y = numbers[0] ?? y;
    else if (command === 'M' || command === 'L') [x = x, y = y] = numbers;
    else continue;
    points.push({ x, y });
  }
  return points;
}

const lookForm = (chart: Locator, title: string) =>
  chart.getByRole('form', { name: `Lines and bands of ${title}` });

test.describe('the look of a time chart', () => {
  test('area fills under each line, step holds each value until the next, both saved', async ({
    page,
    scope,
    nodeClient,
  }) => {
    await openDashboard(page, scope);
    const chart = await addChartInUi(page, 'e2e/look/style', 'Style test', '°C');
    await publishEach(chart, (v) => nodeClient.publishAsync('e2e/look/style', v), [10, 20, 15, 18]);
    await expect(chart).toHaveAttribute('data-style', 'line');
    await expect(chart.locator('path.chart-area-fill')).toHaveCount(0);
    const style = chart.getByRole('combobox', { name: 'Style' });

    await style.selectOption({ label: 'Area' });
    await expect(chart).toHaveAttribute('data-style', 'area');
    const fill = chart.locator('path.chart-area-fill');
    await expect(fill).toHaveCount(1);
    const line = chart.locator('path.chart-line');
    // Translucent, in the line's colour, closed down to the bottom of the plot.
    await expect(fill).toHaveAttribute('fill', (await line.getAttribute('stroke')) ?? '');
    expect(Number(await fill.getAttribute('fill-opacity'))).toBeLessThan(0.5);
    // Its outline is the line itself, then back along one baseline at or below every point.
    const area = pathPoints((await fill.getAttribute('d')) ?? '');
    const drawn = pathPoints((await line.getAttribute('d')) ?? '');
    expect(area.slice(0, drawn.length)).toEqual(drawn);
    const base = area.slice(drawn.length);
    expect(base.length).toBeGreaterThanOrEqual(2);
    const baseY = base[0]?.y ?? NaN;
    expect(base.every((point) => point.y === baseY)).toBe(true);
    expect(base[0]?.x).toBe(drawn.at(-1)?.x);
    expect(base.at(-1)?.x).toBe(drawn[0]?.x);
    expect(drawn.every((point) => point.y <= baseY)).toBe(true);
    expect(drawn.some((point) => point.y < baseY)).toBe(true);
    expect(await fill.getAttribute('d')).toMatch(/Z$/i);

    await style.selectOption({ label: 'Step' });
    await expect(chart).toHaveAttribute('data-style', 'step');
    await expect(chart.locator('path.chart-area-fill')).toHaveCount(0);
    const steps = pathPoints((await line.getAttribute('d')) ?? '');
    expect(steps.length).toBeGreaterThanOrEqual(7);
    // Only horizontal and vertical segments: a value is held until the next reading.
    for (let i = 1; i < steps.length; i += 1) {
      const [a, b] = [steps[i - 1], steps[i]];
      if (!a || !b) continue;
      expect(Math.abs(a.x - b.x) < 0.01 || Math.abs(a.y - b.y) < 0.01).toBe(true);
    }

    await page.reload();
    await expect(page.getByRole('figure', { name: 'Chart Style test' })).toHaveAttribute(
      'data-style',
      'step',
    );
  });

  test('two threshold lines and two bands are drawn behind the line and survive a reload', async ({
    page,
    scope,
    nodeClient,
  }) => {
    await openDashboard(page, scope);
    const chart = await addChartInUi(page, 'e2e/look/bands', 'Bands test', '°C');
    await publishEach(chart, (v) => nodeClient.publishAsync('e2e/look/bands', v), [20, 21]);
    await chart.getByRole('button', { name: 'Lines and bands of Bands test' }).click();
    const form = lookForm(chart, 'Bands test');

    await form.getByRole('button', { name: '+ Add threshold line' }).click();
    await form.getByRole('button', { name: '+ Add threshold line' }).click();
    const line1 = form.getByRole('group', { name: 'Line 1' });
    await line1.getByLabel('Value').fill('25');
    await line1.getByLabel('Colour').fill('#dc2626');
    await line1.getByLabel('Label').fill('alarm');
    const line2 = form.getByRole('group', { name: 'Line 2' });
    await line2.getByLabel('Value').fill('10');
    await line2.getByLabel('Colour').fill('#2563eb');
    await form.getByRole('button', { name: '+ Add band' }).click();
    await form.getByRole('button', { name: '+ Add band' }).click();
    const band1 = form.getByRole('group', { name: 'Band 1' });
    await band1.getByLabel('From').fill('18');
    await band1.getByLabel('To').fill('24');
    await band1.getByLabel('Colour').fill('#22c55e');
    await band1.getByLabel('Label').fill('normal');
    const band2 = form.getByRole('group', { name: 'Band 2' });
    await band2.getByLabel('From').fill('30');
    await band2.getByLabel('Colour').fill('#ef4444');
    expect(await seriousViolations(page, 'figure[aria-label="Chart Bands test"]')).toEqual([]);
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toBeHidden();

    const expectDrawn = async (figure: Locator) => {
      const thresholds = figure.locator('.chart-threshold');
      await expect(thresholds).toHaveCount(2);
      await expect(thresholds.locator('text')).toHaveText(['alarm 25 °C', '10 °C']);
      await expect(thresholds.locator('line').first()).toHaveAttribute('stroke', '#dc2626');
      const bands = figure.locator('.chart-band rect');
      await expect(bands).toHaveCount(2);
      await expect(bands.first()).toHaveAttribute('fill', '#22c55e');
      await expect(figure.locator('.chart-band text')).toHaveText(['normal']);
      const y = async (locator: Locator, name: string) => Number(await locator.getAttribute(name));
      // 18–24 lies between the lines at 10 and 25; the open band from 30 reaches the plot's top.
      const top25 = await y(thresholds.locator('line').nth(0), 'y1');
      const top10 = await y(thresholds.locator('line').nth(1), 'y1');
      const normalTop = await y(bands.nth(0), 'y');
      const normalBottom = normalTop + (await y(bands.nth(0), 'height'));
      expect(top25).toBeLessThan(normalTop);
      expect(normalBottom).toBeLessThan(top10);
      const alarmTop = await y(bands.nth(1), 'y');
      expect(alarmTop).toBeLessThan(top25);
      expect(alarmTop).toBeLessThanOrEqual(10);
      // Bands sit behind the line: drawn before it.
      const order = await figure
        .locator('svg')
        .evaluate((svg) =>
          [...svg.querySelectorAll('.chart-band, path.chart-line')].map((e) => e.tagName),
        );
      expect(order).toEqual(['g', 'g', 'path']);
    };
    await expectDrawn(chart);

    await page.reload();
    const reloaded = page.getByRole('figure', { name: 'Chart Bands test' });
    // The saved subscription is back before the next reading is sent.
    await expect(
      page
        .getByRole('list', { name: 'Active subscriptions' })
        .getByRole('listitem')
        .filter({ hasText: 'e2e/look/bands' }),
    ).toContainText('granted');
    await nodeClient.publishAsync('e2e/look/bands', '22');
    await expect(reloaded.locator('path.chart-line')).toHaveCount(1);
    await expectDrawn(reloaded);
    // And the editor shows what was saved.
    await reloaded.getByRole('button', { name: 'Lines and bands of Bands test' }).click();
    const saved = lookForm(reloaded, 'Bands test');
    await expect(saved.getByRole('group', { name: 'Band 2' }).getByLabel('To')).toHaveValue('');
    await expect(saved.getByRole('group', { name: 'Band 2' }).getByLabel('From')).toHaveValue('30');
  });

  test('a chart saved with the single threshold of an earlier version still shows its line', async ({
    page,
    scope,
    nodeClient,
  }) => {
    await openDashboard(page, scope);
    const chart = await addChartInUi(page, 'e2e/look/old', 'Old threshold', '°C');
    await publishEach(chart, (v) => nodeClient.publishAsync('e2e/look/old', v), [20]);
    // What an earlier version saved: one `threshold`, no `thresholds`.
    await page.evaluate(() => {
      const saved = JSON.parse(localStorage.getItem('mqtt-scope:charts') ?? '{}');
      for (const spec of saved.state.charts) spec.threshold = { value: 25, color: '#dc2626' };
      localStorage.setItem('mqtt-scope:charts', JSON.stringify(saved));
    });
    await page.reload();
    const reloaded = page.getByRole('figure', { name: 'Chart Old threshold' });
    await expect(
      page
        .getByRole('list', { name: 'Active subscriptions' })
        .getByRole('listitem')
        .filter({ hasText: 'e2e/look/old' }),
    ).toContainText('granted');
    await nodeClient.publishAsync('e2e/look/old', '21');
    await expect(reloaded.locator('.chart-threshold line')).toHaveAttribute('stroke', '#dc2626');
    await expect(reloaded.locator('.chart-threshold text')).toHaveText('25 °C');
    await reloaded.getByRole('button', { name: 'Lines and bands of Old threshold' }).click();
    await expect(
      lookForm(reloaded, 'Old threshold')
        .getByRole('group', { name: 'Line 1' })
        .getByLabel('Value'),
    ).toHaveValue('25');
  });

  test('a band whose From is not below its To, and numbers that are not, are refused beside the field', async ({
    page,
    scope,
    nodeClient,
  }) => {
    await openDashboard(page, scope);
    const chart = await addChartInUi(page, 'e2e/look/bad', 'Bad look');
    await publishEach(chart, (v) => nodeClient.publishAsync('e2e/look/bad', v), [5]);
    await chart.getByRole('button', { name: 'Lines and bands of Bad look' }).click();
    const form = lookForm(chart, 'Bad look');
    await form.getByRole('button', { name: '+ Add band' }).click();
    const band = form.getByRole('group', { name: 'Band 1' });
    await band.getByLabel('From').fill('24');
    await band.getByLabel('To').fill('18');
    await form.getByRole('button', { name: '+ Add threshold line' }).click();
    const line = form.getByRole('group', { name: 'Line 1' });
    await line.getByLabel('Value').fill('Infinity');
    await form.getByRole('button', { name: 'Save' }).click();

    await expect(form).toBeVisible();
    await expect(band.getByText('Must be more than From (24).')).toBeVisible();
    await expect(band.getByLabel('To')).toHaveAttribute('aria-invalid', 'true');
    await expect(band.getByLabel('To')).toHaveAccessibleDescription('Must be more than From (24).');
    await expect(line.getByText('Must be finite.')).toBeVisible();
    await expect(line.getByLabel('Value')).toBeFocused();

    await line.getByLabel('Value').fill('NaN');
    await band.getByLabel('From').fill('lots');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(line.getByText('Not a number')).toBeVisible();
    await expect(band.getByText('Not a number')).toBeVisible();
    await expect(chart.locator('.chart-band, .chart-threshold')).toHaveCount(0);
    expect(await seriousViolations(page, 'figure[aria-label="Chart Bad look"]')).toEqual([]);

    await band.getByLabel('From').fill('');
    await line.getByLabel('Value').fill('7');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toBeHidden();
    await expect(chart.locator('.chart-band')).toHaveCount(1);
    await expect(chart.locator('.chart-threshold')).toHaveCount(1);
  });
});

test.describe('the chart as a PNG', () => {
  test.use({ deviceScaleFactor: 2 });

  test('downloads a PNG of the plot at the device pixel ratio, named like the CSV', async ({
    page,
    scope,
    nodeClient,
  }) => {
    await openDashboard(page, scope);
    const chart = await addChartInUi(page, 'e2e/look/png', 'PNG test', '°C');
    await publishEach(chart, (v) => nodeClient.publishAsync('e2e/look/png', v), [20, 26, 23]);
    const plot = chart.getByRole('group', { name: /Plot of PNG test/ });
    const box = await plot.boundingBox();
    if (!box) throw new Error('the plot has no box');

    const download = page.waitForEvent('download');
    await chart.getByRole('button', { name: 'Export PNG of PNG test' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^PNG-test-.*\.png$/);
    const png = readFileSync(await file.path());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    // The plot, with a 26-pixel row for the title and the line names above it, at 2x.
    expect(png.readUInt32BE(16)).toBe(Math.round(box.width * 2));
    expect(png.readUInt32BE(20)).toBe(Math.round((box.height + 26) * 2));

    // What it shows: the card's background in the corner, and the line's colour in the plot.
    const seen = await page.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      if (!context) return null;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, image.width, image.height).data;
      const colors = new Set<string>();
      for (let i = 0; i < pixels.length; i += 4) colors.add(pixels.slice(i, i + 3).join(','));
      const card = getComputedStyle(document.querySelector('.chart-card') as Element);
      const stroke = document
        .querySelector('figure[aria-label="Chart PNG test"] path.chart-line')
        ?.getAttribute('stroke');
      const hex = (stroke ?? '#000000').slice(1);
      const rgb = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(',');
      return {
        corner: [...pixels.slice(0, 3)],
        background: card.backgroundColor,
        hasLineColour: colors.has(rgb),
      };
    }, png.toString('base64'));
    if (!seen) throw new Error('no canvas');
    expect(`rgb(${seen.corner.join(', ')})`).toBe(seen.background);
    expect(seen.hasLineColour).toBe(true);
  });
});
