import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openDashboard, subscribeInUi, test } from './support/fixtures.ts';

const [GAUGE, NUMBER, STATUS, LINE_NODE] = [
  'Greenhouse gh-01 temperature',
  'Warehouse wh-01 pressure',
  'Greenhouse gh-01',
  'Line 1 edge node (Sparkplug B)',
];

const widgetTitles = (page: Page) =>
  page
    .getByRole('list', { name: /^Widgets of / })
    .locator('article h3')
    .allTextContents();
/** The first four widgets of the dashboard shown, in reading order. */
const firstFour = async (page: Page) => (await widgetTitles(page)).slice(0, 4);

/** What a first visit shows: the dashboard file shipped in public/. */
const DEMO_DASHBOARD = JSON.parse(
  readFileSync(new URL('../public/demo-dashboard.json', import.meta.url), 'utf8'),
) as { dashboard: { widgets: { kind: string; title: string }[] } };

async function startEditing(page: Page) {
  await page.getByRole('button', { name: 'Edit dashboard' }).click();
  await expect(page.getByRole('group', { name: 'Dashboard editing' })).toBeVisible();
}

/** The dialog of a new time chart, opened from the editing toolbar, with its title filled. */
async function newChartDialog(page: Page, title: string) {
  await startEditing(page);
  await page.getByLabel('Widget kind').selectOption('chart');
  await page.getByRole('button', { name: '+ Add widget' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add time chart' });
  await dialog.getByLabel('Title').fill(title);
  return dialog;
}

const SCREENS = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
  { width: 768, height: 1024 },
  { width: 375, height: 812 },
] as const;

test.describe('dashboards on screens of every size', () => {
  for (const size of SCREENS) {
    test(`the page fits ${size.width}x${size.height} without sideways scrolling`, async ({
      page,
      scope,
    }, testInfo) => {
      await page.setViewportSize(size);
      await openDashboard(page, scope);
      const chart = page.getByRole('figure', { name: 'Chart Temperature' });
      await expect(chart.locator('path.chart-line').first()).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        size.width,
      );
      await page.screenshot({
        path: testInfo.outputPath(`dashboard-${size.width}x${size.height}.png`),
        fullPage: size.width < 800,
      });
    });
  }
});

test.describe('chart lines and axes', () => {
  test('says how many topics a chart does not draw, lets the user pick them, and toggles lines', async ({
    page,
    scope,
    nodeClient,
  }) => {
    await openDashboard(page, scope);
    await subscribeInUi(page, 'e2e/fleet/#');
    await page.getByRole('button', { name: '+ Add chart' }).click();
    const form = page.getByRole('form', { name: 'Add chart' });
    await form.getByLabel('Chart topic').fill('e2e/fleet/+');
    await form.getByLabel('Title').fill('Fleet');
    await form.getByRole('button', { name: 'Add chart', exact: true }).click();
    const chart = page.getByRole('figure', { name: 'Chart Fleet' });
    await expect(chart).toContainText('Waiting for numbers');
    for (let i = 1; i <= 14; i += 1) {
      await nodeClient.publishAsync(`e2e/fleet/v${String(i).padStart(2, '0')}`, String(i));
    }
    await expect(chart).toContainText('2 more matching topics are not drawn.');
    const lines = chart.getByRole('list', { name: 'Lines of Fleet' });
    await expect(lines.getByRole('button')).toHaveCount(12);

    await chart.getByRole('button', { name: 'Choose lines…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lines of Fleet' });
    await dialog.getByRole('checkbox', { name: 'e2e/fleet/v01' }).uncheck();
    await dialog.getByRole('checkbox', { name: 'e2e/fleet/v14' }).check();
    await dialog.getByRole('button', { name: 'Draw these lines' }).click();
    await expect(dialog).toBeHidden();
    // The chosen lines are drawn from what was already recorded, without a new message.
    await expect(lines.getByRole('button', { name: /v14/ })).toBeVisible();
    await expect(lines.getByRole('button', { name: /v01/ })).toHaveCount(0);
    await expect(chart).toContainText('2 more matching topics are not drawn.');

    const curves = chart.locator('path.chart-line');
    await expect(curves).toHaveCount(12);
    const v14 = lines.getByRole('button', { name: /v14/ });
    await v14.click();
    await expect(v14).toHaveAttribute('aria-pressed', 'false');
    await expect(curves).toHaveCount(11);
    await v14.press('Enter');
    await expect(v14).toHaveAttribute('aria-pressed', 'true');
    await expect(curves).toHaveCount(12);
  });

  test('time labels on the axis are all different, from the first seconds on', async ({
    page,
    scope,
  }) => {
    await openDashboard(page, scope);
    const chart = page.getByRole('figure', { name: 'Chart Temperature' });
    const timeLabels = async () =>
      // Near midnight the first tick of the new day reads `3 Dec 00:00:00`: still a time label.
      (await chart.locator('.chart-axis text').allTextContents()).filter((label) =>
        /\d\d:\d\d/.test(label),
      );
    // A window of a second or two: evenly spaced ticks used to read the same second twice.
    await expect(chart.locator('path.chart-line').first()).toBeVisible();
    const early = await timeLabels();
    expect(early.length).toBeGreaterThanOrEqual(1);
    expect(new Set(early).size).toBe(early.length);
    await expect
      .poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 10_000 })
      .toBeGreaterThan(20);
    const later = await timeLabels();
    expect(later.length).toBeGreaterThanOrEqual(2);
    expect(new Set(later).size).toBe(later.length);
  });
});

