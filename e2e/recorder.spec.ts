import mqtt from 'mqtt';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import {
  expect,
  openQuietDashboard,
  receivedCount,
  searchRecorded,
  subscribeInUi,
  test,
  connectInUi,
} from './support/fixtures.ts';
import { startMosquitto } from './support/mosquitto.ts';

async function readDownload(download: Download): Promise<string> {
  const path = await download.path();
  return readFileSync(path, 'utf8');
}

const messageList = (page: Page) => page.getByRole('grid', { name: 'Messages' });
const details = (page: Page) => page.getByRole('region', { name: 'Message details' });

test.describe('the flight recorder', () => {
  test('a burst of 100,000 messages on 10,000 topics is recorded and searched exactly', async ({
    page,
    scope,
    nodeClient,
  }) => {
    test.setTimeout(120_000);
    await openQuietDashboard(page, scope);
    await subscribeInUi(page, 'rec/#');
    const before = await receivedCount(page);
    // What the recorder holds already: what came in, and what the page sent (a first visit
    // asks the demo's Sparkplug node for its births).
    const status = page.getByTestId('query-status');
    await page.getByRole('button', { name: 'Pause' }).click();
    // The count shows once the paused view has asked the recorder: wait for it, then read it.
    await expect(status).toContainText(/[\d,]+ recorded/);
    const recordedBefore = Number(
      /([\d,]+) recorded/.exec((await status.textContent()) ?? '')?.[1]?.replace(/,/g, ''),
    );
    expect(recordedBefore).toBeGreaterThanOrEqual(before);
    await page.getByRole('button', { name: 'Resume' }).click();
    const burst = 100_000;
    for (let i = 0; i < burst; i += 1) {
      nodeClient.publish(`rec/${i % 10_000}`, `{"n":${i},"even":${i % 2 === 0}}`);
      // Let the socket drain now and then, so the Node client does not buffer it all at once.
      if (i % 5_000 === 4_999) await new Promise((resolve) => setImmediate(resolve));
    }
    await expect.poll(() => receivedCount(page), { timeout: 90_000 }).toBe(before + burst);

    await searchRecorded(page, { topic: 'rec/+', field: 'n >= 99000' });
    await expect(status).toContainText('1,000 matches');
    await expect(messageList(page)).toHaveAttribute('aria-rowcount', '1000');
    await expect(messageList(page).getByRole('row').first()).toContainText('{"n":99999,');

    await searchRecorded(page, { topic: 'rec/4242' });
    await expect(status).toContainText('10 matches');
    await searchRecorded(page, { text: '"n":4242,' });
    await expect(status).toContainText('1 matches');
    await searchRecorded(page, { text: '^\\{"n":1234\\d,', regex: true });
    await expect(status).toContainText('10 matches');

    // A mistake is named on its field and nothing is lost.
    await searchRecorded(page, { text: '([', regex: true });
    await expect(page.getByRole('alert').filter({ hasText: 'regular expression' })).toBeVisible();

    // The paused list reaches back to the first message of the burst.
    await page.getByRole('button', { name: 'Back to live' }).click();
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(status).toContainText(
      `${(recordedBefore + burst).toLocaleString('en-US')} recorded`,
    );
    await searchRecorded(page, { topic: 'rec/#' });
    await expect(status).toContainText('100,000 matches');
    await messageList(page).evaluate((element) => (element.scrollTop = element.scrollHeight));
    await expect(page.getByRole('row').filter({ hasText: '{"n":0,' })).toBeVisible();
  });

  test('rows open from the keyboard, and the detail shows a large payload whole', async ({
    page,
    scope,
    nodeClient,
  }) => {
    await openQuietDashboard(page, scope);
    await subscribeInUi(page, 'big/#');
    const oneMegabyte = 'a'.repeat(999_990) + 'THE-END';
    await nodeClient.publishAsync('big/whole', oneMegabyte);
    await nodeClient.publishAsync('big/json', JSON.stringify({ room: { temperature: 21.5 } }));
    await expect(page.getByRole('row').filter({ hasText: 'big/whole' })).toBeVisible();

    const list = messageList(page);
    await list.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(details(page)).toContainText('big/whole');
    await details(page).getByRole('tab', { name: 'Text' }).click();
    const shown = details(page).getByLabel('Payload', { exact: true });
    await expect(shown).toContainText('THE-END');
    expect(await shown.evaluate((element) => element.textContent?.length)).toBe(999_997);

    // Escape closes the detail and gives the focus back to the list.
    await page.keyboard.press('Escape');
    await expect(details(page)).toHaveCount(0);
    await expect(list).toBeFocused();
    // A number in the JSON tree becomes a chart.
    await page.getByRole('row').filter({ hasText: 'big/json' }).click();
    await expect(details(page)).toContainText('big/json');
    await details(page).getByRole('button', { name: 'Chart room.temperature' }).click();
    await expect(
      page.getByRole('figure', { name: 'Chart room.temperature · big/json' }),
    ).toBeVisible();
  });

  test('a payload over the per-message cap keeps its head and says so', async ({
    page,
    scope,
    nodeClient,
  }) => {
    await openQuietDashboard(page, scope);
    await subscribeInUi(page, 'huge/#');
    await nodeClient.publishAsync('huge/blob', Buffer.alloc(2 * 1024 * 1024, 0x41));
    const row = page.getByRole('row').filter({ hasText: 'huge/blob' });
    await expect(row).toContainText('cut');
    await row.click();
    await expect(details(page)).toContainText(
      "over the recorder's per-message cap: the first 1.0 MB were kept",
    );
  });

  test('Clear empties the list and the counter together', async ({ page, scope, nodeClient }) => {
    await openQuietDashboard(page, scope);
    await subscribeInUi(page, 'clear/#');
    for (let i = 0; i < 20; i += 1) await nodeClient.publishAsync(`clear/${i}`, String(i));
    await expect.poll(() => receivedCount(page)).toBeGreaterThanOrEqual(20);
    await page.getByRole('button', { name: 'Clear', exact: true }).click();
    await expect.poll(() => receivedCount(page)).toBe(0);
    await expect(messageList(page)).toHaveAttribute('aria-rowcount', '0');
    await nodeClient.publishAsync('clear/after', 'after');
    await expect.poll(() => receivedCount(page)).toBe(1);
  });
});

