import { networkInterfaces } from 'node:os';
import { parseArgs } from 'node:util';
import { PortInUseError } from './listen.ts';
import type { PortRole } from './listen.ts';
import { startScope } from './scope-server.ts';
import type { RunningScope, ScopeOptions } from './scope-server.ts';

const HELP = `MQTT Scope: a browser dashboard for MQTT over WebSockets, with a built-in broker.

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
  -h, --help           show this help

Port 0 picks any free port. If a default port is busy, the next free one is used.`;

const DEFAULT_PORTS: Record<PortRole, number> = { web: 8080, ws: 9001, tcp: 1883 };
const MAX_PORT_TRIES = 10;

class UsageError extends Error {}

function integer(flag: string, text: string | undefined, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value > max) {
    throw new UsageError(`${flag} expects a whole number from 0 to ${max}, got "${text}".`);
  }
  return value;
}

function parseOptions(args: string[]) {
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
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const brokerUrl = values['broker-url'];
  if (brokerUrl !== undefined && !/^wss?:\/\/[^/]/.test(brokerUrl)) {
    throw new UsageError(`--broker-url must be a ws:// or wss:// URL, got "${brokerUrl}".`);
  }
  const ports: Partial<Record<PortRole, number>> = {
    web: integer('--port', values.port, 65535),
    ws: integer('--ws-port', values['ws-port'], 65535),
    tcp: integer('--mqtt-port', values['mqtt-port'], 65535),
  };
  const options: ScopeOptions = {
    host: values.host,
    broker: !values['no-broker'] && brokerUrl === undefined,
    brokerUrl,
    simulator: values['no-simulator'] ? false : undefined,
    simulatorRate: integer('--rate', values.rate, 1_000_000),
    seed: integer('--seed', values.seed, 2 ** 32 - 1),
    dev: values.dev,
    distDir: values.dist,
  };
  return { help: values.help, noTcp: values['no-tcp'], ports, options };
}

/** Starts, moving a busy default port up by one (a port the user chose is never changed). */
async function startWithFreePorts(cli: ReturnType<typeof parseOptions>): Promise<RunningScope> {
  const ports = { ...DEFAULT_PORTS, ...cli.ports } as Record<PortRole, number>;
  // Each retry moves one of three ports up by one, at most MAX_PORT_TRIES times each.
  for (let attempt = 0; attempt < 3 * MAX_PORT_TRIES; attempt++) {
    try {
      return await startScope({
        ...cli.options,
        port: ports.web,
        wsPort: ports.ws,
        tcpPort: cli.noTcp ? null : ports.tcp,
      });
    } catch (error) {
      const busy = error instanceof PortInUseError ? error : null;
      const canMove =
        busy !== null &&
        cli.ports[busy.role] === undefined &&
        busy.port < DEFAULT_PORTS[busy.role] + MAX_PORT_TRIES - 1;
      if (!busy || !canMove) throw error;
      console.log(`Port ${busy.port} is busy; trying ${busy.port + 1}.`);
      ports[busy.role] = busy.port + 1;
    }
  }
  throw new Error('Could not find free ports; choose them with --port, --ws-port and --mqtt-port.');
}

function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .flatMap((a) => (a && a.family === 'IPv4' && !a.internal ? [a.address] : []));
}

function printBanner(scope: RunningScope, cli: ReturnType<typeof parseOptions>): void {
  const tcp = scope.brokerTcpUrl ? new URL(scope.brokerTcpUrl) : null;
  const lines = [
    '',
    'MQTT Scope is running',
    `  Dashboard       ${scope.webUrl}`,
    `  Broker (ws)     ${scope.brokerWsUrl ?? 'none: enter a broker URL in the dashboard'}`,
    `  Broker (tcp)    ${scope.brokerTcpUrl ?? (cli.options.broker ? 'off (--no-tcp)' : 'none')}`,
    `  Simulator       ${scope.demo ? `publishing demo/# (seed ${cli.options.seed ?? 1})` : 'off'}`,
  ];
  if (tcp)
    lines.push(
      `  Try             mosquitto_pub -h ${tcp.hostname} -p ${tcp.port} -t demo/test -m hello`,
    );
  if (cli.options.host === '0.0.0.0' || cli.options.host === '::') {
    const port = new URL(scope.webUrl).port;
    for (const address of lanAddresses())
      lines.push(`  On your LAN     http://${address}:${port}/`);
    lines.push('', 'Warning: listening on all interfaces. The broker has no authentication:');
    lines.push('anyone on your network can read and publish every message.');
  }
  lines.push('', 'Press Ctrl-C to stop.');
  console.log(lines.join('\n'));
}

function stopOnSignals(scope: RunningScope): void {
  let stoppingSince = 0;
  const stop = () => {
    if (stoppingSince > 0) {
      // One Ctrl-C can reach us twice (terminal and npm/tsx relaying it); only a later one forces.
      if (Date.now() - stoppingSince < 300) return;
      console.log('Forced exit.');
      process.exit(1);
    }
    stoppingSince = Date.now();
    console.log('\nStopping… (press Ctrl-C again to force)');
    scope.close().then(
      () => {
        console.log('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        console.error(`Error while stopping: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

try {
  const cli = parseOptions(process.argv.slice(2));
  if (cli.help) {
    console.log(HELP);
  } else {
    const scope = await startWithFreePorts(cli);
    stopOnSignals(scope);
    printBanner(scope, cli);
  }
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`mqtt-scope: ${message}`);
  const badArguments = error instanceof TypeError && 'code' in error;
  if (error instanceof UsageError || badArguments) {
    console.error('Run with --help to see the options.');
  }
  process.exit(1);
}
