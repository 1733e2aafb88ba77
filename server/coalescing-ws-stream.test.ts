import { afterEach, describe, expect, it } from 'vitest';
import type { MqttClient } from 'mqtt';
import { WebSocket, WebSocketServer } from 'ws';
import { startBroker } from './broker.ts';
import { CoalescingWsStream } from './coalescing-ws-stream.ts';
import type { RunningBroker } from './broker.ts';
import { connectClient } from './mqtt-test-helpers.ts';
import {
  CONNACK_AND_SUBACK_BYTES,
  connectPacket,
  publishPayloads,
  subscribePacket,
  waitUntil,
} from './raw-mqtt-test-helpers.ts';

interface RawSubscriber {
  frames: Buffer[];
  socket: WebSocket;
  /** Resolves once `count` PUBLISH packets have arrived, with their payloads. */
  waitForPublishes(count: number): Promise<Buffer[]>;
}

async function rawSubscriber(url: string, filter: string): Promise<RawSubscriber> {
  const socket = new WebSocket(url, ['mqtt']);
  const frames: Buffer[] = [];
  socket.on('message', (data: Buffer) => frames.push(data));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  socket.send(connectPacket('raw'));
  socket.send(subscribePacket(filter));
  await waitUntil(
    () => Buffer.concat(frames).length >= CONNACK_AND_SUBACK_BYTES,
    'CONNACK and SUBACK',
  );
  const waitForPublishes = async (count: number) => {
    const payloads = () => publishPayloads(Buffer.concat(frames));
    await waitUntil(() => payloads().length >= count, `${count} PUBLISH packets`);
    return payloads();
  };
  return { frames, socket, waitForPublishes };
}

let broker: RunningBroker | null = null;
let publisher: MqttClient | null = null;
let subscriber: RawSubscriber | null = null;

afterEach(async () => {
  subscriber?.socket.terminate();
  await publisher?.endAsync(true);
  await broker?.close();
  broker = publisher = subscriber = null;
});

describe('CoalescingWsStream', () => {
  it('sends many packets in far fewer frames than packets, payloads intact', async () => {
    broker = await startBroker({ wsPort: 0, tcpPort: 0 });
    subscriber = await rawSubscriber(broker.wsUrl, 'bench/#');
    publisher = await connectClient(broker.tcpUrl ?? '');
    const framesBefore = subscriber.frames.length;
    const count = 200;
    for (let i = 0; i < count; i++) publisher.publish(`bench/${i % 7}`, `message ${i}`);

    const payloads = await subscriber.waitForPublishes(count);
    expect(payloads.map(String)).toEqual(Array.from({ length: count }, (_, i) => `message ${i}`));
    // Without coalescing each PUBLISH costs ~5 frames (1000 here).
    expect(subscriber.frames.length - framesBefore).toBeLessThan(count / 4);
  });

  it('passes a payload larger than one frame unchanged', async () => {
    broker = await startBroker({ wsPort: 0, tcpPort: 0 });
    subscriber = await rawSubscriber(broker.wsUrl, 'big');
    publisher = await connectClient(broker.tcpUrl ?? '');
    const big = Buffer.from(Array.from({ length: 300_000 }, (_, i) => i % 251));
    publisher.publish('big', big);
    const [payload] = await subscriber.waitForPublishes(1);
    expect(payload?.equals(big)).toBe(true);
  });

  it('closes the connection on a text frame, as MQTT over WebSocket requires', async () => {
    broker = await startBroker({ wsPort: 0, tcpPort: null });
    subscriber = await rawSubscriber(broker.wsUrl, 'x');
    const closed = new Promise((resolve) => subscriber?.socket.once('close', resolve));
    subscriber.socket.send('not binary');
    await expect(closed).resolves.toBeDefined();
  });
});

describe('CoalescingWsStream and a reader that stops', () => {
  it('never holds the writer back, says how much waits, and delivers it all later', async () => {
    const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const accepted = new Promise<WebSocket>((resolve) => server.once('connection', resolve));
    const reader = new WebSocket(`ws://127.0.0.1:${(server.address() as { port: number }).port}`);
    let received = 0;
    reader.on('message', (data: Buffer) => (received += data.length));
    const stream = new CoalescingWsStream(await accepted);
    try {
      await new Promise((resolve) => reader.once('open', resolve));
      reader.pause();
      const chunk = Buffer.alloc(16 * 1024, 1);
      const target = 8 * 1024 * 1024;
      let written = 0;
      let completed = 0;
      // Bounded: loopback kernel buffers take a few MB, the rest must wait in the stream.
      for (let i = 0; i < 4000 && stream.queuedBytes < target; i++) {
        written += chunk.length;
        // aedes waits for this callback before the next message to every subscriber.
        expect(stream.write(chunk, () => (completed += 1))).toBe(true);
        await new Promise((resolve) => setImmediate(resolve));
        expect(completed, 'write callbacks that came back').toBe(i + 1);
      }
      expect(stream.queuedBytes).toBeGreaterThanOrEqual(target);
      reader.resume();
      await waitUntil(() => received === written, 'all bytes at the reader', 10_000);
      expect(stream.queuedBytes).toBe(0);
    } finally {
      stream.destroy();
      reader.terminate();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
