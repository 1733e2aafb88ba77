import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IClientOptions, MqttClient } from 'mqtt';
import { createProfile } from '../../../core/connection-profile.ts';
import { createDecoderRegistry } from '../../../core/decoders/index.ts';
import { IngestPipeline } from '../engine/ingest-pipeline.ts';
import type { ConnectSettings, ConnectionEvent, ConnectionStatus } from '../protocol.ts';
import { MqttSource } from './mqtt-source.ts';

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

const settings: ConnectSettings = {
  url: 'ws://127.0.0.1:9001/mqtt',
  clientId: 'test',
  username: '',
  password: '',
  protocolVersion: 4,
  cleanStart: true,
  keepaliveSeconds: 10,
  connectTimeoutSeconds: 10,
  reconnectPeriodSeconds: 2,
  sessionExpirySeconds: null,
  will: null,
  properties: createProfile({ host: '127.0.0.1', port: 9001, path: '/mqtt' }).properties,
};

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