test.describe('dashboards', () => {
  test('the demo dashboard shows a gauge, a big number, a status tile and a table', async ({
    page,
    scope,
  }) => {
    await openDashboard(page, scope);
    const gauge = page.getByRole('meter', { name: 'Greenhouse gh-01 temperature' });
    await expect(gauge).toHaveAttribute('aria-valuemin', '0');
    await expect(gauge).toHaveAttribute('aria-valuemax', '50');
    await expect(gauge).toHaveAttribute('aria-valuetext', /°C$/);
    await expect(page.getByRole('status', { name: 'Greenhouse gh-01 status' })).toHaveText(
      'Online',
    );
    await expect(page.getByRole('status', { name: 'Warehouse wh-01 pressure value' })).toHaveText(
      /^\d+\.\d$/,
    );
    const table = page.getByRole('table', { name: 'Battery by device' });
    await expect(table.getByRole('row').filter({ hasText: 'gh-01' })).toContainText('%');
    // The charts are still there beside the widgets.
    await expect(page.getByRole('figure', { name: 'Chart Temperature' })).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).include('.dashboard-panel').analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });

  test('a time chart added from the UI draws a line per topic of a wildcard and keeps its window', async ({
    page,
    scope,
  }) => {
    await openDashboard(page, scope);
    const dialog = await newChartDialog(page, 'Humidity by device');
    await dialog.getByLabel('Topic filter').fill('demo/greenhouse/+/telemetry');
    await dialog.getByLabel('JSON field (optional)').fill('humidity');
    await dialog.getByLabel('Unit').fill('%');
    await dialog.getByLabel('Window').selectOption({ label: '15 min' });
    await dialog.getByRole('button', { name: 'Add widget' }).click();
    await expect(dialog).toBeHidden();

    const cell = page.locator('.widget-cell').filter({ hasText: 'Humidity by device' });
    const chart = cell.getByRole('figure', { name: 'Chart Humidity by device' });
    // Every greenhouse device is a line of its own, named by the level the + stands for.
    await expect
      .poll(async () => Number(await chart.getAttribute('data-lines')), { timeout: 10_000 })
      .toBeGreaterThanOrEqual(2);
    const legend = chart.getByRole('list', { name: 'Lines of Humidity by device' });
    await expect(legend).toContainText('gh-01');
    await expect(legend).toContainText('gh-02');
    await expect(legend).toContainText('%');
    await expect(chart).toHaveAttribute('data-window-ms', '900000');

    await chart.getByRole('combobox', { name: 'Window' }).selectOption({ label: '1 h' });
    await page.reload();
    const reloaded = page.getByRole('figure', { name: 'Chart Humidity by device' });
    await expect(reloaded.getByRole('combobox', { name: 'Window' })).toHaveValue('3600000');
    await expect
      .poll(async () => Number(await reloaded.getAttribute('data-lines')), { timeout: 10_000 })
      .toBeGreaterThanOrEqual(2);
  });

  test('a chart draws several series, each from its own filter and field, under its own name', async ({
    page,
    scope,
  }) => {
    await openDashboard(page, scope);
    const dialog = await newChartDialog(page, 'Greenhouse climate');
    await dialog
      .getByLabel('Topic filter', { exact: true })
      .fill('demo/greenhouse/gh-01/telemetry');
    await dialog.getByLabel('JSON field (optional)').fill('humidity');
    await dialog.getByLabel('Name of the filter’s lines (optional)').fill('Humidity');
    await dialog.getByRole('button', { name: 'Add a series' }).click();
    const second = dialog.getByRole('group', { name: 'Series 2' });
    // A wrong filter is refused with the series it is in, and nothing is saved.
    await second.getByLabel('Series 2: topic filter').fill('demo/#/temperature');
    await dialog.getByRole('button', { name: 'Add widget' }).click();
    await expect(dialog.getByRole('alert')).toContainText('series 2');
    await second.getByLabel('Series 2: topic filter').fill('demo/greenhouse/gh-01/temperature');
    await second.getByLabel('Name (optional)').fill('Temperature');
    await dialog.getByRole('button', { name: 'Add widget' }).click();
    await expect(dialog).toBeHidden();

    const chart = page.getByRole('figure', { name: 'Chart Greenhouse climate' });
    const legend = chart.getByRole('list', { name: 'Lines of Greenhouse climate' });
    await expect(legend.getByRole('button', { name: /^Humidity/ })).toBeVisible({
      timeout: 10_000,
    });
    await expect(legend.getByRole('button', { name: /^Temperature/ })).toBeVisible({
      timeout: 10_000,
    });
    await expect(chart.locator('path.chart-line')).toHaveCount(2);
    await legend.getByRole('button', { name: /^Temperature/ }).click();
    await expect(chart.locator('path.chart-line')).toHaveCount(1);

    // Saved with the dashboard: after a reload the editor shows the second series as written.
    await page.reload();
    await expect(
      page.getByRole('figure', { name: 'Chart Greenhouse climate' }).locator('path.chart-line'),
    ).toHaveCount(2, { timeout: 10_000 });
    await startEditing(page);
    await page.getByRole('button', { name: 'Edit Greenhouse climate' }).click();
    const editor = page.getByRole('dialog', { name: 'Edit time chart' });
    await expect(
      editor.getByRole('group', { name: 'Series 2' }).getByLabel('Series 2: topic filter'),
    ).toHaveValue('demo/greenhouse/gh-01/temperature');
  });

  test('a chart of the Charts panel goes onto the dashboard with its window', async ({
    page,
    scope,
  }) => {
    await openDashboard(page, scope);
    await page.getByRole('button', { name: '+ Add chart' }).click();
    const form = page.getByRole('form', { name: 'Add chart' });
    await form.getByLabel('Chart topic').fill('demo/office/+/temperature');
    await form.getByLabel('Title').fill('Office temperatures');
    await form.getByRole('button', { name: 'Add chart', exact: true }).click();
    const card = page.getByRole('article', { name: 'Office temperatures', exact: true });
    await card.getByRole('combobox', { name: 'Window' }).selectOption({ label: '1 h' });
    await page.getByRole('button', { name: 'Add Office temperatures to the dashboard' }).click();

    const widget = page
      .getByRole('list', { name: 'Widgets of Demo fleet' })
      .getByRole('figure', { name: 'Chart Office temperatures' });
    await expect(widget.getByRole('combobox', { name: 'Window' })).toHaveValue('3600000');
    await expect(widget.locator('path.chart-line').first()).toBeVisible({ timeout: 10_000 });
    // A copy: removing the panel's chart leaves the widget.
    await card.getByRole('button', { name: 'Remove chart Office temperatures' }).click();
    await expect(widget).toBeVisible();
  });

  test('a gauge added from the UI shows the simulator values as they change', async ({
    page,
    scope,
  }) => {
    await openDashboard(page, scope);
    await startEditing(page);
    await page.getByLabel('Widget kind').selectOption('gauge');
    await page.getByRole('button', { name: '+ Add widget' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add gauge' });
    await dialog.getByLabel('Title').fill('Office of-01');
    await dialog.getByLabel('Topic filter').fill('demo/office/of-01/temperature');
    await dialog.getByLabel('Maximum').fill('');
    await dialog.getByRole('button', { name: 'Add widget' }).click();
    await expect(dialog.getByRole('alert')).toContainText('"max" must be a finite number');
    await dialog.getByLabel('Minimum').fill('-10');
    await dialog.getByLabel('Maximum').fill('40');
    await dialog.getByLabel('Unit').fill('°C');
    await dialog.getByLabel('Warning at (optional)').fill('28');
    const { violations } = await new AxeBuilder({ page }).include('dialog').analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await dialog.getByRole('button', { name: 'Add widget' }).click();
    await expect(dialog).toBeHidden();

    const gauge = page.getByRole('meter', { name: 'Office of-01' });
    await expect(gauge).toHaveAttribute('aria-valuemin', '-10');
    await expect(gauge).toHaveAttribute('aria-valuemax', '40');
    const first = await gauge.getAttribute('aria-valuetext');
    expect(first).toMatch(/^-?\d+(\.\d+)? °C$/);
    // The simulator sends a new temperature every few hundred ms: the dial follows it.
    await expect(gauge).not.toHaveAttribute('aria-valuetext', first ?? '');
    const now = Number(await gauge.getAttribute('aria-valuenow'));
    expect(now).toBeGreaterThanOrEqual(-10);
    expect(now).toBeLessThanOrEqual(40);
  });

  test('widgets move and resize from the keyboard, and the dashboard survives a reload', async ({
    page,
    scope,
  }) => {
    await openDashboard(page, scope);
    await expect
      .poll(() => widgetTitles(page))
      .toEqual(DEMO_DASHBOARD.dashboard.widgets.map((w) => w.title));
    await startEditing(page);
    const later = page.getByRole('button', { name: 'Move later Greenhouse gh-01 temperature' });
    await later.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => firstFour(page)).toEqual([NUMBER, GAUGE, STATUS, LINE_NODE]);
    await page.getByRole('button', { name: 'Make wider Battery by device' }).focus();
    await page.keyboard.press('Space');
    const table = page.locator('.widget-cell').filter({ hasText: 'Battery by device' });
    await expect(table).toHaveAttribute('data-width', '2');

    await page.reload();
    await expect.poll(() => firstFour(page)).toEqual([NUMBER, GAUGE, STATUS, LINE_NODE]);
    await expect(table).toHaveAttribute('data-width', '2');
    await expect(page.getByRole('meter', { name: 'Greenhouse gh-01 temperature' })).toBeVisible();
  });

  test('a widget moves with the mouse by dragging it onto another', async ({ page, scope }) => {
    await openDashboard(page, scope);
    await startEditing(page);
    const cell = (title: string) => page.locator('.widget-cell').filter({ hasText: title });
    await cell(LINE_NODE).dragTo(cell(GAUGE));
    await expect.poll(() => firstFour(page)).toEqual([LINE_NODE, GAUGE, NUMBER, STATUS]);
  });

  test('a widget is resized with the mouse by dragging its corner, snapping to grid cells', async ({
    page,
    scope,
  }) => {
    await openDashboard(page, scope);
    await startEditing(page);
    const gauge = page.locator('.widget-cell').filter({ hasText: GAUGE });
    await expect(gauge).toHaveAttribute('data-width', '1');
    await expect(gauge).toHaveAttribute('data-height', '1');
    const box = await gauge.boundingBox();
    const corner = await gauge.locator('.widget-resize').boundingBox();
    if (!box || !corner) throw new Error('the gauge or its corner has no box');
    // One cell wider and one taller: the cell's own size plus the gap, a little more.
    await page.mouse.move(corner.x + corner.width / 2, corner.y + corner.height / 2);
    await page.mouse.down();
    await page.mouse.move(corner.x + box.width * 0.6, corner.y + box.height * 0.3, { steps: 4 });
    await page.mouse.move(corner.x + box.width * 1.1, corner.y + box.height * 1.1, { steps: 4 });
    // Shown while dragging, before it is let go.
    await expect(gauge).toHaveAttribute('data-width', '2');
    await page.mouse.up();
    await expect(gauge).toHaveAttribute('data-width', '2');
    await expect(gauge).toHaveAttribute('data-height', '2');
    // Not a move: the order is the demo's.
    await expect.poll(() => firstFour(page)).toEqual([GAUGE, NUMBER, STATUS, LINE_NODE]);
    await page.reload();
    await expect(gauge).toHaveAttribute('data-width', '2');
    await expect(gauge).toHaveAttribute('data-height', '2');
  });

  test('a widget is duplicated right after itself, and the copy shows the same values', async ({
    page,
    scope,
  }) => {
    await openDashboard(page, scope);
    await startEditing(page);
    await page.getByRole('button', { name: `Duplicate ${GAUGE}` }).click();
    await expect.poll(() => firstFour(page)).toEqual([GAUGE, `${GAUGE} (copy)`, NUMBER, STATUS]);
    await expect(page.getByRole('meter', { name: `${GAUGE} (copy)` })).toHaveAttribute(
      'aria-valuetext',
      /°C$/,
    );
  });

  test('export then import reproduces the dashboard', async ({ page, scope }, testInfo) => {
    await openDashboard(page, scope);
    await expect(page.getByRole('meter').first()).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export dashboard' }).click();
    const file = testInfo.outputPath((await download).suggestedFilename());
    await (await download).saveAs(file);
    const exported = JSON.parse(await readFile(file, 'utf8')) as {
      format: string;
      dashboard: { name: string; widgets: { kind: string }[] };
    };
    expect(exported.format).toBe('mqtt-scope-dashboard');
    expect(exported.dashboard.widgets.map((w) => w.kind)).toEqual(
      DEMO_DASHBOARD.dashboard.widgets.map((w) => w.kind),
    );

    const before = await widgetTitles(page);
    await page.getByLabel('Dashboard file to import').setInputFiles(file);
    const shown = page.getByLabel('Dashboard shown');
    await expect(shown.getByRole('option')).toHaveCount(2);
    await expect(shown.locator('option:checked')).toHaveText('Demo fleet');
    // The imported copy is the one shown now: same widgets, same order, live values.
    await expect.poll(() => widgetTitles(page)).toEqual(before);
    await expect(page.getByRole('status', { name: 'Greenhouse gh-01 status' })).toHaveText(
      'Online',
    );
  });

  test('a file that is not a dashboard is refused with the reason', async ({
    page,
    scope,
  }, testInfo) => {
    await openDashboard(page, scope);
    const notOurs = testInfo.outputPath('profiles.json');
    await writeFile(notOurs, JSON.stringify({ connections: [{ host: 'x' }] }));
    await page.getByLabel('Dashboard file to import').setInputFiles(notOurs);
    await expect(page.getByRole('alert').filter({ hasText: 'profiles.json' })).toContainText(
      'not an MQTT Scope dashboard',
    );
    const newer = testInfo.outputPath('newer.json');
    await writeFile(
      newer,
      JSON.stringify({ format: 'mqtt-scope-dashboard', version: 9, dashboard: {} }),
    );
    await page.getByLabel('Dashboard file to import').setInputFiles(newer);
    await expect(page.getByRole('alert').filter({ hasText: 'newer.json' })).toContainText(
      'newer MQTT Scope',
    );
    await expect(page.getByLabel('Dashboard shown').getByRole('option')).toHaveCount(1);
  });

  test('a damaged saved dashboard is dropped with a notice and the others load', async ({
    page,
    scope,
  }) => {
    await openDashboard(page, scope);
    await expect(page.getByRole('meter').first()).toBeVisible();
    await page.evaluate(() => {
      const key = 'mqtt-scope:dashboards';
      const saved = JSON.parse(localStorage.getItem(key) ?? '{}') as { dashboards: unknown[] };
      saved.dashboards.push({ id: 'x', name: 'Broken one', widgets: [{ kind: 'gauge' }] });
      localStorage.setItem(key, JSON.stringify(saved));
    });
    await page.reload();
    await expect(page.getByText(/saved dashboard "Broken one" could not be read/)).toBeVisible();
    await expect(page.getByRole('meter', { name: 'Greenhouse gh-01 temperature' })).toBeVisible();
  });
});

