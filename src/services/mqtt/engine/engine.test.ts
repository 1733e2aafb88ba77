import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IClientOptions, MqttClient } from 'mqtt';
import { parseRecording } from '../../../core/recorder/import-format.ts';
import { EMPTY_QUERY } from '../../../core/recorder/message-query.ts';
import { DEFAULT_SUBSCRIBE_OPTIONS } from '../../../core/subscription-options.ts';
import { Engine } from './engine.ts';
import { testConnectSettings } from './test-support.ts';
import type { ConnectSettings, ConnectionBatch, EngineBatch } from '../protocol.ts';
import { newSocketReport } from '../websocket-transport.ts';
import type { SocketReport } from '../websocket-transport.ts';

/** Just enough of mqtt.js's client for a source: events in, calls recorded. */
class FakeClient extends EventEmitter {
  connected = false;
  disconnecting = false;
  subscribed: string[] = [];
  subscribeOptions: unknown[] = [];
  published: { topic: string; callback: (error?: Error) => void }[] = [];
  reconnectCleared = 0;
  /** What the broker grants per filter (a SUBACK return code; 0x80 refuses); else what was asked. */
  grants = new Map<string, number>();
  constructor(readonly options: IClientOptions) {
    super();
  }
  subscribe(
    filter: string,
    options: { qos: number },
    callback: (error: Error | null, granted: { qos: number }[]) => void,
  ) {
    this.subscribed.push(filter);
    this.subscribeOptions.push(options);
    callback(null, [{ qos: this.grants.get(filter) ?? options.qos }]);
  }
  publish(topic: string, _payload: string, _options: unknown, callback: (error?: Error) => void) {
    this.published.push({ topic, callback });
  }
  /** mqtt.js's last packet identifier: here, one per publish. */
  getLastMessageId() {
    return this.published.length;
  }
  unsubscribe() {}
  end() {
    this.connected = false;
    this.disconnecting = true;
  }
  _clearReconnect() {
    this.reconnectCleared += 1;
  }
  receive(topic: string, payload: string) {
    this.emit('message', topic, new TextEncoder().encode(payload), { qos: 0, retain: false });
  }
  accept(sessionPresent = false) {
    this.connected = true;
    this.emit('connect', { cmd: 'connack', sessionPresent, returnCode: 0 });
  }
  drop() {
    this.connected = false;
    this.emit('close');
  }
}

const settings = testConnectSettings();

