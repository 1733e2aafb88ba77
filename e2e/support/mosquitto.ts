import { spawn, execFileSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForPort } from './free-port.ts';

export interface RunningMosquitto {
  wsUrl: string;
  wsPort: number;
  tcpPort: number;
  /** What the broker has logged so far (add `log_type all` to `extraConfig` for packets). */
  log(): string;
  /** Sends the process a signal: SIGKILL (a crash), SIGSTOP and SIGCONT (a freeze). */
  signal(signal: NodeJS.Signals): void;
  stop(): Promise<void>;
}

export interface MosquittoOptions {
  /** When set, anonymous clients are refused and only this user may log in. */
  user?: { name: string; password: string };
  /** More mosquitto.conf lines, for example the benchmark's unlimited queues. */
  extraConfig?: string[];
  /** Listen on these ports instead of free ones: a broker "restarting" where it was. */
  ports?: { ws: number; tcp: number };
}

function mosquittoBinary(): string {
  for (const candidate of [
    '/usr/sbin/mosquitto',
    '/usr/local/sbin/mosquitto',
    '/opt/homebrew/sbin/mosquitto',
  ]) {
    try {
      execFileSync(candidate, ['-h'], { stdio: 'ignore' });
      return candidate;
    } catch (error) {
      // `mosquitto -h` exits 3 after printing its help: the binary exists.
      if ((error as { status?: number }).status === 3) return candidate;
    }
  }
  throw new Error(
    'mosquitto is not installed: apt-get install mosquitto (CI does this in .ci/run).',
  );
}

/** Starts a private Mosquitto with a WebSocket listener and a TCP listener on free loopback ports. */
export async function startMosquitto(options: MosquittoOptions = {}): Promise<RunningMosquitto> {
  const binary = mosquittoBinary();
  const dir = mkdtempSync(join(tmpdir(), 'mqtt-scope-mosquitto-'));
  const wsPort = options.ports?.ws ?? (await freePort());
  const tcpPort = options.ports?.tcp ?? (await freePort());
  const lines = [
    `listener ${tcpPort} 127.0.0.1`,
    `listener ${wsPort} 127.0.0.1`,
    'protocol websockets',
    'persistence false',
    'log_dest stderr',
    // Started as root, Mosquitto would switch to its own user, who cannot read our private dir.
    `user ${userInfo().username}`,
  ];
  if (options.user) {
    const passwordFile = join(dir, 'passwords');
    writeFileSync(passwordFile, '');
    execFileSync('mosquitto_passwd', [
      '-b',
      passwordFile,
      options.user.name,
      options.user.password,
    ]);
    lines.push('allow_anonymous false', `password_file ${passwordFile}`);
  } else {
    lines.push('allow_anonymous true');
  }
  lines.push(...(options.extraConfig ?? []));
  const configFile = join(dir, 'mosquitto.conf');
  writeFileSync(configFile, `${lines.join('\n')}\n`);

  const child: ChildProcess = spawn(binary, ['-c', configFile], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  if (process.env.MOSQUITTO_DEBUG) child.stderr?.pipe(process.stderr);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await Promise.all([waitForPort(wsPort, 5_000), waitForPort(tcpPort, 5_000)]);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${log}`, { cause: error });
  }
  return {
    wsUrl: `ws://127.0.0.1:${wsPort}`,
    wsPort,
    tcpPort,
    log: () => log,
    signal(signal) {
      child.kill(signal);
    },
    async stop() {
      child.kill('SIGCONT'); // a frozen broker cannot act on SIGTERM
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