test.describe('presentation', () => {
  test('presents the dashboard alone, in large type, with no editing chrome', async ({
    page,
    scope,
  }, testInfo) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openDashboard(page, scope);
    await page.getByRole('button', { name: 'Edit dashboard' }).click();
    await expect(page.getByRole('group', { name: 'Dashboard editing' })).toBeVisible();
    const normalSize = await page
      .locator('.big-number-value output')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    await page.getByRole('button', { name: 'Present', exact: true }).click();

    const stage = page.getByRole('region', { name: 'Demo fleet' });
    await expect(stage).toBeVisible();
    await expect(stage.getByRole('meter').first()).toBeVisible();
    // Nothing to edit with, and nothing else of the page in view.
    await expect(page.getByRole('group', { name: /^Arrange / })).toHaveCount(0);
    await expect(page.getByRole('group', { name: 'Dashboard editing' })).toHaveCount(0);
    // The dashboard covers the whole screen: every corner belongs to it.
    const covered = await page.evaluate(() =>
      [
        [2, 2],
        [innerWidth - 3, 2],
        [2, innerHeight - 3],
        [innerWidth - 3, innerHeight - 3],
      ].every(([x, y]) =>
        document.elementFromPoint(x ?? 0, y ?? 0)?.closest('.dashboard-stage.is-presenting'),
      ),
    );
    expect(covered).toBe(true);
    const presentedSize = await stage
      .locator('.big-number-value output')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(presentedSize).toBeGreaterThan(normalSize * 1.5);
    await page.screenshot({ path: testInfo.outputPath('presentation-1920x1080.png') });

    await page.getByRole('button', { name: 'Exit presentation' }).click();
    await expect(page.getByRole('button', { name: '+ Add chart' })).toBeVisible();
  });
});