/** A browser with no save dialog to stream to (Firefox, Safari): exports are downloads. */
async function withoutSaveDialog(page: Page): Promise<void> {
  await page.addInitScript(() => {
    delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  });
}

interface PickedFile {
  name: string;
  chunks: number[];
  text: string;
  closed: boolean;
}

/** Stands in for the save dialog: the user picks a file, and what is written to it is kept. */
async function pickFileOnSave(page: Page): Promise<() => Promise<PickedFile>> {
  await page.addInitScript(() => {
    const file: PickedFile = { name: '', chunks: [], text: '', closed: false };
    Object.assign(window, {
      pickedFile: file,
      showSaveFilePicker: (options: { suggestedName: string }) => {
        file.name = options.suggestedName;
        return Promise.resolve({
          createWritable: () =>
            Promise.resolve({
              write: (text: string) => {
                file.chunks.push(text.length);
                file.text += text;
                return Promise.resolve();
              },
              close: () => {
                file.closed = true;
                return Promise.resolve();
              },
              abort: () => Promise.resolve(),
            }),
        });
      },
    });
  });
  return () => page.evaluate(() => (window as unknown as { pickedFile: PickedFile }).pickedFile);
}

test.describe('export', () => {
  test('a large export is written to the chosen file chunk by chunk', async ({
    page,
    scope,
    nodeClient,
  }) => {
    const picked = await pickFileOnSave(page);
    await openQuietDashboard(page, scope);
    await subscribeInUi(page, 'big/#');
    const payload = 'x'.repeat(1_000);
    for (let i = 0; i < 3_000; i += 1) nodeClient.publish(`big/${i % 5}`, `${i} ${payload}`);
    await expect.poll(() => receivedCount(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(3_000);
    await searchRecorded(page, { topic: 'big/#' });
    await expect(page.getByTestId('query-status')).toContainText('3,000 matches');

    await page.getByRole('button', { name: 'Export JSON Lines' }).click();
    await expect.poll(async () => (await picked()).closed).toBe(true);
    const file = await picked();
    expect(file.name).toMatch(/^mqtt-scope-\d{8}-\d{6}\.jsonl$/);
    // More than 3 MB of text reached the file in several writes, not as one blob at the end.
    expect(file.chunks.length).toBeGreaterThan(2);
    const lines = file.text.trim().split('\n');
    expect(lines).toHaveLength(3_001);
    expect(JSON.parse(lines[1] ?? '').payload).toBe(`0 ${payload}`);
    expect(JSON.parse(lines[3_000] ?? '').payload).toBe(`2999 ${payload}`);
    // Once saved, the export's progress gives way to the buttons again.
    await expect(page.getByRole('button', { name: 'Export CSV', exact: true })).toBeVisible();
  });

  test('without a save dialog the matches download as JSON Lines and as CSV', async ({
    page,
    scope,
    nodeClient,
  }) => {
    await withoutSaveDialog(page);
    await openQuietDashboard(page, scope);
    await subscribeInUi(page, 'export/#');
    for (let i = 0; i < 30; i += 1)
      await nodeClient.publishAsync(`export/${i % 3}`, i === 7 ? 'a,"quoted"\nline' : String(i));
    await expect.poll(() => receivedCount(page)).toBeGreaterThanOrEqual(30);
    await searchRecorded(page, { topic: 'export/1' });
    await expect(page.getByTestId('query-status')).toContainText('10 matches');

    const jsonl = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export JSON Lines' }).click();
    const saved = await jsonl;
    expect(saved.suggestedFilename()).toMatch(/^mqtt-scope-\d{8}-\d{6}\.jsonl$/);
    const lines = (await readDownload(saved)).trim().split('\n');
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ kind: 'mqtt-scope-recording', version: 1 });
    expect(lines.slice(1).map((line) => JSON.parse(line).payload)).toEqual([
      '1',
      '4',
      'a,"quoted"\nline',
      '10',
      '13',
      '16',
      '19',
      '22',
      '25',
      '28',
    ]);

    const csv = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV', exact: true }).click();
    const csvText = await readDownload(await csv);
    expect(csvText.split('\r\n')[0]).toBe(
      'time,connection,topic,direction,qos,retain,size,cut,payload_encoding,payload,properties',
    );
    expect(csvText).toContain(',export/1,received,0,false,15,false,text,"a,""quoted""\nline",');
  });
});

