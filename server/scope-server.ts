import { existsSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScopeConfigJson } from '../src/core/scope-config.ts';
import { startBroker } from './broker.ts';
import type { RunningBroker, TlsFiles } from './broker.ts';
import type { Login } from './broker-login.ts';
import { listen, urlHost } from './listen.ts';
import { createOriginPolicy, dashboardOrigins } from './origin-policy.ts';
import { SCOPE_CONFIG_PATH, serveScopeConfig } from './scope-config-route.ts';
import { setSecurityHeaders } from './security-headers.ts';
import { startSimulator } from './simulator.ts';
import { createStaticHandler, sendText } from './static-files.ts';

export interface ScopeOptions {
  host?: string;
  /** Web UI port; 0 picks a free one. */
  port?: number;
  wsPort?: number;
  /** null disables plain MQTT over TCP. */
  tcpPort?: number | null;
  /** Run the embedded broker; when false, brokerUrl names an external one. */
  broker?: boolean;
  brokerUrl?: string;
  /** Publish demo data; default true with the embedded broker, false with an external one. */
  simulator?: boolean;
  simulatorRate?: number;
  seed?: number;
  /** Serve the sources through Vite with HMR instead of dist/. */
  dev?: boolean;
  distDir?: string;
  /** Pages besides the dashboard's own that may use the embedded broker (`--allow-origin`). */
  allowOrigins?: readonly string[];
  /** The embedded broker asks every client for this login (`--username`, `--password`). */
  login?: Login;
  /** https:// for the dashboard, wss:// and mqtts:// for the broker (`--tls-cert`, `--tls-key`). */
  tls?: TlsFiles;
  /** Where the broker says what it refused, dropped or cut off. */
  log?: (line: string) => void;
}

export interface RunningScope {
  webUrl: string;
  brokerWsUrl: string | null;
  brokerTcpUrl: string | null;
  /** Whether the demo simulator is publishing. */
  demo: boolean;
  close(): Promise<void>;
}

const WS_PATH = '/mqtt';
const DEMO_PREFIX = 'demo';
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

type Handler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

async function createViteHandler(httpServer: Server) {
  const { createServer: createViteServer } = await import('vite');
  const vite = await createViteServer({
    root: repoRoot,
    appType: 'spa',
    server: { middlewareMode: true, hmr: { server: httpServer } },
  });
  const handler: Handler = (request, response) => vite.middlewares(request, response);
  return { handler, close: () => vite.close() };
}

/** Starts the broker, the demo simulator and the web UI; close() stops them all. */
export async function startScope(options: ScopeOptions = {}): Promise<RunningScope> {
  const host = options.host ?? '127.0.0.1';
  const distDir = options.distDir ?? join(repoRoot, 'dist');
  if (!options.dev && !existsSync(join(distDir, 'index.html'))) {
    throw new Error(`No production build in ${distDir}: run \`npm run build\` first.`);
  }

  // Closed in reverse order of starting: the simulator says `offline` before the broker goes.
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const closer of closers.splice(0).reverse()) await closer().catch(() => {});
  };

  const tls = options.tls;
  // Set once the web UI listens: its port is part of the dashboard's origin.
  let isOriginAllowed: (origin: string) => boolean = () => false;

  try {
    let broker: RunningBroker | null = null;
    if (options.broker !== false) {
      broker = await startBroker({
        host,
        wsPort: options.wsPort ?? 9001,
        wsPath: WS_PATH,
        tcpPort: options.tcpPort,
        isOriginAllowed: (origin) => isOriginAllowed(origin),
        login: options.login,
        tls,
        log: options.log,
      });
      closers.push(broker.close);
    }
    const simulatorUrl = broker ? (broker.tcpUrl ?? broker.wsUrl) : options.brokerUrl;
    // Demo data goes into an external broker only when asked for explicitly.
    const demo = (options.simulator ?? broker !== null) && simulatorUrl !== undefined;

    const config: ScopeConfigJson = {
      embeddedBroker: broker
        ? {
            scheme: tls ? 'wss' : 'ws',
            port: broker.wsPort,
            path: WS_PATH,
            loginRequired: options.login !== undefined,
          }
        : null,
      externalBrokerUrl: broker ? null : (options.brokerUrl ?? null),
      demo,
      demoFilter: `${DEMO_PREFIX}/#`,
    };

    const httpServer = tls ? createHttpsServer(tls) : createHttpServer();
    let serveApp: Handler = createStaticHandler(distDir);
    if (options.dev) {
      const vite = await createViteHandler(httpServer);
      closers.push(vite.close);
      serveApp = vite.handler;
    }
    httpServer.on('request', (request: IncomingMessage, response: ServerResponse) => {
      setSecurityHeaders(response, !options.dev);
      if (request.url?.split('?')[0] === SCOPE_CONFIG_PATH) {
        return serveScopeConfig(request, response, config);
      }
      Promise.resolve(serveApp(request, response)).catch((error: unknown) => {
        if (!response.headersSent) sendText(response, 500, `Internal error: ${String(error)}\n`);
        else response.destroy();
      });
    });
    const web = await listen(httpServer, options.port ?? 8080, host, 'web');
    closers.push(web.close);
    const scheme = tls ? 'https' : 'http';
    isOriginAllowed = createOriginPolicy([
      ...dashboardOrigins(scheme, host, web.port),
      ...(options.allowOrigins ?? []),
    ]);

    if (demo && simulatorUrl) {
      const simulator = await startSimulator({
        brokerUrl: simulatorUrl,
        seed: options.seed,
        rate: options.simulatorRate,
        prefix: DEMO_PREFIX,
        connectOptions: {
          ...options.login,
          // Our own broker, in this process: its certificate may well be self-signed and name
          // a host other than the one dialled, and there is no network between to distrust.
          ...(broker && tls ? { rejectUnauthorized: false } : {}),
        },
      });
      closers.push(simulator.stop);
    }

    return {
      webUrl: `${scheme}://${urlHost(host)}:${web.port}/`,
      brokerWsUrl: broker?.wsUrl ?? options.brokerUrl ?? null,
      brokerTcpUrl: broker?.tcpUrl ?? null,
      demo,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
