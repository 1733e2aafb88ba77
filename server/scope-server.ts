import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBroker } from './broker.ts';
import type { RunningBroker } from './broker.ts';
import { listen, urlHost } from './listen.ts';
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
}

export interface RunningScope {
  webUrl: string;
  brokerWsUrl: string | null;
  brokerTcpUrl: string | null;
  /** Whether the demo simulator is publishing. */
  demo: boolean;
  close(): Promise<void>;
}

/** The shape of GET /scope-config.json, read by the page at startup. */
export interface ScopeConfig {
  brokerUrl: string | null;
  demo: boolean;
  demoFilter: string;
}

const WS_PATH = '/mqtt';
const DEMO_PREFIX = 'demo';
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** The hostname the browser used, so the broker URL also works from another machine. */
function requestHostname(request: IncomingMessage, fallback: string): string {
  try {
    return new URL(`http://${request.headers.host ?? ''}`).hostname || fallback;
  } catch {
    return fallback;
  }
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

async function createViteHandler(httpServer: ReturnType<typeof createServer>) {
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

  try {
    let broker: RunningBroker | null = null;
    if (options.broker !== false) {
      broker = await startBroker({
        host,
        wsPort: options.wsPort ?? 9001,
        wsPath: WS_PATH,
        tcpPort: options.tcpPort,
      });
      closers.push(broker.close);
    }
    const simulatorUrl = broker ? (broker.tcpUrl ?? broker.wsUrl) : options.brokerUrl;
    // Demo data goes into an external broker only when asked for explicitly.
    const demo = (options.simulator ?? broker !== null) && simulatorUrl !== undefined;

    const config = (request: IncomingMessage): ScopeConfig => ({
      brokerUrl: broker
        ? `ws://${requestHostname(request, urlHost(host))}:${broker.wsPort}${WS_PATH}`
        : (options.brokerUrl ?? null),
      demo,
      demoFilter: `${DEMO_PREFIX}/#`,
    });

    const httpServer = createServer();
    let serveApp: Handler = createStaticHandler(distDir);
    if (options.dev) {
      const vite = await createViteHandler(httpServer);
      closers.push(vite.close);
      serveApp = vite.handler;
    }
    httpServer.on('request', (request: IncomingMessage, response: ServerResponse) => {
      if (request.url?.split('?')[0] === '/scope-config.json') {
        const body = JSON.stringify(config(request));
        response.writeHead(200, {
          'Content-Type': 'application/json; charset=utf-8',
          'Cache-Control': 'no-store',
        });
        response.end(body);
        return;
      }
      Promise.resolve(serveApp(request, response)).catch((error: unknown) => {
        if (!response.headersSent) sendText(response, 500, `Internal error: ${String(error)}\n`);
        else response.destroy();
      });
    });
    const web = await listen(httpServer, options.port ?? 8080, host, 'web');
    closers.push(web.close);

    if (demo && simulatorUrl) {
      const simulator = await startSimulator({
        brokerUrl: simulatorUrl,
        seed: options.seed,
        rate: options.simulatorRate,
        prefix: DEMO_PREFIX,
      });
      closers.push(simulator.stop);
    }

    return {
      webUrl: `http://${urlHost(host)}:${web.port}/`,
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
