import type { EngineBatch, WorkerCommand } from '../protocol.ts';
import type { ConnectFn, SourceEnvironment } from '../sources/mqtt-source.ts';
import { runConnectionCommand } from './commands.ts';
import { createConnection } from './connection.ts';
import type { Connection } from './connection.ts';
import { Pump } from './pump.ts';
import { ExportJob } from './export-job.ts';
import { QueryService } from './query-service.ts';

/** How often sinks that keep rates or windows are ticked. */
const TICK_MS = 250;

/**
 * The worker's engine: every open connection (source → pipeline → sinks) and the one pump
 * that paces them all to the page. Commands from the page arrive through `handle`.
 */
export class Engine {
  private readonly connections = new Map<string, Connection>();
  private list: Connection[] = [];
  private readonly pump: Pump;
  private readonly queries: QueryService;
  private readonly exports: ExportJob;
  private readonly ticker: ReturnType<typeof setInterval>;

  constructor(
    private readonly connectFn: ConnectFn,
    send: (batch: EngineBatch) => void,
    private readonly environment: SourceEnvironment = { pageProtocol: 'http:', fetch: null },
  ) {
    this.queries = new QueryService(
      () => this.list,
      () => this.pump.schedule(),
    );
    this.exports = new ExportJob(this.queries, () => this.pump.schedule());
    this.pump = new Pump(() => this.list, send, [this.queries, this.exports]);
    this.ticker = setInterval(() => this.tick(), TICK_MS);
  }

  handle(command: WorkerCommand): void {
    switch (command.type) {
      case 'pull':
        return this.pump.pull();
      case 'ping': // answered by the worker entry, before the engine
        return;
      case 'page-info':
        this.environment.pageProtocol = command.pageProtocol;
        return;
      case 'run-query':
        return this.queries.run(command.queryId, command.query);
      case 'cancel-query':
        return this.queries.cancel(command.queryId);
      case 'query-rows':
        return this.queries.requestRows(command.queryId, command.offset, command.count);
      case 'query-seek':
        return this.queries.seekTime(command.queryId, command.time);
      case 'export-query':
        return this.exports.start(
          command.exportId,
          command.queryId,
          command.format,
          command.connectionNames,
        );
      case 'cancel-export':
        return this.exports.cancel(command.exportId);
      case 'close-connection': {
        const connection = this.connections.get(command.connectionId);
        if (!connection) return;
        runConnectionCommand(connection, command);
        this.connections.delete(command.connectionId);
        this.list = [...this.connections.values()];
        return;
      }
      default:
        runConnectionCommand(this.connectionFor(command.connectionId), command);
        return this.pump.schedule();
    }
  }

  dispose(): void {
    clearInterval(this.ticker);
    this.pump.dispose();
    for (const connection of this.connections.values()) connection.source.dispose();
    this.connections.clear();
    this.list = [];
  }

  /** A connection comes into being with the first command that names it. */
  private connectionFor(id: string): Connection {
    let connection = this.connections.get(id);
    if (!connection) {
      connection = createConnection(id, this.connectFn, this.environment, () =>
        this.pump.schedule(),
      );
      this.connections.set(id, connection);
      this.list = [...this.connections.values()];
    }
    return connection;
  }

  private tick(): void {
    const now = Date.now();
    for (const connection of this.list) {
      for (const sink of connection.sinks.all) sink.tick?.(now);
    }
    this.pump.schedule();
  }
}
