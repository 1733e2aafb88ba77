import type { ConnectionCommand, WorkerCommand } from './protocol.ts';

/** What the worker must be told again, per connection, to be where it was. */
interface ConnectionState {
  budget: ConnectionCommand | null;
  recording: ConnectionCommand | null;
  /** By filter, in the order they were first made. */
  subscriptions: Map<string, ConnectionCommand>;
  series: Map<string, ConnectionCommand>;
  /** Widgets' feeds, by watch id. */
  latest: Map<string, ConnectionCommand>;
  /** Rate widgets' feeds, by watch id. */
  rates: Map<string, ConnectionCommand>;
  expanded: ConnectionCommand | null;
  topicSearch: ConnectionCommand | null;
  /** .proto schemas by id, then the decoder rules that may name them. */
  schemas: Map<string, ConnectionCommand>;
  decoderRules: ConnectionCommand | null;
  /** Set while the page wants the connection up. */
  connect: ConnectionCommand | null;
}

function emptyState(): ConnectionState {
  return {
    budget: null,
    recording: null,
    subscriptions: new Map(),
    series: new Map(),
    latest: new Map(),
    rates: new Map(),
    expanded: null,
    topicSearch: null,
    schemas: new Map(),
    decoderRules: null,
    connect: null,
  };
}

/**
 * Remembers the commands that put state into the worker (a connection's settings, its
 * subscriptions, watched series, recorder budget, an opened recording), so a worker that
 * crashed can be replaced by a new one that is told them again. Commands that ask for
 * something once (a publish, a detail, a search) are not kept: their answer was lost with the
 * worker. A new kind of state-setting command adds a case here.
 */
export class CommandJournal {
  private pageInfo: WorkerCommand | null = null;
  private readonly connections = new Map<string, ConnectionState>();

  record(command: WorkerCommand): void {
    if (command.type === 'page-info') {
      this.pageInfo = command;
      return;
    }
    if (!('connectionId' in command)) return;
    const { connectionId } = command;
    if (command.type === 'close-connection') {
      this.connections.delete(connectionId);
      return;
    }
    let state = this.connections.get(connectionId);
    if (!state) {
      state = emptyState();
      this.connections.set(connectionId, state);
    }
    switch (command.type) {
      case 'connect':
        state.connect = command;
        return;
      case 'disconnect':
        state.connect = null;
        return;
      case 'subscribe':
        state.subscriptions.set(command.filter, command);
        return;
      case 'unsubscribe':
        state.subscriptions.delete(command.filter);
        return;
      case 'watch-series':
        state.series.set(command.seriesId, command);
        return;
      case 'unwatch-series':
        state.series.delete(command.seriesId);
        return;
      case 'watch-latest':
        state.latest.set(command.watchId, command);
        return;
      case 'unwatch-latest':
        state.latest.delete(command.watchId);
        return;
      case 'watch-rate':
        state.rates.set(command.watchId, command);
        return;
      case 'unwatch-rate':
        state.rates.delete(command.watchId);
        return;
      case 'set-recorder-budget':
        state.budget = command;
        return;
      case 'open-recording':
        state.recording = command;
        return;
      case 'expand-topics':
        state.expanded = command;
        return;
      case 'search-topics':
        state.topicSearch = command;
        return;
      case 'register-proto-schema':
        state.schemas.set(command.schemaId, command);
        return;
      case 'remove-proto-schema':
        state.schemas.delete(command.schemaId);
        return;
      case 'set-decoder-rules':
        state.decoderRules = command;
        return;
      default:
        return;
    }
  }

  /**
   * The commands that bring a new worker to the recorded state: settings before data
   * (decoders, budget, recording, subscriptions, series, tree view), and the connect last, so
   * the subscriptions go out with it and the first message is decoded as before.
   */
  replay(): WorkerCommand[] {
    const commands: WorkerCommand[] = this.pageInfo ? [this.pageInfo] : [];
    for (const state of this.connections.values()) {
      commands.push(...state.schemas.values());
      if (state.decoderRules) commands.push(state.decoderRules);
      if (state.budget) commands.push(state.budget);
      if (state.recording) commands.push(state.recording);
      commands.push(
        ...state.subscriptions.values(),
        ...state.series.values(),
        ...state.latest.values(),
        ...state.rates.values(),
      );
      if (state.expanded) commands.push(state.expanded);
      if (state.topicSearch) commands.push(state.topicSearch);
      if (state.connect) commands.push(state.connect);
    }
    return commands;
  }

  /** The connections the page had told the worker about. */
  connectionIds(): string[] {
    return [...this.connections.keys()];
  }
}
