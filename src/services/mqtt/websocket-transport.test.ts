import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import mqtt from 'mqtt';
import type { IClientOptions, MqttClient } from 'mqtt';
import type { AddressInfo } from 'node:net';
import mqttPacket from 'mqtt-packet';
import { WebSocketServer, WebSocket as WsSocket } from 'ws';
import { startMosquitto } from '../../../e2e/support/mosquitto.ts';
import type { RunningMosquitto } from '../../../e2e/support/mosquitto.ts';
import { connectOverWebSocket } from './websocket-client.ts';
import { WebSocketTransport } from './websocket-transport.ts';
import type { SocketLike, SocketReport } from './websocket-transport.ts';

/** A WebSocket stand-in: records what is sent, and lets the test open, close and deliver. */
function fakeSocket() {
  const sent: Uint8Array[] = [];
  const socket = {
    binaryType: 'blob',
    readyState: 0,
    send: (data: Uint8Array) => sent.push(data),
    close: vi.fn(() => {
      socket.readyState = 3;
    }),
    onopen: null,
    onmessage: null,
    onclose: null,
    onerror: null,
  } as unknown as SocketLike & { readyState: number; close: ReturnType<typeof vi.fn> };
  const open = () => {
    socket.readyState = 1;
    socket.onopen?.call(socket as unknown as WebSocket, new Event('open'));
  };
  const deliver = (...bytes: number[]) =>
    socket.onmessage?.call(
      socket as unknown as WebSocket,
      {
        data: new Uint8Array(bytes).buffer,
      } as MessageEvent,
    );
  return { socket, sent, open, deliver };
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('WebSocketTransport', () => {
  it('holds writes until the socket opens, then sends them as one frame', () => {
    const { socket, sent, open } = fakeSocket();
    const transport = new WebSocketTransport(socket);
    transport.write(new Uint8Array([0x10, 2]));
    transport.write(new Uint8Array([0, 4]));
    expect(sent).toEqual([]);
    open();
    expect(sent).toEqual([new Uint8Array([0x10, 2, 0, 4])]);
  });

  it('sends the corked pieces of one packet as one frame', () => {
    const { socket, sent, open } = fakeSocket();
    open();
    const transport = new WebSocketTransport(socket);
    transport.cork();
    transport.write(new Uint8Array([0x30]));
    transport.write(new Uint8Array([3, 0, 1, 0x61]));
    expect(sent).toEqual([]);
    transport.uncork();
    expect(sent).toEqual([new Uint8Array([0x30, 3, 0, 1, 0x61])]);
  });

  it('hands every frame that arrived meanwhile to the parser in one write', async () => {
    const { socket, open, deliver } = fakeSocket();
    open();
    const transport = new WebSocketTransport(socket);
    const writes: Uint8Array[] = [];
    transport.pipe({ write: (chunk: Uint8Array) => writes.push(chunk) });
    deliver(1, 2);
    deliver(3);
    deliver(4, 5);
    expect(writes).toEqual([]);
    await nextTask();
    expect(writes).toEqual([new Uint8Array([1, 2, 3, 4, 5])]);
    transport.destroy();
  });

  it('reports a socket error, then the close, once', () => {
    const { socket, open } = fakeSocket();
    open();
    const transport = new WebSocketTransport(socket);
    const events: string[] = [];
    transport.on('error', () => events.push('error'));
    transport.on('close', () => events.push('close'));
    socket.onerror?.call(socket as unknown as WebSocket, new Event('error'));
    socket.onclose?.call(socket as unknown as WebSocket, new Event('close') as CloseEvent);
    expect(events).toEqual(['error', 'close']);
    expect(transport.destroyed).toBe(true);
  });

  it('drops what arrives after it was destroyed', async () => {
    const { socket, open, deliver } = fakeSocket();
    open();
    const transport = new WebSocketTransport(socket);
    const writes: Uint8Array[] = [];
    transport.pipe({ write: (chunk: Uint8Array) => writes.push(chunk) });
    deliver(1);
    transport.destroy();
    deliver(2);
    await nextTask();
    expect(writes).toEqual([]);
    expect(socket.close).toHaveBeenCalled();
  });

  it('calls a once listener a single time', () => {
    const { socket } = fakeSocket();
    const transport = new WebSocketTransport(socket);
    const listener = vi.fn();
    transport.once('drain', listener);
    transport.emit('drain');
    transport.emit('drain');
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('WebSocketTransport under the real mqtt.js client, against Mosquitto', () => {
  let broker: RunningMosquitto;
  const clients: MqttClient[] = [];
  beforeAll(async () => {
    broker = await startMosquitto();
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.endAsync(true)));
    await broker.stop();
  });

  /** The worker's client (websocket-client.ts) over `ws`'s WebSocket, with its socket reports. */
  async function transportClient(options: IClientOptions = {}) {
    const reports: SocketReport[] = [];
    const connect = connectOverWebSocket(
      (url, protocol) => new WsSocket(url, protocol) as unknown as SocketLike,
    );
    const client = connect(`${broker.wsUrl}/mqtt`, { reconnectPeriod: 0, ...options }, (r) =>
      reports.push(r),
    );
    clients.push(client);
    await new Promise<void>((resolve, reject) => {
      client.once('connect', () => resolve());
      client.once('close', () => reject(new Error('closed before CONNACK')));
    });
    return { client, reports };
  }

  /** A plain TCP client, to see what the broker did. */
  async function observer(filter: string) {
    const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.tcpPort}`, {
      reconnectPeriod: 0,
    });
    clients.push(client);
    const received: { topic: string; payload: Buffer }[] = [];
    client.on('message', (topic, payload) => received.push({ topic, payload }));
    await client.subscribeAsync(filter, { qos: 1 });
    return { client, received };
  }

  it('ends cleanly: the DISCONNECT goes out before the socket closes, so no will is sent', async () => {
    const watcher = await observer('will/#');
    const will = {
      topic: 'will/clean',
      payload: Buffer.from('gone'),
      qos: 1 as const,
      retain: false,
    };
    const clean = await transportClient({ clientId: 'clean-end', will });
    const cut = await transportClient({
      clientId: 'cut-off',
      will: { ...will, topic: 'will/cut' },
    });

    await clean.client.endAsync();
    cut.client.end(true); // no DISCONNECT: the broker must send this one's will
    await vi.waitFor(() => expect(clean.reports[0]?.closedAt).not.toBeNull(), { timeout: 3_000 });
    await vi.waitFor(() => expect(cut.reports[0]?.closedAt).not.toBeNull(), { timeout: 3_000 });
    // A message sent now arrives after anything the broker did about the two closes.
    await watcher.client.publishAsync('will/marker', 'after', { qos: 1 });
    await vi.waitFor(() => expect(watcher.received.map((m) => m.topic)).toContain('will/marker'), {
      timeout: 3_000,
    });
    expect(watcher.received.map((m) => m.topic)).toEqual(['will/cut', 'will/marker']);
  });

  it('reports a close by the broker as a close, not an error, once', async () => {
    const first = await transportClient({ clientId: 'taken-over' });
    const errors: unknown[] = [];
    let closes = 0;
    // mqtt.js swallows most stream errors, so listen on the transport itself too.
    const transport = first.client.stream as unknown as WebSocketTransport;
    transport.on('error', (error) => errors.push(error));
    first.client.on('error', (error) => errors.push(error));
    first.client.on('close', () => (closes += 1));
    // A second client with the same ID takes the session over: the broker closes the first.
    await transportClient({ clientId: 'taken-over' });
    await vi.waitFor(() => expect(closes).toBe(1), { timeout: 3_000 });
    expect(errors).toEqual([]);
    expect(first.reports[0]?.closeCode).not.toBeNull();
    expect(transport.destroyed).toBe(true);
    expect(first.client.connected).toBe(false);
  });
});

/**
 * A broker that answers CONNECT and SUBSCRIBE and sends every PUBLISH straight back: nothing in
 * between drops a message (Mosquitto 2.0.11's WebSocket listener lost most of such a burst even
 * for mqtt.js's own WebSocket stream), so every loss would be the client's.
 */
async function echoBroker(): Promise<{ url: string; close(): Promise<void> }> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => server.once('listening', resolve));
  server.on('connection', (socket) => {
    const parser = mqttPacket.parser({ protocolVersion: 4 });
    parser.on('packet', (packet) => {
      if (packet.cmd === 'connect')
        socket.send(mqttPacket.generate({ cmd: 'connack', returnCode: 0, sessionPresent: false }));
      else if (packet.cmd === 'subscribe')
        socket.send(
          mqttPacket.generate({
            cmd: 'suback',
            messageId: packet.messageId,
            granted: packet.subscriptions.map(() => 0),
          }),
        );
      else if (packet.cmd === 'publish') socket.send(mqttPacket.generate({ ...packet, qos: 0 }));
    });
    socket.on('message', (data: Buffer) => parser.parse(data));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/mqtt`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('WebSocketTransport under the real mqtt.js client, in a burst', () => {
  it('takes a burst larger than the socket can hold at once, and loses nothing either way', async () => {
    const broker = await echoBroker();
    const connect = connectOverWebSocket(
      (url, protocol) => new WsSocket(url, protocol) as unknown as SocketLike,
    );
    const client = connect(broker.url, { reconnectPeriod: 0 }, () => undefined);
    try {
      await new Promise((resolve) => client.once('connect', resolve));
      await client.subscribeAsync('bulk/#');
      const received: Buffer[] = [];
      client.on('message', (_topic, payload) => received.push(payload));
      // 200 × 32 KB written in one go: far more than one write of the socket takes, and as
      // much again coming back while the writes are still going out.
      const sent = Array.from({ length: 200 }, (_, i) => Buffer.alloc(32 * 1024, i % 251));
      await Promise.all(
        sent.map(
          (payload) =>
            new Promise<void>((resolve) =>
              client.publish('bulk/a', payload, { qos: 0 }, () => resolve()),
            ),
        ),
      );
      await vi.waitFor(() => expect(received).toHaveLength(sent.length), { timeout: 10_000 });
      expect(received.every((payload, i) => payload.equals(sent[i] as Buffer))).toBe(true);
    } finally {
      await client.endAsync(true);
      await broker.close();
    }
  }, 20_000);
});
