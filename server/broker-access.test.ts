import { afterEach, describe, expect, it } from 'vitest';
import type { MqttClient } from 'mqtt';
import { startBroker } from './broker.ts';
import type { BrokerOptions, RunningBroker } from './broker.ts';
import { upgradeStatus } from './http-test-helpers.ts';
import { connectClient } from './mqtt-test-helpers.ts';

let broker: RunningBroker | null = null;
const clients: MqttClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.endAsync(true)));
  await broker?.close();
  broker = null;
});

async function start(options: BrokerOptions = {}) {
  const log: string[] = [];
  broker = await startBroker({ wsPort: 0, tcpPort: 0, log: (line) => log.push(line), ...options });
  return { broker, log };
}

describe('who may use the embedded broker', () => {
  it('refuses a WebSocket from another website with 403 and a log line', async () => {
    const { broker, log } = await start({
      isOriginAllowed: (origin) => origin === 'http://127.0.0.1:8080',
    });
    expect(await upgradeStatus(broker.wsUrl, 'https://evil.example')).toBe(403);
    expect(await upgradeStatus(broker.wsUrl, 'null')).toBe(403);
    expect(log.join('\n')).toMatch(/refused a WebSocket from a page at "https:\/\/evil\.example"/);
    expect(await upgradeStatus(broker.wsUrl, 'http://127.0.0.1:8080')).toBe(101);
    // mqtt.js in Node, mosquitto_sub and other programs send no Origin at all.
    expect(await upgradeStatus(broker.wsUrl)).toBe(101);
  });

  it('lets no web page in unless told which', async () => {
    const { broker } = await start();
    expect(await upgradeStatus(broker.wsUrl, 'http://127.0.0.1:8080')).toBe(403);
  });

  it('asks for the user name and password when given them, over TCP and WebSocket', async () => {
    const { broker, log } = await start({ login: { username: 'operator', password: 's3cret' } });
    for (const url of [broker.tcpUrl ?? '', broker.wsUrl]) {
      await expect(connectClient(url), url).rejects.toThrow(/Bad username or password/);
      await expect(
        connectClient(url, { username: 'operator', password: 'guess-42' }),
        url,
      ).rejects.toThrow(/Bad username or password/);
      const client = await connectClient(url, { username: 'operator', password: 's3cret' });
      clients.push(client);
      expect(client.connected).toBe(true);
    }
    const lines = log.join('\n');
    expect(lines).toMatch(/refused a login from 127\.0\.0\.1:\d+ over TCP .*no user name given/);
    expect(lines).toMatch(/refused a login from 127\.0\.0\.1:\d+ over WebSocket .*wrong user name/);
    expect(lines).not.toContain('guess-42');
    expect(lines).not.toContain('s3cret');
  });
});
