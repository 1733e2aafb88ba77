import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import mqttPacket from 'mqtt-packet';
import { WebSocketServer, WebSocket as WsSocket } from 'ws';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IClientOptions, MqttClient } from 'mqtt';
import { createDecoderRegistry } from '../../../core/decoders/index.ts';
import { IngestPipeline } from '../engine/ingest-pipeline.ts';
import type { ConnectSettings, ConnectionEvent, ConnectionStatus } from '../protocol.ts';
import { MqttSource } from './mqtt-source.ts';
import { testConnectSettings } from '../engine/test-support.ts';
import { startMosquitto } from '../../../../e2e/support/mosquitto.ts';
import { connectOverWebSocket } from '../websocket-client.ts';
import type { SocketLike, SocketReport } from '../websocket-transport.ts';

/** The parts of mqtt.js's client the lifecycle uses, with its reconnect timer made visible. */
class FakeClient extends EventEmitter {
  connected = false;
  disconnecting = false;
  reconnects = 0;
  constructor(readonly options: IClientOptions) {
    super();
  }
  subscribe() {}
  end() {
    this.disconnecting = true;
  }
  _clearReconnect() {}
  _reconnect() {
    this.reconnects += 1;
    this.emit('reconnect');
  }
  accept(sessionPresent = false) {
    this.connected = true;
    this.emit('connect', { cmd: 'connack', sessionPresent, returnCode: 0 });
  }
  drop() {
    this.connected = false;
    this.emit('close');
  }
  packet() {
    this.emit('packetreceive', { cmd: 'pingresp' });
  }
}

const settings = testConnectSettings({ keepaliveSeconds: 10 });

describe('MqttSource', () => {
  let events: ConnectionEvent[];
  let client: FakeClient;
  let source: MqttSource;
  const statuses = () =>
    events.flatMap((e) => (e.type === 'status' ? [e.status] : [])) as ConnectionStatus[];
  const lastStatus = () => statuses().at(-1);

  beforeEach(() => {
    vi.useFakeTimers();
    events = [];
    const pipeline = new IngestPipeline('c1', [], createDecoderRegistry(), () => undefined);
    source = new MqttSource(
      'c1',
      (_url, options) => {
        client = new FakeClient(options);
        return client as unknown as MqttClient;
      },
      pipeline,
      (event) => events.push(event),
      { pageProtocol: 'http:', fetch: null },
    );
    source.connect(settings);
    client.accept();
  });
  afterEach(() => {
    source.dispose();
    vi.useRealTimers();
  });

  it('shows a lost connection at once and tries again at once, then ramps up', () => {
    client.drop();
    expect(lastStatus()).toMatchObject({ status: 'reconnecting' });
    expect(client.reconnects).toBe(0);
    vi.advanceTimersByTime(0);
    expect(client.reconnects).toBe(1);
    // The next waits ramp up from an eighth of the 2 s period.
    expect(client.options.reconnectPeriod).toBe(250);
    client.drop();
    client.emit('reconnect');
    expect(client.options.reconnectPeriod).toBe(500);
  });

  it('marks the gap in the stream once the connection is back', () => {
    vi.setSystemTime(10_000);
    client.drop();
    vi.advanceTimersByTime(0);
    vi.setSystemTime(12_500);
    client.accept(true);
    expect(events.filter((e) => e.type === 'stream-gap')).toEqual([
      { type: 'stream-gap', lostAt: 10_000, resumedAt: 12_500, sessionPresent: true },
    ]);
    // A first connection, or one after the user's own disconnect, marks nothing.
    source.disconnect();
    source.connect(settings);
    client.accept();
    expect(events.filter((e) => e.type === 'stream-gap')).toHaveLength(1);
  });

  it('calls a broker silent after 1.25 keepalive periods with no packet, and answering again', () => {
    vi.advanceTimersByTime(12_000);
    expect(lastStatus()).toMatchObject({ status: 'connected', silentSince: null });
    vi.advanceTimersByTime(1_000);
    expect(lastStatus()).toMatchObject({ status: 'connected', silentSince: expect.any(Number) });
    client.packet();
    vi.advanceTimersByTime(500);
    expect(lastStatus()).toMatchObject({ status: 'connected', silentSince: null });
  });

  it('never calls a busy broker silent', () => {
    for (let i = 0; i < 60; i += 1) {
      client.packet();
      vi.advanceTimersByTime(1_000);
    }
    expect(statuses().filter((s) => s.status === 'connected' && s.silentSince !== null)).toEqual(
      [],
    );
  });
});

