import { decode as decodeCbor } from 'cborg';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { MqttClient } from 'mqtt';
import { startBroker } from './broker.ts';
import type { RunningBroker } from './broker.ts';
import { collect, connectClient } from './mqtt-test-helpers.ts';
import type { Received } from './mqtt-test-helpers.ts';
import { compileTopicFilter } from '../src/core/topic-filter.ts';
import { startSimulator } from './simulator.ts';
import type { RunningSimulator } from './simulator.ts';

let broker: RunningBroker | null = null;
let simulator: RunningSimulator | null = null;
let subscriber: MqttClient | null = null;

afterEach(async () => {
  await simulator?.stop();
  await subscriber?.endAsync(true);
  await broker?.close();
  broker = simulator = subscriber = null;
});

async function setUp(options: { rate?: number } = {}) {
  broker = await startBroker({ wsPort: 0, tcpPort: 0 });
  simulator = await startSimulator({
    brokerUrl: broker.tcpUrl ?? '',
    seed: 7,
    intervalMs: 100,
    ...options,
  });
  subscriber = await connectClient(broker.wsUrl);
  return { simulator, subscriber };
}

const find = (received: Received[], topic: string) => received.find((r) => r.topic === topic);

describe('startSimulator', () => {
  it('publishes telemetry, temperature and retained status and meta under demo/', async () => {
    const { subscriber } = await setUp();
    const base = 'demo/greenhouse/gh-01';
    const wanted = ['telemetry', 'temperature', 'status', 'meta'].map((leaf) => `${base}/${leaf}`);
    const received = collect(subscriber, (r) => wanted.every((topic) => find(r, topic)));
    await subscriber.subscribeAsync('demo/#');
    const messages = await received;

    const telemetry: unknown = JSON.parse(String(find(messages, `${base}/telemetry`)?.payload));
    expect(telemetry).toEqual({
      temperature: expect.any(Number),
      humidity: expect.any(Number),
      pressure: expect.any(Number),
      battery: expect.any(Number),
      ts: expect.any(Number),
    });
    expect(String(find(messages, `${base}/temperature`)?.payload)).toMatch(/^-?\d+\.\d{2}$/);
    expect(find(messages, `${base}/status`)).toMatchObject({ retain: true });
    expect(String(find(messages, `${base}/status`)?.payload)).toBe('online');
    const meta: unknown = JSON.parse(String(find(messages, `${base}/meta`)?.payload));
    expect(meta).toMatchObject({ model: expect.any(String), firmware: expect.any(String) });
    const sites = messages.map((m) => m.topic.split('/')[1]).filter((site) => site !== 'cbor');
    expect(new Set(sites)).toEqual(new Set(['greenhouse', 'warehouse', 'office']));
  });

  it('publishes a topic for every widget of the shipped demo dashboard', async () => {
    const file = JSON.parse(
      readFileSync(new URL('../public/demo-dashboard.json', import.meta.url), 'utf8'),
    ) as { dashboard: { widgets: { title: string; filter: string }[] } };
    const widgets = file.dashboard.widgets.map((w) => ({
      title: w.title,
      matches: compileTopicFilter(w.filter),
    }));
    const { subscriber } = await setUp();
    const received = collect(subscriber, (r) =>
      widgets.every((w) => r.some((m) => w.matches(m.topic))),
    );
    await subscriber.subscribeAsync(['demo/#', 'spBv1.0/#']);
    const messages = await received;
    const unfed = widgets.filter((w) => !messages.some((m) => w.matches(m.topic)));
    expect(unfed.map((w) => w.title)).toEqual([]);
  });

  it('publishes a retained offline status when stopped', async () => {
    const { simulator, subscriber } = await setUp();
    await subscriber.subscribeAsync('demo/office/of-01/status');
    const offline = collect(subscriber, (r) => r.some((m) => String(m.payload) === 'offline'));
    await simulator.stop();
    await offline;

    const late = await connectClient(broker?.wsUrl ?? '');
    try {
      const retained = collect(late, (r) => r.length > 0);
      await late.subscribeAsync('demo/office/of-01/status');
      expect(String((await retained)[0]?.payload)).toBe('offline');
    } finally {
      await late.endAsync(true);
    }
  });

  it('publishes many more messages in high-rate mode and counts them', async () => {
    const { simulator, subscriber } = await setUp({ rate: 2000 });
    // At the normal pace (9 devices, every 100 ms) 1,000 telemetry messages take 11 s; at
    // 2,000/s more about half a second, so the 3 s bound tells the modes apart on a slow machine.
    const wanted = 1000;
    const received = collect(subscriber, (r) => r.length >= wanted, 3000);
    await subscriber.subscribeAsync('demo/+/+/telemetry');
    const before = simulator.published();
    await received;
    expect(simulator.published() - before).toBeGreaterThanOrEqual(wanted);
  });

  it('publishes CBOR from an energy meter under demo/cbor/ at its cadence', async () => {
    const { subscriber } = await setUp();
    const received = collect(subscriber, (r) => r.length >= 3);
    await subscriber.subscribeAsync('demo/cbor/#');
    const messages = await received;
    expect(new Set(messages.map((m) => m.topic))).toEqual(new Set(['demo/cbor/em-01/energy']));
    const reading = decodeCbor(messages[0]?.payload ?? new Uint8Array()) as Record<string, unknown>;
    expect(reading).toEqual({
      ts: expect.any(Number),
      power_W: expect.any(Number),
      energy_kWh: expect.any(Number),
      voltage_V: expect.any(Number),
      current_A: [expect.any(Number), expect.any(Number), expect.any(Number)],
    });
  });

  it('runs a Sparkplug B edge node whose DDATA flows under spBv1.0/', async () => {
    const { simulator, subscriber } = await setUp();
    expect(simulator.sparkplug?.spec.edgeNode).toBe('line1-edge');
    const received = collect(subscriber, (r) => r.length >= 4);
    await subscriber.subscribeAsync('spBv1.0/plant1/DDATA/#');
    const topics = new Set((await received).map((m) => m.topic));
    expect(topics).toEqual(
      new Set([
        'spBv1.0/plant1/DDATA/line1-edge/pump-01',
        'spBv1.0/plant1/DDATA/line1-edge/tank-01',
      ]),
    );
  });

  it('leaves the industrial demo out when asked', async () => {
    broker = await startBroker({ wsPort: 0, tcpPort: 0 });
    simulator = await startSimulator({ brokerUrl: broker.tcpUrl ?? '', industrial: false });
    expect(simulator.sparkplug).toBeNull();
  });

  it('reports an unreachable broker in words', async () => {
    broker = await startBroker({ wsPort: 0, tcpPort: 0 });
    const url = broker.tcpUrl ?? '';
    await broker.close();
    broker = null;
    await expect(startSimulator({ brokerUrl: url })).rejects.toThrow(/could not connect/);
  });
});
