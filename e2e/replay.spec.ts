import mqtt from 'mqtt';
import type { Page } from '@playwright/test';
import { exportHeader, exportLine } from '../src/core/recorder/export-format.ts';
import { connectInUi, expect, openQuietDashboard, test } from './support/fixtures.ts';
import { startMosquitto } from './support/mosquitto.ts';
import type { RunningMosquitto } from './support/mosquitto.ts';

const SPACING_MS = 50;
const COUNT = 40;

/** A recording as MQTT Scope exports it: COUNT messages, 50 ms apart, of every QoS. */
function recording(): {
  text: string;
  sent: { topic: string; payload: string; qos: number; retain: boolean }[];
} {
  const t0 = Date.UTC(2026, 11, 2, 9);
  const sent = Array.from({ length: COUNT }, (_, i) => ({
    topic: `plant/r/${i % 4}`,
    payload: `{"i":${i},"v":${(20 + i / 10).toFixed(1)}}`,
    qos: i % 3,
    retain: i % 10 === 0,
  }));
  const lines = sent.map((message, i) =>
    exportLine('jsonl', {
      time: t0 + i * SPACING_MS,
      connection: 'Plant',
      topic: message.topic,
      qos: message.qos as 0 | 1 | 2,
      retain: message.retain,
      dup: false,
      published: false,
      size: message.payload.length,
      cut: false,
      payload: new TextEncoder().encode(message.payload),
      properties: null,
    }),
  );
  return { text: exportHeader('jsonl', t0) + lines.join(''), sent };
}

async function openRecording(page: Page, text: string): Promise<void> {
  await page.getByLabel('Open a recording').setInputFiles({
    name: 'plant-recording.jsonl',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(text),
  });
  await expect(page.getByRole('list', { name: 'Open recordings' })).toContainText(
    `${COUNT} messages`,
  );
  await page.getByRole('button', { name: 'Replay plant-recording.jsonl to a broker' }).click();
}

test.describe('replaying a recording to a broker', () => {
  let broker: RunningMosquitto;
  test.beforeEach(async () => {
    broker = await startMosquitto();
  });
  test.afterEach(async () => {
    await broker.stop();
  });

  test('reproduces topics, payloads, QoS, retain and order, with the recorded timing at 1x', async ({
    page,
    scope,
  }) => {
    const { text, sent } = recording();
    // An MQTT 5 subscriber that sees the retain flag as it was published.
    const listener = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.tcpPort}`, {
      protocolVersion: 5,
    });
    const received: { topic: string; payload: string; qos: number; retain: boolean; at: number }[] =
      [];
    listener.on('message', (topic, payload, packet) =>
      received.push({
        topic,
        payload: payload.toString(),
        qos: packet.qos,
        retain: packet.retain,
        at: performance.now(),
      }),
    );
    await listener.subscribeAsync('plant/r/#', { qos: 2, rap: true });

    await openQuietDashboard(page, scope);
    await connectInUi(page, `${broker.wsUrl}/mqtt`);
    await openRecording(page, text);
    const form = page.getByRole('form', { name: 'Replay plant-recording.jsonl' });
    await form.getByLabel('Speed').selectOption({ label: '1x (as recorded)' });
    await form.getByRole('button', { name: 'Start replay' }).click();
    await expect(form.getByRole('status')).toContainText(`Done: ${COUNT} of ${COUNT} sent`, {
      timeout: 15_000,
    });
    await expect.poll(() => received.length).toBe(COUNT);

    const arrived = received.map(({ topic, payload, qos, retain }) => ({
      topic,
      payload,
      qos,
      retain,
    }));
    // Every message arrives as sent. MQTT keeps the order of one client's messages of the same
    // QoS (MQTT 5 §4.6); a QoS 2 message may be overtaken by a QoS 0 one sent just after it
    // (Mosquitto delivers QoS 2 on PUBREL), so the order is compared per QoS level.
    const byIndex = (m: { payload: string }) => Number(/"i":(\d+)/.exec(m.payload)?.[1]);
    expect([...arrived].sort((a, b) => byIndex(a) - byIndex(b))).toEqual(sent);
    for (const qos of [0, 1, 2]) {
      expect(arrived.filter((m) => m.qos === qos)).toEqual(sent.filter((m) => m.qos === qos));
    }
    const spanMs = (COUNT - 1) * SPACING_MS;
    const replayedMs = (received.at(-1)?.at ?? 0) - (received[0]?.at ?? 0);
    console.log(
      `replay at 1x: recorded span ${spanMs} ms, replayed in ${replayedMs.toFixed(0)} ms`,
    );
    expect(Math.abs(replayedMs - spanMs)).toBeLessThanOrEqual(spanMs * 0.05);
    await listener.endAsync();
  });

  test('a prefix that cannot be in a topic is refused, and nothing is sent', async ({
    page,
    scope,
  }) => {
    const listener = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.tcpPort}`);
    const received: string[] = [];
    listener.on('message', (topic) => received.push(topic));
    await listener.subscribeAsync('#');

    await openQuietDashboard(page, scope);
    await connectInUi(page, `${broker.wsUrl}/mqtt`);
    await openRecording(page, recording().text);
    const form = page.getByRole('form', { name: 'Replay plant-recording.jsonl' });
    await form.getByLabel('Topic prefix (optional)').fill('site/#/');
    await form.getByRole('button', { name: 'Start replay' }).click();
    await expect(form.getByRole('alert')).toContainText('cannot contain + or #');

    // A replay with a good prefix after it goes through: nothing from the refused one came first.
    await form.getByLabel('Topic prefix (optional)').fill('site/');
    await form.getByLabel('Speed').selectOption({ label: 'As fast as possible' });
    await form.getByRole('button', { name: 'Start replay' }).click();
    await expect(form.getByRole('status')).toContainText(`Done: ${COUNT} of ${COUNT} sent`);
    await expect.poll(() => received.length).toBe(COUNT);
    expect(received.every((topic) => topic.startsWith('site/plant/r/'))).toBe(true);
    await listener.endAsync();
  });
});

test('the shipped demo recording replays to a broker with no devices and no simulator', async ({
  page,
  scope,
}) => {
  const broker = await startMosquitto();
  try {
    const listener = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.tcpPort}`);
    let received = 0;
    listener.on('message', () => (received += 1));
    await listener.subscribeAsync(['demo/#', 'spBv1.0/#']);

    await openQuietDashboard(page, scope);
    await connectInUi(page, `${broker.wsUrl}/mqtt`);
    await page.getByRole('button', { name: 'Demo recording' }).click();
    const item = page.getByRole('list', { name: 'Open recordings' }).getByRole('listitem');
    await expect(item).toContainText(/[\d,]+ messages/);
    const total = Number(
      /([\d,]+) messages/.exec((await item.textContent()) ?? '')?.[1]?.replace(/,/g, ''),
    );
    expect(total).toBeGreaterThan(500);

    await page.getByRole('button', { name: 'Replay demo-recording.jsonl to a broker' }).click();
    const form = page.getByRole('form', { name: 'Replay demo-recording.jsonl' });
    await form.getByLabel('Speed').selectOption({ label: 'As fast as possible' });
    await form.getByRole('button', { name: 'Start replay' }).click();
    const sent = total.toLocaleString('en-US');
    await expect(form.getByRole('status')).toContainText(`Done: ${sent} of ${sent} sent`);
    await expect.poll(() => received).toBe(total);
    await listener.endAsync();
  } finally {
    await broker.stop();
  }
});
