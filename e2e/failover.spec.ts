import mqtt from 'mqtt';
import {
  connectInUi,
  expect,
  openQuietDashboard,
  receivedCount,
  subscribeInUi,
  test,
} from './support/fixtures.ts';
import { startMosquitto } from './support/mosquitto.ts';
import type { RunningMosquitto } from './support/mosquitto.ts';

/** Two Mosquittos bridged both ways on plant/#: what is published on one reaches the other. */
async function startBridgedPair(): Promise<{ a: RunningMosquitto; b: RunningMosquitto }> {
  const a = await startMosquitto();
  const b = await startMosquitto({
    extraConfig: [
      'connection to-node-a',
      `address 127.0.0.1:${a.tcpPort}`,
      'topic plant/# both 1',
      'restart_timeout 1',
    ],
  });
  // The bridge is up once a message published on B arrives at a subscriber of A.
  const probe = await mqtt.connectAsync(`mqtt://127.0.0.1:${a.tcpPort}`);
  const publisher = await mqtt.connectAsync(`mqtt://127.0.0.1:${b.tcpPort}`);
  let arrived = false;
  probe.on('message', () => (arrived = true));
  await probe.subscribeAsync('plant/bridge-check', { qos: 1 });
  for (let i = 0; i < 50 && !arrived; i += 1) {
    await publisher.publishAsync('plant/bridge-check', 'ping', { qos: 1 });
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await Promise.all([probe.endAsync(), publisher.endAsync()]);
  if (!arrived) throw new Error(`the bridge from B to A did not come up\n${b.log()}`);
  return { a, b };
}

test('when the node in use goes away, the stream goes on from the next node of the cluster', async ({
  page,
  scope,
}) => {
  test.setTimeout(60_000);
  // Tall enough that the marker and the ten messages after it are all in view.
  await page.setViewportSize({ width: 1440, height: 1400 });
  const { a, b } = await startBridgedPair();
  try {
    await openQuietDashboard(page, scope);
    await connectInUi(page, `${a.wsUrl}/mqtt`);
    const status = page.getByRole('status', { name: 'Connection status' });
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings of Demo broker' });
    await dialog.getByLabel(/Other nodes of the cluster/).fill(`${b.wsUrl}/mqtt`);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(status).toContainText('Connected');
    await subscribeInUi(page, 'plant/#', 1);
    const before = await receivedCount(page);

    // A device on node B publishes a numbered QoS 1 stream; the page reads it through A.
    const device = await mqtt.connectAsync(`mqtt://127.0.0.1:${b.tcpPort}`);
    let sent = 0;
    let stopAt = 2_000;
    const publishing = (async () => {
      while (sent < stopAt) {
        await device.publishAsync('plant/line/count', String(sent), { qos: 1 });
        sent += 1;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    await expect.poll(() => receivedCount(page)).toBeGreaterThan(before + 100);

    // Node A dies mid-stream; the page goes on from B, and the device sends ten more.
    a.signal('SIGKILL');
    await expect(status).toContainText(`${b.wsUrl}/mqtt`);
    stopAt = sent + 10;
    await publishing;
    await device.endAsync();
    const list = page.getByRole('grid', { name: 'Messages' });
    await expect(list.getByRole('row').first()).toContainText(String(sent - 1));

    // The live list marks the switch below the messages that came after it. (Scrolling
    // would pause the list, which then reads from the recorder, which keeps no markers.)
    const marker = list.getByRole('row').filter({ hasText: 'from another node' });
    await expect(marker).toContainText(`${b.wsUrl}/mqtt`);
    const gapSeconds = Number(
      /back after ([\d.]+) s/.exec((await marker.textContent()) ?? '')?.[1],
    );
    expect(gapSeconds).toBeLessThan(5);

    // What is missing is what was published while no node was in use: at one message per
    // 10 ms or more, no more than the gap lasted (with a margin of ten).
    const missed = before + sent - (await receivedCount(page));
    console.log(`failover: back after ${gapSeconds} s, ${missed} of ${sent} messages missed`);
    expect(missed).toBeGreaterThanOrEqual(0);
    expect(missed).toBeLessThanOrEqual(Math.ceil((gapSeconds * 1_000) / 10) + 10);

    await page.getByRole('button', { name: 'Log', exact: true }).click();
    await expect(page.getByRole('list', { name: 'Connection log' })).toContainText(
      `Switched to ${b.wsUrl}/mqtt`,
    );
  } finally {
    await Promise.all([a.stop(), b.stop()]);
  }
});