test.describe('a saved recording opens again with no broker', () => {
  test('an export is browsed, searched and charted as a read-only source', async ({
    page,
    scope,
    nodeClient,
  }, testInfo) => {
    await withoutSaveDialog(page);
    await openQuietDashboard(page, scope);
    await subscribeInUi(page, 'saved/#');
    for (let i = 0; i < 40; i += 1)
      await nodeClient.publishAsync(`saved/${i % 4}`, JSON.stringify({ level: i }));
    await expect.poll(() => receivedCount(page)).toBeGreaterThanOrEqual(40);
    await searchRecorded(page, { topic: 'saved/#' });
    await expect(page.getByTestId('query-status')).toContainText('40 matches');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export JSON Lines' }).click();
    const text = await readDownload(await download);
    const file = testInfo.outputPath('saved.jsonl');
    // A truncated copy too: its last line is cut in half.
    writeFileSync(file, text);
    const truncated = testInfo.outputPath('truncated.jsonl');
    writeFileSync(truncated, text.slice(0, text.length - 10));
    const notOurs = testInfo.outputPath('settings.json');
    writeFileSync(notOurs, '{"connections":[]}');

    const recordings = page.getByRole('region', { name: 'Recordings' });
    await page.getByLabel('Open a recording').setInputFiles(notOurs);
    await expect(recordings.getByRole('alert')).toContainText('not an MQTT Scope recording');
    await page.getByRole('button', { name: 'Close settings.json' }).click();

    await page.getByLabel('Open a recording').setInputFiles(file);
    await expect(recordings).toContainText('40 messages');
    // The same messages, searched in the recording alone.
    await page.getByRole('button', { name: 'Back to live' }).click();
    await page.getByLabel('Show messages from').selectOption({ label: 'saved.jsonl' });
    await searchRecorded(page, { topic: 'saved/2' });
    await expect(page.getByTestId('query-status')).toContainText('10 matches');
    await expect(messageList(page).getByRole('row').first()).toContainText('{"level":38}');
    // Charted from what it holds: the chart starts with the recorded history.
    await page.getByRole('button', { name: '+ Add chart' }).click();
    const form = page.getByRole('form', { name: 'Add chart' });
    await form.getByLabel('Chart topic').fill('saved/#');
    await form.getByLabel('JSON field (optional)').fill('level');
    await form.getByLabel('Title').fill('Saved levels');
    await form.getByRole('button', { name: 'Add chart', exact: true }).click();
    const chart = page.getByRole('figure', { name: 'Chart Saved levels' });
    await expect(chart).toHaveAttribute('data-points', '40');

    await page.getByLabel('Open a recording').setInputFiles(truncated);
    await expect(recordings).toContainText('39 messages · 1 damaged line(s) skipped (line 41)');
  });
});

test.describe('the recorder against Mosquitto', () => {
  test('MQTT 5 properties published by a Node client show in the detail', async ({
    page,
    scope,
  }) => {
    const mosquitto = await startMosquitto({});
    try {
      await page.goto(scope.webUrl);
      await connectInUi(page, `${mosquitto.wsUrl}/mqtt`, { protocolVersion: 5 });
      await subscribeInUi(page, 'props/#', 1);

      const device = await mqtt.connectAsync(`mqtt://127.0.0.1:${mosquitto.tcpPort}`, {
        protocolVersion: 5,
      });
      try {
        await device.publishAsync('props/reading', '{"v":1}', {
          qos: 1,
          properties: {
            contentType: 'application/json',
            responseTopic: 'props/replies',
            correlationData: Buffer.from([0xca, 0xfe]),
            messageExpiryInterval: 600,
            payloadFormatIndicator: true,
            userProperties: { site: 'north', shift: 'night' },
          },
        });
      } finally {
        await device.endAsync();
      }
      await page.getByRole('row').filter({ hasText: 'props/reading' }).click();
      await details(page).getByRole('tab', { name: 'Properties' }).click();
      const table = details(page).getByRole('table', { name: 'MQTT 5 properties' });
      await expect(table).toContainText('application/json');
      await expect(table).toContainText('props/replies');
      await expect(table).toContainText('ca fe');
      await expect(table).toContainText('600 s');
      await expect(table).toContainText('UTF-8 text');
      await expect(table.getByRole('row').filter({ hasText: 'site' })).toContainText('north');
      await expect(table.getByRole('row').filter({ hasText: 'shift' })).toContainText('night');
    } finally {
      await mosquitto.stop();
    }
  });
});
