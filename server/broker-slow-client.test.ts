import { connect as connectTcp } from 'node:net';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import type { MqttClient } from 'mqtt';
import { WebSocket } from 'ws';
import { startBroker } from './broker.ts';
import type { BrokerOptions, RunningBroker } from './broker.ts';
import { connectClient } from './mqtt-test-helpers.ts';
import {
  CONNACK_AND_SUBACK_BYTES,
  connectPacket,
  publishPayloads,
  subscribePacket,
  waitUntil,
} from './raw-mqtt-test-helpers.ts';

/*
 * Issue 18, defect 1: one subscriber that stops reading its socket must not stall the others.
 * The stuck client is hand-made so it can really stop reading: a raw TCP socket or a `ws`
 * WebSocket that sends CONNECT and SUBSCRIBE # and then pauses.
 */

interface Stuck {
  /** Every byte read before the pause and after resume(). */
  received: Buffer[];
  close(): void;
  /** Reads again: a paused socket cannot notice that the broker closed it. */
  resume(): void;
  /** Resolves once the socket is closed. */
  closed: Promise<unknown>;
}

const bytesIn = (chunks: Buffer[]) => chunks.reduce((sum, chunk) => sum + chunk.length, 0);

async function stuckTcpSubscriber(port: number, clientId: string): Promise<Stuck> {
  const socket: Socket = connectTcp(port, '127.0.0.1');
  const received: Buffer[] = [];
  socket.on('data', (data: Buffer) => received.push(data));
  socket.on('error', () => {});
  await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  socket.write(connectPacket(clientId));
  socket.write(subscribePacket('#'));
  await waitUntil(() => bytesIn(received) >= CONNACK_AND_SUBACK_BYTES, 'CONNACK and SUBACK');
  socket.pause();
  return {
    received,
    close: () => socket.destroy(),
    resume: () => socket.resume(),
    closed: new Promise((resolve) => socket.once('close', resolve)),
  };
}

async function stuckWsSubscriber(url: string, clientId: string, filter = '#'): Promise<Stuck> {
  const socket = new WebSocket(url, ['mqtt']);
  const received: Buffer[] = [];
  socket.on('message', (data: Buffer) => received.push(data));
  socket.on('error', () => {});
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  socket.send(connectPacket(clientId));
  socket.send(subscribePacket(filter));
  await waitUntil(() => bytesIn(received) >= CONNACK_AND_SUBACK_BYTES, 'CONNACK and SUBACK');
  // ws pauses the underlying TCP socket, so the kernel buffers fill and then the broker's.
  socket.pause();
  return {
    received,
    close: () => socket.terminate(),
    resume: () => socket.resume(),
    closed: new Promise((resolve) => socket.once('close', resolve)),
  };
}

interface LoadFigures {
  sent: number;
  received: number;
  maxLatencyMs: number;
  p99LatencyMs: number;
}

const PAYLOAD_BYTES = 1024;
const TICK_MS = 10;

interface Burst {
  perSecond: number;
  atLeast: number;
  /** Goes on past `atLeast` until this holds: how soon the stuck client's kernel buffers fill varies. */
  until?: () => boolean;
  atMost?: number;
}

/**
 * Publishes QoS 0 messages of 1 KB at `perSecond` and measures, at the healthy subscriber, how
 * late each arrives. Each payload starts with its send time.
 */
async function publishAndMeasure(
  publisher: MqttClient,
  healthy: MqttClient,
  burst: Burst,
): Promise<LoadFigures> {
  const { perSecond, atLeast, until = () => true, atMost = atLeast } = burst;
  const latencies: number[] = [];
  healthy.on('message', (_topic: string, payload: Buffer) => {
    latencies.push(performance.now() - payload.readDoubleBE(0));
  });
  const perTick = Math.max(1, Math.round((perSecond * TICK_MS) / 1000));
  const started = performance.now();
  let sent = 0;
  while (sent < atLeast || (sent < atMost && !until())) {
    const due = Math.min(
      atMost,
      Math.ceil(((performance.now() - started) / TICK_MS + 1) * perTick),
    );
    for (; sent < due; sent++) {
      const payload = Buffer.alloc(PAYLOAD_BYTES, 0x61);
      payload.writeDoubleBE(performance.now(), 0);
      publisher.publish(`load/${sent % 16}`, payload);
    }
    await new Promise((resolve) => setTimeout(resolve, TICK_MS));
  }
  // A stalled broker delivers nothing for tens of seconds: 3 s after the last send is ample.
  await waitUntil(() => latencies.length >= sent, `${sent} messages at the healthy client`, 3000)
    // The figures below say what went wrong; the assertions report it.
    .catch(() => {});
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    sent,
    received: latencies.length,
    maxLatencyMs: Math.round(sorted.at(-1) ?? Infinity),
    p99LatencyMs: Math.round(sorted[Math.floor(sorted.length * 0.99)] ?? Infinity),
  };
}

let broker: RunningBroker | null = null;
const clients: MqttClient[] = [];
const stuck: Stuck[] = [];

afterEach(async () => {
  for (const client of stuck.splice(0)) client.close();
  await Promise.all(clients.splice(0).map((client) => client.endAsync(true)));
  await broker?.close();
  broker = null;
});

