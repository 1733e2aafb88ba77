import mqtt from 'mqtt';
import { HeapMeter } from '../bench/heap.ts';
import { connectInUi, expect, openQuietDashboard, test } from './support/fixtures.ts';
import { startMosquitto } from './support/mosquitto.ts';

const CYCLES = 200;

test('200 connect and disconnect cycles from the UI leave no socket open and no heap behind', async ({
  page,
  scope,
}) => {
  test.setTimeout(240_000);
  // Mosquitto says how many clients it has every second.
  const broker = await startMosquitto({ extraConfig: ['sys_interval 1'] });
  const watcher = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.tcpPort}`);
  let clients = -1;
  watcher.on('message', (_topic, payload) => (clients = Number(payload.toString())));
  await watcher.subscribeAsync('$SYS/broker/clients/connected');
  try {
    const heap = await HeapMeter.attach(page);
    await openQuietDashboard(page, scope);
    await connectInUi(page, `${broker.wsUrl}/mqtt`);
    const status = page.getByRole('status', { name: 'Connection status' });
    const cycle = async () => {
      await page.getByRole('button', { name: 'Disconnect', exact: true }).click();
      await expect(status).toContainText('Disconnected');
      await page.getByRole('button', { name: 'Connect', exact: true }).click();
      await expect(status).toContainText('Connected');
    };
    // Warm up (code paths compiled, pools filled) before the first measure.
    for (let i = 0; i < 10; i += 1) await cycle();
    const before = await heap.sample(true);
    for (let i = 0; i < CYCLES; i += 1) await cycle();
    const after = await heap.sample(true);

    // The page and the watcher, nothing else: every closed connection let its socket go.
    await expect.poll(() => clients, { timeout: 10_000 }).toBe(2);
    const growth = {
      mainMb: after.mainMb - before.mainMb,
      workerMb: (after.workerMb ?? 0) - (before.workerMb ?? 0),
    };
    console.log(
      `Heap after ${CYCLES} cycles: main ${before.mainMb.toFixed(2)} → ${after.mainMb.toFixed(2)} MB, worker ${before.workerMb?.toFixed(2)} → ${after.workerMb?.toFixed(2)} MB`,
    );
    expect(after.workerMb).not.toBeNull();
    // A client, socket or buffer kept per cycle would be tens of KB each: megabytes over 200.
    expect(growth.workerMb).toBeLessThan(1.5);
    expect(growth.mainMb).toBeLessThan(1.5);
  } finally {
    await watcher.endAsync();
    await broker.stop();
  }
});