describe('Engine', () => {
  let clients: Map<string, FakeClient>;
  let sockets: SocketReport[];
  let batches: EngineBatch[];
  let engine: Engine;
  const client = (id = 'c1') => clients.get(id) as FakeClient;
  const pull = () => {
    engine.handle({ type: 'pull' });
    vi.advanceTimersByTime(1);
  };
  const last = (id = 'c1'): ConnectionBatch | undefined =>
    batches.at(-1)?.connections.find((batch) => batch.connectionId === id);
  const allEvents = (id = 'c1') =>
    batches.flatMap((batch) =>
      batch.connections.filter((c) => c.connectionId === id).flatMap((c) => c.events),
    );
  const connect = (connectionId = 'c1', extra: Partial<ConnectSettings> = {}) =>
    engine.handle({ type: 'connect', connectionId, settings: { ...settings, ...extra } });

  beforeEach(() => {
    vi.useFakeTimers();
    clients = new Map();
    sockets = [];
    batches = [];
    engine = new Engine(
      (_url, options, onSocket) => {
        const fake = new FakeClient(options);
        const report = newSocketReport();
        sockets.push(report);
        onSocket(report);
        clients.set(options.clientId ?? '', fake);
        return fake as unknown as MqttClient;
      },
      (batch) => batches.push(batch),
    );
  });

  afterEach(() => {
    engine.dispose();
    vi.useRealTimers();
  });

  it('sends nothing until the page pulls, then one batch with everything', () => {
    connect('c1', { clientId: 'c1' });
    client().accept();
    for (let i = 0; i < 500; i += 1) client().receive(`t/${i % 5}`, String(i));
    vi.advanceTimersByTime(50);
    expect(batches).toHaveLength(0);

    pull();
    expect(batches).toHaveLength(1);
    expect(last()?.counters?.received).toBe(500);
    expect(last()?.rows.at(-1)?.preview).toBe('499');
    expect(
      last()
        ?.events.filter((e) => e.type === 'status')
        .map((e) => e.type),
    ).toEqual(['status', 'status']);
  });

  it('keeps two connections apart: each batch names where its rows came from', () => {
    connect('c1', { clientId: 'c1' });
    connect('c2', { clientId: 'c2' });
    client('c1').accept();
    client('c2').accept();
    client('c1').receive('plant/a', 'from one');
    client('c2').receive('lab/b', 'from two');
    client('c2').receive('lab/b', 'from two again');
    pull();
    expect(last('c1')?.rows.map((row) => [row.connectionId, row.preview])).toEqual([
      ['c1', 'from one'],
    ]);
    expect(last('c2')?.rows.map((row) => row.preview)).toEqual(['from two', 'from two again']);
    expect(last('c2')?.counters?.received).toBe(2);
  });

  it('answers a waiting pull as soon as a message arrives, and only once', () => {
    pull();
    batches.length = 0;
    connect('c1', { clientId: 'c1' });
    client().accept();
    engine.handle({ type: 'pull' });
    client().receive('a', '1');
    client().receive('a', '2');
    vi.advanceTimersByTime(1);
    expect(batches).toHaveLength(1);
    client().receive('a', '3');
    vi.advanceTimersByTime(100);
    expect(batches).toHaveLength(1);
  });

  it('decodes a message once for the list and the charts alike', () => {
    const parse = vi.spyOn(JSON, 'parse');
    connect('c1', { clientId: 'c1' });
    engine.handle({
      type: 'watch-series',
      connectionId: 'c1',
      seriesId: 's',
      filter: 'a',
      jsonPath: 'v',
    });
    engine.handle({
      type: 'watch-series',
      connectionId: 'c1',
      seriesId: 't',
      filter: 'a',
      jsonPath: 'w',
    });
    client().accept();
    parse.mockClear();
    client().receive('a', '{"v":1,"w":2}');
    pull();
    expect(parse).toHaveBeenCalledTimes(1);
    expect(last()?.rows[0]?.format).toBe('json');
    parse.mockRestore();
  });

  it('redraws one chart per frame, whichever connection it reads', () => {
    for (const id of ['c1', 'c2']) {
      connect(id, { clientId: id });
      engine.handle({
        type: 'watch-series',
        connectionId: id,
        seriesId: `s-${id}`,
        filter: 'a',
        jsonPath: '',
      });
      client(id).accept();
      client(id).receive('a', '1');
    }
    vi.advanceTimersByTime(300);
    pull();
    const drawn = () => batches.at(-1)?.connections.flatMap((c) => c.series.map((s) => s.seriesId));
    expect(drawn()).toHaveLength(1);
    pull();
    expect(drawn()).toHaveLength(1);
  });

  it('sends a message at once even while a chart waits for its next redraw', () => {
    engine.handle({
      type: 'watch-series',
      connectionId: 'c1',
      seriesId: 'chart',
      filter: 'a',
      jsonPath: '',
    });
    connect('c1', { clientId: 'c1' });
    client().accept();
    pull();
    client().receive('a', '1');
    pull(); // rows and the chart's first snapshot
    client().receive('a', '2');
    pull(); // rows; the chart is not due for another redraw yet
    pull(); // nothing to send: the engine waits for the chart's redraw time
    const before = batches.length;

    client().receive('a', '3');
    vi.advanceTimersByTime(1);
    expect(batches).toHaveLength(before + 1);
    expect(last()?.rows.map((row) => row.preview)).toEqual(['3']);
  });

  it('restores every subscription after a reconnect and says so', () => {
    engine.handle({
      type: 'subscribe',
      connectionId: 'c1',
      filter: 'a/#',
      qos: 0,
      options: DEFAULT_SUBSCRIBE_OPTIONS,
    });
    connect('c1', { clientId: 'c1' });
    client().accept();
    client().drop();
    client().emit('reconnect');
    client().accept(false);
    pull();
    expect(client().subscribed).toEqual(['a/#', 'a/#']);
    const subscribed = allEvents().filter((e) => e.type === 'subscribed');
    expect(subscribed.map((e) => e.type === 'subscribed' && e.restored)).toEqual([false, true]);
  });

  it('waits longer after each failed attempt, and shows when it tries again', () => {
    connect('c1', { clientId: 'c1' });
    const fake = client();
    const delays: number[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) {
      fake.emit('reconnect');
      delays.push(fake.options.reconnectPeriod ?? 0);
      fake.drop();
    }
    expect(delays).toEqual([4_000, 8_000, 16_000, 30_000]);
    pull();
    const status = allEvents()
      .filter((e) => e.type === 'status')
      .at(-1);
    expect(status).toMatchObject({ status: { status: 'reconnecting', attempt: 5 } });
    if (status?.type === 'status' && status.status.status === 'reconnecting') {
      expect(status.status.retryAt - Date.now()).toBeCloseTo(30_000, -1);
    }
  });

  it('sends the MQTT 5 options and identifier of a subscription, and refuses bad ones', () => {
    connect('c1', { clientId: 'c1' });
    client().accept();
    engine.handle({
      type: 'subscribe',
      connectionId: 'c1',
      filter: 'plant/#',
      qos: 1,
      options: { noLocal: true, retainAsPublished: true, retainHandling: 2, subscriptionId: 42 },
    });
    expect(client().subscribeOptions.at(-1)).toEqual({
      qos: 1,
      nl: true,
      rap: true,
      rh: 2,
      properties: { subscriptionIdentifier: 42 },
    });
    engine.handle({
      type: 'subscribe',
      connectionId: 'c1',
      filter: '$share/g/plant/#',
      qos: 0,
      options: { ...DEFAULT_SUBSCRIBE_OPTIONS, noLocal: true },
    });
    pull();
    expect(client().subscribed).toEqual(['plant/#']);
    expect(allEvents()).toContainEqual({
      type: 'subscribe-failed',
      filter: '$share/g/plant/#',
      reason: 'No Local cannot be used with a shared ($share/…) subscription.',
    });
  });

  it('refuses an invalid filter without asking the broker', () => {
    connect('c1', { clientId: 'c1' });
    client().accept();
    engine.handle({
      type: 'subscribe',
      connectionId: 'c1',
      filter: 'a/#/b',
      qos: 0,
      options: DEFAULT_SUBSCRIBE_OPTIONS,
    });
    pull();
    expect(client().subscribed).toEqual([]);
    expect(allEvents()).toContainEqual(
      expect.objectContaining({ type: 'subscribe-failed', filter: 'a/#/b' }),
    );
  });

  it('reports a refused login in words and stops', () => {
    connect('c1', { clientId: 'c1' });
    client().emit(
      'error',
      Object.assign(new Error('Connection refused: Bad username or password'), { code: 4 }),
    );
    pull();
    const status = allEvents()
      .filter((e) => e.type === 'status')
      .at(-1);
    expect(status).toMatchObject({
      status: {
        status: 'error',
        url: settings.url,
        reason: expect.stringContaining('bad user name or password'),
      },
    });
    expect(client().disconnecting).toBe(true);
    // mqtt.js closes the socket after the refusal: that must not start a retry.
    client().drop();
    client().emit('reconnect');
    pull();
    expect(
      allEvents()
        .filter((e) => e.type === 'status')
        .at(-1),
    ).toMatchObject({
      status: { status: 'error' },
    });
    // sources/mqtt-source.test.ts checks with the real mqtt.js client that no socket opens.
  });

  it('shows why the broker ended the session (MQTT 5 DISCONNECT)', () => {
    connect('c1', { clientId: 'c1', protocolVersion: 5 });
    client().accept();
    client().emit('disconnect', { cmd: 'disconnect', reasonCode: 0x8e, properties: {} });
    client().drop();
    pull();
    const status = allEvents()
      .filter((e) => e.type === 'status')
      .at(-1);
    expect(status).toMatchObject({
      status: { status: 'reconnecting', reason: expect.stringContaining('same client ID') },
    });
  });

  it('queues a QoS 1 message while offline and reports it delivered after the reconnect', () => {
    connect('c1', { clientId: 'c1' });
    client().accept();
    client().drop();
    engine.handle({
      type: 'publish',
      connectionId: 'c1',
      id: 7,
      topic: 'cmd',
      payload: 'on',
      qos: 1,
      retain: false,
    });
    pull();
    expect(allEvents()).toContainEqual({ type: 'publish-queued', id: 7 });
    client().accept();
    client().published[0]?.callback();
    pull();
    expect(allEvents()).toContainEqual({ type: 'published', id: 7, qos: 1 });
  });

  it('reports PUBREC, then PUBCOMP, for a QoS 2 message of raw bytes', () => {
    connect('c1', { clientId: 'c1' });
    client().accept();
    const payload = new Uint8Array([0, 0xff, 0x80]);
    engine.handle({
      type: 'publish',
      connectionId: 'c1',
      id: 9,
      topic: 'raw',
      payload,
      qos: 2,
      retain: false,
    });
    client().emit('packetreceive', { cmd: 'pubrec', messageId: 1 });
    pull();
    expect(allEvents()).toContainEqual({ type: 'publish-received', id: 9 });
    expect(allEvents()).not.toContainEqual(expect.objectContaining({ type: 'published', id: 9 }));
    client().published[0]?.callback();
    pull();
    expect(allEvents()).toContainEqual({ type: 'published', id: 9, qos: 2 });
  });

  it('fails what is still queued when the user disconnects', () => {
    connect('c1', { clientId: 'c1' });
    client().accept();
    client().drop();
    engine.handle({
      type: 'publish',
      connectionId: 'c1',
      id: 8,
      topic: 'cmd',
      payload: 'on',
      qos: 2,
      retain: false,
    });
    engine.handle({ type: 'disconnect', connectionId: 'c1' });
    pull();
    expect(allEvents()).toContainEqual(expect.objectContaining({ type: 'publish-failed', id: 8 }));
  });

  // The keepalive hold-off is checked against the real mqtt.js client, with a broker that
  // never answers pings: sources/mqtt-source.test.ts.

  it('sends again on reconnect only what the broker granted, at the QoS it granted', () => {
    const subscribe = (filter: string, qos: 0 | 1 | 2) =>
      engine.handle({
        type: 'subscribe',
        connectionId: 'c1',
        filter,
        qos,
        options: DEFAULT_SUBSCRIBE_OPTIONS,
      });
    connect('c1', { clientId: 'c1' });
    client().grants = new Map([
      ['plant/#', 1], // QoS 2 asked, 1 granted (as RabbitMQ does)
      ['secret/#', 0x80], // refused
    ]);
    subscribe('plant/#', 2);
    subscribe('hall/+', 0);
    subscribe('secret/#', 1);
    client().accept();
    client().drop();
    client().emit('reconnect');
    client().grants.set('plant/#', 2); // the new session grants what was asked
    client().accept();
    pull();
    expect(client().subscribed).toEqual([
      'plant/#',
      'hall/+',
      'secret/#',
      // After the reconnect: the refused filter is not asked for again.
      'plant/#',
      'hall/+',
    ]);
    const outcomes = allEvents().flatMap((e) =>
      e.type === 'subscribed'
        ? [`${e.filter} QoS ${e.grantedQos}${e.restored ? ' restored' : ''}`]
        : e.type === 'subscribe-failed'
          ? [`${e.filter} refused: ${e.reason}`]
          : [],
    );
    expect(outcomes).toEqual([
      'plant/# QoS 1',
      'hall/+ QoS 0',
      'secret/# refused: The broker refused the subscription (not allowed or not supported).',
      'plant/# QoS 2 restored',
      'hall/+ QoS 0 restored',
    ]);
  });

  it('reports each publish as delivered, or refused with the reason', () => {
    connect('c1', { clientId: 'c1', protocolVersion: 5 });
    client().accept();
    const publish = (id: number, topic: string, qos: 0 | 1 | 2) =>
      engine.handle({
        type: 'publish',
        connectionId: 'c1',
        id,
        topic,
        payload: 'p',
        qos,
        retain: false,
      });
    publish(1, 'plant/valve', 1);
    publish(2, 'plant/secret', 1);
    publish(3, 'plant/#', 1); // a wildcard cannot be published to
    client().published[0]?.callback();
    // MQTT 5 PUBACK with reason code 0x87, as mqtt.js reports it.
    client().published[1]?.callback(
      Object.assign(new Error('Publish error: Not authorized'), { code: 0x87 }),
    );
    client().drop();
    publish(4, 'plant/valve', 0); // QoS 0 is not queued while offline
    pull();
    const fates = allEvents().flatMap((e) =>
      e.type === 'published'
        ? [`${e.id} delivered at QoS ${e.qos}`]
        : e.type === 'publish-failed'
          ? [`${e.id} failed: ${e.reason}`]
          : [],
    );
    expect(fates).toEqual([
      expect.stringMatching(/^3 failed: A topic you publish to cannot contain the wildcards/),
      '1 delivered at QoS 1',
      expect.stringMatching(/^2 failed: .*not authori[sz]ed.*0x87/i),
      '4 failed: Not connected: a QoS 0 message is not queued. Use QoS 1 or 2 to queue it.',
    ]);
    expect(client().published.map((p) => p.topic)).toEqual(['plant/valve', 'plant/secret']);
  });

  it('refuses an mqtt:// URL before opening anything', () => {
    connect('c1', { url: 'mqtt://localhost:1883', clientId: 'c1' });
    pull();
    expect(clients.size).toBe(0);
    expect(allEvents()).toContainEqual(
      expect.objectContaining({
        type: 'status',
        status: expect.objectContaining({ status: 'error', url: 'mqtt://localhost:1883' }),
      }),
    );
  });

  it('finds out why a socket failed and puts it on the status', async () => {
    const fetchFn = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')));
    engine.dispose();
    engine = new Engine(
      (_url, options, onSocket) => {
        const fake = new FakeClient(options);
        onSocket(newSocketReport());
        clients.set(options.clientId ?? '', fake);
        return fake as unknown as MqttClient;
      },
      (batch) => batches.push(batch),
      { pageProtocol: 'http:', fetch: fetchFn },
    );
    connect('c1', { clientId: 'c1' });
    client().drop();
    await vi.runOnlyPendingTimersAsync();
    pull();
    expect(fetchFn).toHaveBeenCalled();
    const status = allEvents()
      .filter((e) => e.type === 'status')
      .at(-1);
    expect(status).toMatchObject({
      status: {
        status: 'reconnecting',
        reason: expect.stringContaining('nothing answered at 127.0.0.1:9001'),
      },
    });
    expect(allEvents().some((e) => e.type === 'log' && e.entry.text.startsWith('Diagnosis'))).toBe(
      true,
    );
  });

  it('searches the recorders of every connection and hands out the matches newest first', () => {
    connect('c1', { clientId: 'c1' });
    connect('c2', { clientId: 'c2' });
    client('c1').accept();
    client('c2').accept();
    for (let i = 0; i < 300; i += 1) {
      vi.advanceTimersByTime(1);
      client(i % 2 ? 'c1' : 'c2').receive(`site/${i % 2 ? 'a' : 'b'}/t`, `{"v":${i}}`);
    }
    pull();
    engine.handle({
      type: 'run-query',
      queryId: 7,
      query: { ...EMPTY_QUERY, topicFilter: 'site/+/t', field: 'v >= 290' },
    });
    pull();
    expect(batches.at(-1)?.query).toMatchObject({
      queryId: 7,
      matched: 10,
      total: 300,
      done: true,
    });
    engine.handle({ type: 'query-rows', queryId: 7, offset: 0, count: 3 });
    pull();
    expect(batches.at(-1)?.queryRows?.rows.map((row) => [row.connectionId, row.preview])).toEqual([
      ['c1', '{"v":299}'],
      ['c2', '{"v":298}'],
      ['c1', '{"v":297}'],
    ]);
  });

  it('exports a finished search, oldest first, in chunks the page joins into our file', () => {
    connect('c1', { clientId: 'c1' });
    client('c1').accept();
    for (let i = 0; i < 50; i += 1) {
      vi.advanceTimersByTime(1);
      client('c1').receive(`line/${i % 5}`, String(i));
    }
    pull();
    engine.handle({
      type: 'run-query',
      queryId: 3,
      query: { ...EMPTY_QUERY, topicFilter: 'line/1' },
    });
    pull();
    engine.handle({
      type: 'export-query',
      exportId: 1,
      queryId: 3,
      format: 'jsonl',
      connectionNames: { c1: 'Line' },
    });
    const parts: string[] = [];
    for (let i = 0; i < 10 && !batches.at(-1)?.exportChunk?.done; i += 1) {
      pull();
      parts.push(batches.at(-1)?.exportChunk?.text ?? '');
    }
    const file = parseRecording(parts.join(''));
    expect(file.ok).toBe(true);
    if (!file.ok) return;
    expect(file.recording.connections).toEqual(['Line']);
    expect(file.recording.messages.map((m) => new TextDecoder().decode(m.payload))).toEqual([
      '1',
      '6',
      '11',
      '16',
      '21',
      '26',
      '31',
      '36',
      '41',
      '46',
    ]);
  });

  it('says what is wrong with a search instead of running it', () => {
    engine.handle({
      type: 'run-query',
      queryId: 1,
      query: { ...EMPTY_QUERY, text: '(', regex: true },
    });
    pull();
    expect(batches.at(-1)?.query?.problems[0]?.field).toBe('text');
  });

  it('forgets a closed connection', () => {
    connect('c1', { clientId: 'c1' });
    client().accept();
    engine.handle({ type: 'close-connection', connectionId: 'c1' });
    client().receive('a', '1');
    pull();
    expect(batches.flatMap((b) => b.connections)).toEqual([]);
  });
});
