import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { TlsFiles } from './broker.ts';
import type { Login } from './broker-login.ts';
import type { PortRole } from './listen.ts';
import { normalizeOrigin } from './origin-policy.ts';
import type { ScopeOptions } from './scope-server.ts';

export const HELP = `MQTT Scope: a browser dashboard for MQTT over WebSockets, with a built-in broker.

Usage: npm start -- [options]      (npm run dev -- [options] for hot reload)

  --host <addr>        interface to listen on (default 127.0.0.1; 0.0.0.0 = whole LAN)
  --port <n>           web UI port (default 8080)
  --ws-port <n>        broker MQTT-over-WebSocket port (default 9001)
  --mqtt-port <n>      broker plain MQTT (TCP) port (default 1883)
  --no-tcp             do not listen for plain MQTT over TCP
  --no-broker          do not start the built-in broker
  --broker-url <url>   use this external broker (ws:// or wss://); implies --no-broker
  --no-simulator       do not publish demo sensor data (only runs with the built-in broker)
  --rate <n>           extra demo telemetry messages per second (benchmarks)
  --seed <n>           seed for the demo data (default 1)
  --dev                serve the sources through Vite with hot reload
  --dist <dir>         serve this production build instead of dist/

Security of the built-in broker:
  --allow-origin <url> also let pages from this origin use the broker, e.g.
                       http://scope.lan:8080 (repeat it, or separate with commas);
                       the dashboard's own pages are always allowed
  --username <name>    clients must log in with this user name...
  --password <secret>  ...and this password (or set MQTT_SCOPE_PASSWORD, which other
                       users of this machine cannot read in the process list)
  --tls-cert <file>    PEM certificate: serve https://, wss:// and mqtts://
  --tls-key <file>     its PEM private key

  -h, --help           show this help

Port 0 picks any free port. If a default port is busy, the next free one is used.`;

export class UsageError extends Error {}

function integer(flag: string, text: string | undefined, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value > max) {
    throw new UsageError(`${flag} expects a whole number from 0 to ${max}, got "${text}".`);
  }
  return value;
}

function origins(values: readonly string[]): string[] {
  return values
    .flatMap((value) => value.split(','))
    .map((text) => text.trim())
    .filter((text) => text !== '')
    .map((text) => {
      const origin = normalizeOrigin(text);
      if (!origin) {
        throw new UsageError(
          `--allow-origin expects an origin such as http://scope.lan:8080 (scheme, host and ` +
            `port, no path), got "${text}".`,
        );
      }
      return origin;
    });
}

function login(username: string | undefined, password: string | undefined): Login | undefined {
  if (username === undefined && password === undefined) return undefined;
  if (!username || !password) {
    throw new UsageError(
      'Give both --username and --password (or MQTT_SCOPE_PASSWORD), neither of them empty.',
    );
  }
  return { username, password };
}

function readPem(flag: string, file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${flag}: cannot read ${file} (${reason}).`);
  }
}

function tlsFiles(cert: string | undefined, key: string | undefined): TlsFiles | undefined {
  if (cert === undefined && key === undefined) return undefined;
  if (cert === undefined || key === undefined) {
    throw new UsageError('Give both --tls-cert and --tls-key.');
  }
  return { cert: readPem('--tls-cert', cert), key: readPem('--tls-key', key) };
}

export interface Cli {
  help: boolean;
  noTcp: boolean;
  /** The ports the user chose; the others may move up when busy. */
  ports: Partial<Record<PortRole, number>>;
  options: ScopeOptions;
}

export function parseOptions(args: string[], env: NodeJS.ProcessEnv = process.env): Cli {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string' },
      'ws-port': { type: 'string' },
      'mqtt-port': { type: 'string' },
      'no-tcp': { type: 'boolean', default: false },
      'no-broker': { type: 'boolean', default: false },
      'broker-url': { type: 'string' },
      'no-simulator': { type: 'boolean', default: false },
      rate: { type: 'string' },
      seed: { type: 'string' },
      dev: { type: 'boolean', default: false },
      dist: { type: 'string' },
      'allow-origin': { type: 'string', multiple: true, default: [] },
      username: { type: 'string' },
      password: { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const brokerUrl = values['broker-url'];
  if (brokerUrl !== undefined && !/^wss?:\/\/[^/]/.test(brokerUrl)) {
    throw new UsageError(`--broker-url must be a ws:// or wss:// URL, got "${brokerUrl}".`);
  }
  const broker = !values['no-broker'] && brokerUrl === undefined;
  // The variable counts only beside --username: a password left in the environment must not
  // make every start fail.
  const password =
    values.password ?? (values.username === undefined ? undefined : env.MQTT_SCOPE_PASSWORD);
  const brokerLogin = login(values.username, password);
  if (brokerLogin && !broker) {
    throw new UsageError("--username and --password set the built-in broker's login; it is off.");
  }
  const ports: Partial<Record<PortRole, number>> = {
    web: integer('--port', values.port, 65535),
    ws: integer('--ws-port', values['ws-port'], 65535),
    tcp: integer('--mqtt-port', values['mqtt-port'], 65535),
  };
  const options: ScopeOptions = {
    host: values.host,
    broker,
    brokerUrl,
    simulator: values['no-simulator'] ? false : undefined,
    simulatorRate: integer('--rate', values.rate, 1_000_000),
    seed: integer('--seed', values.seed, 2 ** 32 - 1),
    dev: values.dev,
    distDir: values.dist,
    allowOrigins: origins(values['allow-origin']),
    login: brokerLogin,
    tls: tlsFiles(values['tls-cert'], values['tls-key']),
  };
  return { help: values.help, noTcp: values['no-tcp'], ports, options };
}