/** How light the page's background is, 0 (black) to 1 (white). */
async function pageLuminance(page: Page): Promise<number> {
  const background = await page.evaluate(
    () => getComputedStyle(document.documentElement).backgroundColor,
  );
  const [r = 0, g = 0, b = 0] = (background.match(/\d+/g) ?? []).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

test.describe('themes', () => {
  test('a theme chosen in the header wins over the system’s, is saved, and System follows it again', async ({
    page,
    scope,
  }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openDashboard(page, scope);
    const theme = page.getByRole('banner').getByLabel('Theme');
    await expect(theme).toHaveValue('system');
    expect(await pageLuminance(page)).toBeLessThan(0.2);
    await theme.selectOption('light');
    await expect.poll(() => pageLuminance(page)).toBeGreaterThan(0.8);
    // Chart lines take the light palette too: the first line is not the dark theme's colour.
    const line = page.getByRole('figure', { name: 'Chart Temperature' }).locator('path.chart-line');
    await expect(line.first()).toBeVisible();
    const lightStroke = await line
      .first()
      .evaluate((el) => el.getAttribute('stroke') ?? el.getAttribute('fill'));

    await page.reload();
    await expect(page.getByRole('banner').getByLabel('Theme')).toHaveValue('light');
    expect(await pageLuminance(page)).toBeGreaterThan(0.8);

    await page.getByRole('banner').getByLabel('Theme').selectOption('dark');
    await expect.poll(() => pageLuminance(page)).toBeLessThan(0.2);
    await expect
      .poll(() =>
        line.first().evaluate((el) => el.getAttribute('stroke') ?? el.getAttribute('fill')),
      )
      .not.toBe(lightStroke);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await pageLuminance(page)).toBeLessThan(0.2);
    await page.getByRole('banner').getByLabel('Theme').selectOption('system');
    await expect.poll(() => pageLuminance(page)).toBeGreaterThan(0.8);
  });

  for (const scheme of ['dark', 'light'] as const) {
    test(`follows the system's ${scheme} theme`, async ({ page, scope }, testInfo) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 1280, height: 720 });
      await openDashboard(page, scope);
      await expect(page.getByRole('meter').first()).toBeVisible();
      const luminance = await pageLuminance(page);
      if (scheme === 'light') expect(luminance).toBeGreaterThan(0.8);
      else expect(luminance).toBeLessThan(0.2);
      await page.screenshot({ path: testInfo.outputPath(`theme-${scheme}-1280x720.png`) });
      const { violations } = await new AxeBuilder({ page })
        .include('.dashboard-panel')
        .include('.charts-panel')
        .analyze();
      expect(
        violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      ).toEqual([]);
    });
  }
});
