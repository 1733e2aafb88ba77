import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForPort } from './free-port.ts';

export interface RunningRabbitMq {
  /** The Web MQTT listener: MQTT 3.1.1 over WebSocket on the path `/ws`. */
  wsUrl: string;
  /** Plain MQTT over TCP, for the test's own clients. */
  mqttUrl: string;
  stop(): Promise<void>;
}

/** The Debian package's RabbitMQ runs as its own user, who must own the node's directories. */
function rabbitmqIds(): { uid: number; gid: number } {
  const line = execFileSync('getent', ['passwd', 'rabbitmq'], { encoding: 'utf8' });
  const [, , uid, gid] = line.trim().split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * Starts a private RabbitMQ node with the MQTT and Web MQTT plugins on free loopback ports
 * (about 15 s), as `../shared/BROKERS.md` describes. Fails loudly when RabbitMQ is missing or
 * does not start: `.ci/run` installs it.
 */
export async function startRabbitMq(): Promise<RunningRabbitMq> {
  try {
    execFileSync('which', ['rabbitmq-server'], { stdio: 'ignore' });
  } catch {
    throw new Error(
      'rabbitmq-server is not installed: apt-get install rabbitmq-server (.ci/run does).',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'mqtt-scope-rabbitmq-'));
  const amqp = await freePort();
  const mqttPort = await freePort();
  const ws = await freePort();
  const management = await freePort();
  const dist = await freePort();
  mkdirSync(join(dir, 'mnesia'));
  mkdirSync(join(dir, 'log'));
  writeFileSync(
    join(dir, 'rabbitmq.conf'),
    [
      `listeners.tcp.default = 127.0.0.1:${amqp}`,
      `mqtt.listeners.tcp.default = 127.0.0.1:${mqttPort}`,
      'web_mqtt.tcp.ip = 127.0.0.1',
      `web_mqtt.tcp.port = ${ws}`,
      `management.tcp.port = ${management}`,
      'loopback_users = none',
      'mqtt.allow_anonymous = true',
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'enabled_plugins'), '[rabbitmq_mqtt,rabbitmq_web_mqtt].\n');
  const { uid, gid } = rabbitmqIds();
  for (const path of [dir, join(dir, 'mnesia'), join(dir, 'log')]) chownSync(path, uid, gid);
  for (const file of ['rabbitmq.conf', 'enabled_plugins']) chownSync(join(dir, file), uid, gid);

  const env = {
    ...process.env,
    RABBITMQ_NODENAME: `scope${process.pid}x${ws}@localhost`,
    RABBITMQ_CONFIG_FILE: join(dir, 'rabbitmq'),
    RABBITMQ_ENABLED_PLUGINS_FILE: join(dir, 'enabled_plugins'),
    RABBITMQ_MNESIA_BASE: join(dir, 'mnesia'),
    RABBITMQ_LOG_BASE: join(dir, 'log'),
    RABBITMQ_FEATURE_FLAGS_FILE: join(dir, 'mnesia', 'ff'),
    RABBITMQ_DIST_PORT: String(dist),
  };
  const child: ChildProcess = spawn('rabbitmq-server', [], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    try {
      execFileSync('rabbitmqctl', ['stop'], { env, stdio: 'ignore', timeout: 30_000 });
    } catch {
      // Already gone, or not answering: the kill below ends it.
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await Promise.all([waitForPort(ws, 90_000), waitForPort(mqttPort, 90_000)]);
  } catch (error) {
    await stop();
    throw new Error(`RabbitMQ did not start: ${(error as Error).message}\n${log.slice(-2_000)}`, {
      cause: error,
    });
  }
  return { wsUrl: `ws://127.0.0.1:${ws}/ws`, mqttUrl: `mqtt://127.0.0.1:${mqttPort}`, stop };
}
