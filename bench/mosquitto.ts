import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../e2e/support/free-port.ts';

export interface BenchBroker {
  wsUrl: string;
  tcpUrl: string;
  stop(): Promise<void>;
}

/**
 * A Mosquitto tuned for measuring the subscriber, not the broker: it never drops QoS 0 for a
 * slow consumer (unlimited queue), so a message missing in the page was lost by the page.
 * e2e/support/mosquitto.ts serves the tests; this one differs only in its configuration.
 */
export async function startBenchMosquitto(): Promise<BenchBroker> {
  const binary =
    process.env.MOSQUITTO ??
    (existsSync('/usr/sbin/mosquitto') ? '/usr/sbin/mosquitto' : 'mosquitto');
  const dir = mkdtempSync(join(tmpdir(), 'mqtt-scope-bench-'));
  const [wsPort, tcpPort] = [await freePort(), await freePort()];
  const config = [
    `listener ${tcpPort} 127.0.0.1`,
    `listener ${wsPort} 127.0.0.1`,
    'protocol websockets',
    'allow_anonymous true',
    'persistence false',
    'log_dest stderr',
    'log_type error',
    'log_type warning',
    'log_type notice',
    'log_type information',
    // 0 = no limit: with a limit Mosquitto silently drops QoS 0 messages to a busy subscriber.
    'max_queued_messages 0',
    'max_queued_bytes 0',
    'max_inflight_bytes 0',
    'set_tcp_nodelay true',
    // Started as root, Mosquitto would switch to its own user, who cannot read our private dir.
    `user ${userInfo().username}`,
  ];
  const configFile = join(dir, 'mosquitto.conf');
  writeFileSync(configFile, `${config.join('\n')}\n`);

  const child = spawn(binary, ['-c', configFile], { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };

  // Mosquitto logs "... running" once every listener is open.
  let log = '';
  if (process.env.BENCH_DEBUG) child.stderr.pipe(process.stderr);
  const running = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`mosquitto did not start:\n${log}`)), 5_000);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`mosquitto exited (${code}):\n${log}`)));
    child.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (/ running/.test(log)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  try {
    await running;
  } catch (error) {
    await stop();
    throw error;
  }
  return { wsUrl: `ws://127.0.0.1:${wsPort}/mqtt`, tcpUrl: `mqtt://127.0.0.1:${tcpPort}`, stop };
}
