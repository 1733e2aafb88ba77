import { isIPv4 } from 'node:net';
import { HELP, parseOptions, UsageError } from './cli-options.ts';
import type { Cli } from './cli-options.ts';
import { localAddresses, PortInUseError } from './listen.ts';
import type { PortRole } from './listen.ts';
import { startScope } from './scope-server.ts';
import type { RunningScope } from './scope-server.ts';

const DEFAULT_PORTS: Record<PortRole, number> = { web: 8080, ws: 9001, tcp: 1883 };
const MAX_PORT_TRIES = 10;

/** The broker's own reports (refused pages and logins, slow clients), time-stamped. */
function logBrokerLine(line: string): void {
  console.log(`${new Date().toISOString().slice(11, 19)} broker: ${line}`);
}

/** Starts, moving a busy default port up by one (a port the user chose is never changed). */
async function startWithFreePorts(cli: Cli): Promise<RunningScope> {
  const ports = { ...DEFAULT_PORTS, ...cli.ports } as Record<PortRole, number>;
  // Each retry moves one of three ports up by one, at most MAX_PORT_TRIES times each.
  for (let attempt = 0; attempt < 3 * MAX_PORT_TRIES; attempt++) {
    try {
      return await startScope({
        ...cli.options,
        port: ports.web,
        wsPort: ports.ws,
        tcpPort: cli.noTcp ? null : ports.tcp,
        log: logBrokerLine,
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

function printBanner(scope: RunningScope, cli: Cli): void {
  const tcp = scope.brokerTcpUrl ? new URL(scope.brokerTcpUrl) : null;
  const lines = [
    '',
    'MQTT Scope is running',
    `  Dashboard       ${scope.webUrl}`,
    `  Broker (ws)     ${scope.brokerWsUrl ?? 'none: enter a broker URL in the dashboard'}`,
    `  Broker (tcp)    ${scope.brokerTcpUrl ?? (cli.options.broker ? 'off (--no-tcp)' : 'none')}`,
    `  Simulator       ${scope.demo ? `publishing demo/# and spBv1.0/# (seed ${cli.options.seed ?? 1})` : 'off'}`,
  ];
  const { login, tls, allowOrigins = [] } = cli.options;
  if (tcp) {
    const extras = `${tls ? ' --cafile <cert.pem>' : ''}${login ? ` -u ${login.username} -P <password>` : ''}`;
    lines.push(
      `  Try             mosquitto_pub -h ${tcp.hostname} -p ${tcp.port}${extras} -t demo/test -m hello`,
    );
  }
  if (cli.options.broker) {
    lines.push(`  Login           ${login ? `required (user "${login.username}")` : 'none'}`);
    if (allowOrigins.length > 0) lines.push(`  Also allowed    ${allowOrigins.join(', ')}`);
  }
  if (cli.options.host === '0.0.0.0' || cli.options.host === '::') {
    const { protocol, port } = new URL(scope.webUrl);
    for (const address of localAddresses().filter((a) => isIPv4(a)))
      lines.push(`  On your LAN     ${protocol}//${address}:${port}/`);
    lines.push('', 'Listening on all interfaces. A page opened by a host name rather than an');
    lines.push('address needs --allow-origin to use the broker.');
    if (cli.options.broker && !login) {
      lines.push('Warning: the broker has no login (--username, --password): anyone on your');
      lines.push('network can read and publish every message.');
    }
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