describe('MqttSource with the nodes of a cluster', () => {
  const nodeA = 'ws://127.0.0.1:9001/mqtt';
  const nodeB = 'ws://127.0.0.1:9002/mqtt';
  let events: ConnectionEvent[];
  let client: FakeClient;
  let nodeUrl: () => string;
  let source: MqttSource;
  const lastStatus = () => events.filter((e) => e.type === 'status').at(-1)?.status;
  const logText = () => events.flatMap((e) => (e.type === 'log' ? [e.entry.text] : []));

  beforeEach(() => {
    vi.useFakeTimers();
    events = [];
    const pipeline = new IngestPipeline('c1', [], createDecoderRegistry(), () => undefined);
    source = new MqttSource(
      'c1',
      (_url, options, _onSocket, pickNode) => {
        client = new FakeClient(options);
        nodeUrl = pickNode ?? (() => _url);
        return client as unknown as MqttClient;
      },
      pipeline,
      (event) => events.push(event),
      { pageProtocol: 'http:', fetch: null },
    );
    source.connect({ ...settings, url: nodeA, otherUrls: [nodeB, nodeA, 'not a url', ' '] });
  });
  afterEach(() => {
    source.dispose();
    vi.useRealTimers();
  });

  it('goes to the next node at once when the one in use goes away, and marks the switch', () => {
    expect(nodeUrl()).toBe(nodeA);
    client.accept();
    vi.setSystemTime(20_000);
    client.drop();
    expect(lastStatus()).toMatchObject({ status: 'reconnecting', url: nodeA });
    vi.advanceTimersByTime(0);
    expect(client.reconnects).toBe(1);
    expect(nodeUrl()).toBe(nodeB);
    expect(lastStatus()).toMatchObject({ status: 'connecting', url: nodeB });
    vi.setSystemTime(20_300);
    client.accept();
    expect(lastStatus()).toMatchObject({ status: 'connected', url: nodeB });
    expect(events.filter((e) => e.type === 'stream-gap')).toEqual([
      {
        type: 'stream-gap',
        lostAt: 20_000,
        resumedAt: 20_300,
        sessionPresent: false,
        switchedTo: nodeB,
      },
    ]);
    expect(logText()).toContain(`Switched to ${nodeB}: ${nodeA} went away.`);
    // A duplicate is tried once; what is not a broker URL is left out, and said.
    expect(logText().filter((t) => t.startsWith('Other node not a url left out'))).toHaveLength(1);
  });

  it('tries every node at once before backing off', () => {
    client.drop(); // node A refused the first attempt
    vi.advanceTimersByTime(0);
    expect(client.reconnects).toBe(1);
    expect(nodeUrl()).toBe(nodeB);
    client.drop(); // and node B too: now the backoff applies before A again
    vi.advanceTimersByTime(0);
    expect(client.reconnects).toBe(1);
    expect(nodeUrl()).toBe(nodeA);
    expect(lastStatus()).toMatchObject({ status: 'reconnecting', url: nodeB });
  });
});

/** A WebSocket broker that accepts any CONNECT, never answers a PINGREQ, and streams PUBLISHes. */
async function silentPinger(): Promise<{
  url: string;
  close(): Promise<void>;
}> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => server.once('listening', resolve));
  const sockets = new Set<WsSocket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    const parser = mqttPacket.parser({ protocolVersion: 4 });
    parser.on('packet', (packet) => {
      if (packet.cmd === 'connect')
        socket.send(mqttPacket.generate({ cmd: 'connack', returnCode: 0, sessionPresent: false }));
      // PINGREQ gets no answer: the PINGRESP of a broker behind a backlog has not come yet.
    });
    socket.on('message', (data: Buffer) => parser.parse(data));
    const timer = setInterval(() => {
      socket.send(
        mqttPacket.generate({
          cmd: 'publish',
          topic: 'busy/line',
          payload: Buffer.from('x'),
          qos: 0,
          retain: false,
          dup: false,
        }),
      );
    }, 50);
    socket.on('close', () => {
      clearInterval(timer);
      sockets.delete(socket);
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/mqtt`,
    close: () => {
      for (const socket of sockets) socket.terminate();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

describe('MqttSource with the real mqtt.js client', () => {
  const open: { dispose(): void }[] = [];
  afterEach(() => {
    for (const source of open.splice(0)) source.dispose();
  });

  /** A source whose client is the one the worker uses, over `ws`'s WebSocket. */
  function realSource(url: string, changes: Partial<ConnectSettings>) {
    const events: ConnectionEvent[] = [];
    const sockets: SocketReport[] = [];
    const connect = connectOverWebSocket(
      (address, protocol) => new WsSocket(address, protocol) as unknown as SocketLike,
    );
    const pipeline = new IngestPipeline('c1', [], createDecoderRegistry(), () => undefined);
    const source = new MqttSource(
      'c1',
      (address, options, onSocket) =>
        connect(address, options, (report) => {
          sockets.push(report);
          onSocket(report);
        }),
      pipeline,
      (event) => events.push(event),
      { pageProtocol: 'http:', fetch: null },
    );
    open.push(source);
    source.connect({ ...settings, url, ...changes });
    const statuses = () => events.flatMap((e) => (e.type === 'status' ? [e.status.status] : []));
    return { source, events, sockets, statuses };
  }

  it('stops after a refused login: no socket is opened again', async () => {
    const broker = await startMosquitto({ user: { name: 'scope', password: 'right' } });
    try {
      const { events, sockets, statuses } = realSource(`${broker.wsUrl}/mqtt`, {
        username: 'scope',
        password: 'wrong',
        reconnectPeriodSeconds: 0.1,
      });
      await vi.waitFor(() => expect(statuses().at(-1)).toBe('error'), { timeout: 5_000 });
      const refusal = events.findLast((e) => e.type === 'status');
      expect(refusal).toMatchObject({
        status: { reason: expect.stringMatching(/user name or password|not authori[sz]ed/i) },
      });
      // mqtt.js retries a refused CONNACK every period (reconnectOnConnackError): ten periods
      // later it would have opened several more sockets.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(sockets).toHaveLength(1);
      expect(statuses().at(-1)).toBe('error');
    } finally {
      await broker.stop();
    }
  }, 15_000);

  it('stays connected while messages arrive though pings go unanswered', async () => {
    const broker = await silentPinger();
    try {
      const { statuses } = realSource(broker.url, { keepaliveSeconds: 1 });
      await vi.waitFor(() => expect(statuses()).toContain('connected'), { timeout: 3_000 });
      // mqtt.js alone gives the connection up 1.5 keepalives after its first unanswered ping.
      await new Promise((resolve) => setTimeout(resolve, 3_500));
      expect(statuses().at(-1)).toBe('connected');
      expect(statuses().filter((s) => s !== 'connected' && s !== 'connecting')).toEqual([]);
    } finally {
      await broker.close();
    }
  }, 20_000);
});
