import { afterEach, describe, expect, it } from 'vitest';
import type { MqttClient } from 'mqtt';
import { WebSocket, WebSocketServer } from 'ws';
import { startBroker } from './broker.ts';
import { CoalescingWsStream } from './coalescing-ws-stream.ts';
import type { RunningBroker } from './broker.ts';
import { connectClient } from './mqtt-test-helpers.ts';

/*
 * A raw `ws` client sees every WebSocket frame as one 'message', which mqtt.js would hide.
 * It speaks just enough MQTT 3.1.1 by hand: CONNECT, SUBSCRIBE, and reading PUBLISH back.
 */

const remainingLength = (length: number): number[] => {
  const bytes: number[] = [];
  do {
    let byte = length % 128;
    length = Math.floor(length / 128);
    if (length > 0) byte |= 0x80;
    bytes.push(byte);
  } while (length > 0);
  return bytes;
};
const mqttString = (text: string) => {
  const bytes = Buffer.from(text);
  return Buffer.concat([Buffer.from([bytes.length >> 8, bytes.length & 0xff]), bytes]);
};
const packet = (firstByte: number, body: Buffer) =>
  Buffer.concat([Buffer.from([firstByte, ...remainingLength(body.length)]), body]);

// MQTT 3.1.1 section 3.1: protocol name, level 4, clean session, keep-alive 60 s, client id.
const CONNECT = packet(
  0x10,
  Buffer.concat([mqttString('MQTT'), Buffer.from([4, 0x02, 0, 60]), mqttString('raw')]),
);
// Section 3.8: packet id 1, one filter at QoS 0.
const subscribe = (filter: string) =>
  packet(0x82, Buffer.concat([Buffer.from([0, 1]), mqttString(filter), Buffer.from([0])]));

/** Splits a byte stream into packets and returns the payloads of the PUBLISH packets (QoS 0). */
function publishPayloads(stream: Buffer): Buffer[] {
  const payloads: Buffer[] = [];
  let offset = 0;
  while (offset < stream.length) {
    const type = (stream[offset] ?? 0) >> 4;
    let length = 0;
    let multiplier = 1;
    let byte = 0x80;
    let cursor = offset + 1;
    while (byte & 0x80) {
      byte = stream[cursor++] ?? 0;
      length += (byte & 0x7f) * multiplier;
      multiplier *= 128;
    }
    const body = stream.subarray(cursor, cursor + length);
    if (type === 3) payloads.push(body.subarray(2 + body.readUInt16BE(0)));
    offset = cursor + length;
  }
  return payloads;
}

interface RawSubscriber {
  frames: Buffer[];
  socket: WebSocket;
  /** Resolves once `count` PUBLISH packets have arrived, with their payloads. */
  waitForPublishes(count: number): Promise<Buffer[]>;
}

function waitUntil(ready: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const check = () => {
      if (ready()) resolve();
      else if (Date.now() > deadline) reject(new Error(`Timed out waiting for ${what}`));
      else setTimeout(check, 5);
    };
    check();
  });
}

async function rawSubscriber(url: string, filter: string): Promise<RawSubscriber> {
  const socket = new WebSocket(url, ['mqtt']);
  const frames: Buffer[] = [];
  socket.on('message', (data: Buffer) => frames.push(data));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  socket.send(CONNECT);
  socket.send(subscribe(filter));
  // CONNACK (4 bytes) and SUBACK (5 bytes) arrive before the subscription is active.
  await waitUntil(() => Buffer.concat(frames).length >= 9, 'CONNACK and SUBACK');
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

describe('CoalescingWsStream backpressure', () => {
  it('reports a full socket to the writer and drains once the reader catches up', async () => {
    const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const accepted = new Promise<WebSocket>((resolve) => server.once('connection', resolve));
    const reader = new WebSocket(`ws://127.0.0.1:${(server.address() as { port: number }).port}`);
    let received = 0;
    reader.on('message', (data: Buffer) => (received += data.length));
    const stream = new CoalescingWsStream(await accepted, { maxBufferedBytes: 64 * 1024 });
    try {
      await new Promise((resolve) => reader.once('open', resolve));
      reader.pause();
      const chunk = Buffer.alloc(16 * 1024, 1);
      let written = 0;
      // Bounded: loopback buffers hold a few MB at most before the socket pushes back.
      for (let i = 0; i < 4000; i++) {
        written += chunk.length;
        if (!stream.write(chunk)) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(stream.writableNeedDrain).toBe(true);
      const drained = new Promise((resolve) => stream.once('drain', resolve));
      reader.resume();
      await drained;
      await waitUntil(() => received === written, 'all bytes at the reader', 5000);
    } finally {
      stream.destroy();
      reader.terminate();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
