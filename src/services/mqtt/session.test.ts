import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MqttClient } from 'mqtt';
import { MqttSession } from './session.ts';
import type { ConnectSettings, SessionBatch } from './protocol.ts';

/** Just enough of mqtt.js's client for the session: events in, calls recorded. */
class FakeClient extends EventEmitter {
  connected = false;
  subscribed: string[] = [];
  subscribe(
    filter: string,
    _options: unknown,
    callback: (error: Error | null, granted: { qos: number }[]) => void,
  ) {
    this.subscribed.push(filter);
    callback(null, [{ qos: 0 }]);
  }
  publish(_topic: string, _payload: string, _options: unknown, callback: (error?: Error) => void) {
    callback();
  }
  unsubscribe() {}
  end() {
    this.connected = false;
  }
  receive(topic: string, payload: string) {
    this.emit('message', topic, new TextEncoder().encode(payload), { qos: 0, retain: false });
  }
  accept() {
    this.connected = true;
    this.emit('connect', {});
  }
}

const settings: ConnectSettings = {
  url: 'ws://127.0.0.1:9001/mqtt',
  clientId: 'test',
  username: '',
  password: '',
  protocolVersion: 4,
  keepaliveSeconds: 30,
  cleanStart: true,
};

describe('MqttSession', () => {
  let client: FakeClient;
  let batches: SessionBatch[];
  let session: MqttSession;

  beforeEach(() => {
    vi.useFakeTimers();
    client = new FakeClient();
    batches = [];
    session = new MqttSession(
      () => client as unknown as MqttClient,
      (batch) => batches.push(batch),
    );
  });

  afterEach(() => {
    session.dispose();
    vi.useRealTimers();
  });

  it('sends nothing until the page pulls, then one batch with everything', () => {
    session.handle({ type: 'connect', settings });
    client.accept();
    for (let i = 0; i < 500; i += 1) client.receive(`t/${i % 5}`, String(i));
    vi.advanceTimersByTime(50);
    expect(batches).toHaveLength(0);

    session.handle({ type: 'pull' });
    vi.advanceTimersByTime(1);
    expect(batches).toHaveLength(1);
    expect(batches[0]?.counters.received).toBe(500);
    expect(batches[0]?.rows.at(-1)?.preview).toBe('499');
    expect(batches[0]?.events.map((event) => event.type)).toEqual(['status', 'status']);
  });

  it('answers a waiting pull as soon as a message arrives, and only once', () => {
    session.handle({ type: 'pull' });
    vi.advanceTimersByTime(1);
    batches.length = 0;
    session.handle({ type: 'connect', settings });
    client.accept();
    session.handle({ type: 'pull' });
    client.receive('a', '1');
    client.receive('a', '2');
    vi.advanceTimersByTime(1);
    expect(batches).toHaveLength(1);
    client.receive('a', '3');
    vi.advanceTimersByTime(100);
    expect(batches).toHaveLength(1);
  });

  it('sends a message at once even while a chart waits for its next redraw', () => {
    session.handle({ type: 'watch-series', seriesId: 'chart', filter: 'a', jsonPath: '' });
    session.handle({ type: 'connect', settings });
    client.accept();
    const pullAndRun = () => {
      session.handle({ type: 'pull' });
      vi.advanceTimersByTime(1);
    };
    pullAndRun();
    client.receive('a', '1');
    pullAndRun(); // rows and the chart's first snapshot
    client.receive('a', '2');
    pullAndRun(); // rows; the chart is not due for another redraw yet
    pullAndRun(); // nothing to send: the session waits for the chart's redraw time
    const before = batches.length;

    client.receive('a', '3');
    vi.advanceTimersByTime(1);
    expect(batches).toHaveLength(before + 1);
    expect(batches.at(-1)?.rows.map((row) => row.preview)).toEqual(['3']);
  });

  it('re-subscribes every wanted filter after each (re)connect', () => {
    session.handle({ type: 'subscribe', filter: 'a/#', qos: 0 });
    session.handle({ type: 'connect', settings });
    client.accept();
    client.accept();
    expect(client.subscribed).toEqual(['a/#', 'a/#']);
  });

  it('refuses an invalid filter without asking the broker', () => {
    session.handle({ type: 'connect', settings });
    client.accept();
    session.handle({ type: 'subscribe', filter: 'a/#/b', qos: 0 });
    session.handle({ type: 'pull' });
    vi.advanceTimersByTime(1);
    expect(client.subscribed).toEqual([]);
    expect(batches[0]?.events).toContainEqual(
      expect.objectContaining({ type: 'subscribe-failed', filter: 'a/#/b' }),
    );
  });

  it('reports a refused login in words and stops', () => {
    session.handle({ type: 'connect', settings });
    client.emit(
      'error',
      Object.assign(new Error('Connection refused: Bad username or password'), { code: 4 }),
    );
    session.handle({ type: 'pull' });
    vi.advanceTimersByTime(1);
    expect(batches[0]?.events.at(-1)).toEqual({
      type: 'status',
      status: {
        status: 'error',
        url: settings.url,
        reason: 'The broker refused the connection: bad user name or password (code 4).',
      },
    });
  });

  it('does not time out a connection that is busy delivering messages', () => {
    const keepalive = { counter: 2 };
    Object.assign(client, { keepaliveManager: keepalive });
    session.handle({ type: 'connect', settings });
    client.accept();
    // A ping is outstanding (counter 2); its answer is queued behind the backlog.
    client.receive('a', '1');
    expect(keepalive.counter).toBe(1);
  });

  it('refuses an mqtt:// URL before opening anything', () => {
    const connect = vi.fn();
    const strict = new MqttSession(connect, (batch) => batches.push(batch));
    strict.handle({ type: 'connect', settings: { ...settings, url: 'mqtt://localhost:1883' } });
    strict.handle({ type: 'pull' });
    vi.advanceTimersByTime(1);
    expect(connect).not.toHaveBeenCalled();
    expect(batches[0]?.events[0]).toMatchObject({ type: 'status', status: { status: 'error' } });
    strict.dispose();
  });
});