async function setUp(options: BrokerOptions = {}) {
  const log: string[] = [];
  broker = await startBroker({ wsPort: 0, tcpPort: 0, log: (line) => log.push(line), ...options });
  const publisher = await connectClient(broker.tcpUrl ?? '');
  const healthy = await connectClient(broker.wsUrl);
  clients.push(publisher, healthy);
  await healthy.subscribeAsync('load/#');
  return { broker, publisher, healthy, log };
}

/** The count in the broker's "N messages were dropped" line, once the stuck client is gone. */
async function droppedCount(log: string[], clientId: string): Promise<number> {
  const pattern = new RegExp(`"${clientId}".*[ (](\\d+) messages were dropped`);
  await waitUntil(() => log.some((line) => pattern.test(line)), `the drop count of ${clientId}`);
  return Number(log.find((line) => pattern.test(line))?.match(pattern)?.[1]);
}

describe('a subscriber that stops reading', () => {
  // 1 KB x 6,000 at 2,000/s, and on (to 20,000 at most) until the stuck client's kernel buffers
  // and then the 1 MiB limit are full. LOAD_MESSAGES and LOAD_RATE measure the defaults for
  // docs/reliability.md.
  const COUNT = Number(process.env.LOAD_MESSAGES ?? 6000);
  const RATE = Number(process.env.LOAD_RATE ?? 2000);
  const AT_MOST = Math.max(COUNT, 20_000);
  const stuckKinds = {
    TCP: (running: RunningBroker, id: string) => stuckTcpSubscriber(running.tcpPort ?? 0, id),
    WebSocket: (running: RunningBroker, id: string) => stuckWsSubscriber(running.wsUrl, id),
  };

  it.each(['TCP', 'WebSocket'] as const)(
    'over %s, never delays a healthy subscriber by a second and is told so in the log',
    async (kind) => {
      // A small limit and grace, so the burst reaches them; LOAD_MESSAGES measures the defaults.
      const limits = process.env.LOAD_MESSAGES
        ? {}
        : { maxQueuedBytes: 1024 * 1024, queueGraceMs: 200 };
      const { broker, publisher, healthy, log } = await setUp(limits);
      const id = `stuck-${kind}`;
      const client = await stuckKinds[kind](broker, id);
      stuck.push(client);

      const dropping = new RegExp(`"${id}".*dropping messages for it`);
      const figures = await publishAndMeasure(publisher, healthy, {
        perSecond: RATE,
        atLeast: COUNT,
        until: () => log.some((line) => dropping.test(line)),
        atMost: AT_MOST,
      });
      expect(figures.received).toBe(figures.sent);
      expect(figures.maxLatencyMs).toBeLessThan(1000);
      expect(log.join('\n')).toMatch(dropping);
      client.close();
      const dropped = await droppedCount(log, id);
      expect(dropped).toBeGreaterThan(0);
      if (process.env.LOAD_MESSAGES) console.log(log.join('\n'));
      console.log(
        `healthy subscriber beside a stuck ${kind} one: ${JSON.stringify({ ...figures, dropped })}`,
      );
    },
    (AT_MOST / RATE) * 1000 + 15_000,
  );

  it('is not a subscriber behind only because of one message bigger than the limit', async () => {
    // The default grace; without one (queueGraceMs: 0) 100 of these 202 messages are dropped.
    const { broker, publisher, log } = await setUp({ maxQueuedBytes: 1024 * 1024 });
    // A page's worker reads a 16 MB frame slower than the broker writes it: pause meanwhile.
    const page = await stuckWsSubscriber(broker.wsUrl, 'busy-page', 'odd/#');
    stuck.push(page);
    // As e2e/bad-input.spec.ts does: one 16 MB payload in the middle of small ones. The broker
    // has it queued for the paused reader when the second half arrives.
    const small = (i: number) => publisher.publishAsync(`odd/small/${i % 10}`, `{"v":${i}}`);
    for (let i = 0; i < 100; i++) void small(i);
    await publisher.publishAsync('odd/huge', Buffer.alloc(16 * 1024 * 1024, 0x41), { qos: 1 });
    for (let i = 100; i < 200; i++) await small(i);
    await publisher.publishAsync('odd/last', 'sent after all the others', { qos: 1 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    page.resume();
    const count = () => publishPayloads(Buffer.concat(page.received)).length;
    await waitUntil(() => count() >= 202, 'all 202 messages', 10_000).catch(() => {});
    expect(count()).toBe(202);
    expect(log).toEqual([]);
  }, 20_000);

  it('is disconnected when it stays stuck, saying so', async () => {
    const { broker, publisher, healthy, log } = await setUp({
      maxQueuedBytes: 1024 * 1024,
      queueGraceMs: 100,
      stuckClientTimeoutMs: 500,
    });
    const client = await stuckTcpSubscriber(broker.tcpPort ?? 0, 'stuck-for-good');
    stuck.push(client);

    const disconnecting = /"stuck-for-good".*stayed over its limit for 0.5 s; disconnecting it/;
    const figures = await publishAndMeasure(publisher, healthy, {
      perSecond: 2000,
      atLeast: 6000,
      until: () => log.some((line) => disconnecting.test(line)),
      atMost: 20_000,
    });
    expect(figures.received).toBe(figures.sent);
    expect(log.join('\n')).toMatch(disconnecting);
    client.resume();
    await client.closed;
  }, 30_000);
});
