import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { MqttClient } from 'mqtt';
import { WebSocket } from 'ws';
import { startBroker } from './broker.ts';
import type { RunningBroker } from './broker.ts';
import { collect, connectClient } from './mqtt-test-helpers.ts';

let broker: RunningBroker | null = null;
const clients: MqttClient[] = [];

async function connect(url: string): Promise<MqttClient> {
  const client = await connectClient(url);
  clients.push(client);
  return client;
}

async function start(): Promise<RunningBroker> {
  broker = await startBroker({ wsPort: 0, tcpPort: 0 });
  return broker;
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.endAsync(true)));
  await broker?.close();
  broker = null;
});

/** Offers subprotocols the way a browser does and reports the one the server chose. */
function negotiate(url: string, protocols: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, protocols);
    socket.once('open', () => {
      resolve(socket.protocol);
      socket.close();
    });
    socket.once('error', reject);
  });
}

describe('startBroker', () => {
  it('reports the real ports and URLs when asked for free ports', async () => {
    const { wsUrl, tcpUrl, wsPort, tcpPort } = await start();
    expect(wsPort).toBeGreaterThan(0);
    expect(wsUrl).toBe(`ws://127.0.0.1:${wsPort}/mqtt`);
    expect(tcpUrl).toBe(`mqtt://127.0.0.1:${tcpPort}`);
  });

  it('carries exact payloads from TCP to WebSocket and back', async () => {
    const { wsUrl, tcpUrl } = await start();
    const [ws, tcp] = await Promise.all([connect(wsUrl), connect(tcpUrl ?? '')]);
    await Promise.all([ws.subscribeAsync('to-ws/#'), tcp.subscribeAsync('to-tcp/#')]);
    const bytes = Buffer.from([0, 1, 2, 0xfe, 0xff, 0x7b]);

    const atWs = collect(ws, (r) => r.length === 1);
    await tcp.publishAsync('to-ws/bytes', bytes);
    expect((await atWs)[0]).toMatchObject({ topic: 'to-ws/bytes', payload: bytes });

    const atTcp = collect(tcp, (r) => r.length === 1);
    await ws.publishAsync('to-tcp/text', '{"t":21.5}');
    expect((await atTcp)[0]?.payload.toString()).toBe('{"t":21.5}');
  });

  it('delivers retained messages to later subscribers', async () => {
    const { wsUrl, tcpUrl } = await start();
    const publisher = await connect(tcpUrl ?? '');
    await publisher.publishAsync('site/status', 'online', { qos: 1, retain: true });

    const subscriber = await connect(wsUrl);
    const received = collect(subscriber, (r) => r.length === 1);
    await subscriber.subscribeAsync('site/#');
    expect((await received)[0]).toMatchObject({ topic: 'site/status', retain: true });
  });

  it('accepts the mqtt and mqttv3.1 WebSocket subprotocols', async () => {
    const { wsUrl } = await start();
    expect(await negotiate(wsUrl, ['mqtt'])).toBe('mqtt');
    expect(await negotiate(wsUrl, ['mqttv3.1'])).toBe('mqttv3.1');
  });

  it('can run without TCP', async () => {
    broker = await startBroker({ wsPort: 0, tcpPort: null });
    expect(broker.tcpUrl).toBeNull();
    expect(broker.tcpPort).toBeNull();
  });

  it('frees its ports on close, even with clients connected', async () => {
    const { wsUrl, tcpUrl, wsPort, tcpPort } = await start();
    await Promise.all([connect(wsUrl), connect(tcpUrl ?? '')]);
    await broker?.close();
    broker = await startBroker({ wsPort, tcpPort });
    expect(broker.wsPort).toBe(wsPort);
  });

  it('says which port is busy and which flag changes it', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      await expect(startBroker({ wsPort: 0, tcpPort: port })).rejects.toThrow(
        new RegExp(`Port ${port} \\(MQTT over TCP\\).*--mqtt-port`),
      );
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
