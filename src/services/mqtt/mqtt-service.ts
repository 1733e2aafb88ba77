import type {
  ConnectSettings,
  ConnectionBatch,
  DecoderRule,
  EngineBatch,
  ExportFormat,
  MessageQuery,
  PublishProperties,
  QoS,
  RecorderBudget,
  RepeatSettings,
  SeriesSource,
  SeriesView,
  ShowAs,
  SubscribeOptions,
  WorkerCommand,
  WorkerMessage,
} from './protocol.ts';
import { DEFAULT_SUBSCRIBE_OPTIONS } from '../../core/subscription-options.ts';
import type { ReplaySpeed } from '../../core/replay/replay-plan.ts';
import { CommandJournal } from './command-journal.ts';

export type BatchListener = (batch: EngineBatch) => void;

/** What went wrong with the worker itself, for the page to say. */
export type EngineTrouble =
  /** An error in the worker; it carries on. */
  | { kind: 'error'; message: string }
  /** The worker stopped answering and a new one took over, told what the old one knew. */
  | { kind: 'restarted'; reason: string; connectionIds: string[] };

export type TroubleListener = (trouble: EngineTrouble) => void;

/** How often the page asks the worker whether it is alive. */
const HEARTBEAT_MS = 2_000;
/** A ping unanswered this long means the worker crashed or hangs: it is replaced. */
const DEAD_AFTER_MS = 8_000;

/** What the page can ask of one connection. Holds no client and no message state. */
export interface ConnectionHandle {
  readonly connectionId: string;
  connect(settings: ConnectSettings): void;
  disconnect(): void;
  /** Forgets the connection in the worker, with everything it received. */
  close(): void;
  subscribe(filter: string, qos: QoS, options?: SubscribeOptions): void;
  unsubscribe(filter: string): void;
  /** Returns the id that the matching publish event will carry. */
  publish(
    topic: string,
    payload: string | Uint8Array,
    qos: QoS,
    retain: boolean,
    properties?: PublishProperties,
    /** Watch the response topic for the reply (needs a response topic and correlation data). */
    awaitReply?: boolean,
  ): number;
  /** Starts a repeat publisher in the worker; returns its id. Progress comes as `repeat` events. */
  startRepeat(settings: Omit<RepeatSettings, 'repeatId'>): number;
  stopRepeat(repeatId: number): void;
  watchSeries(
    seriesId: string,
    filter: string,
    jsonPath: string,
    topics?: string[],
    view?: SeriesView,
    more?: SeriesSource[],
  ): void;
  unwatchSeries(seriesId: string): void;
  /** Follows the newest value of each topic matching `filter`, for a widget. */
  watchLatest(watchId: string, filter: string, jsonPath: string): void;
  unwatchLatest(watchId: string): void;
  /** Follows the messages per second on the topics matching `filter`, for a rate widget. */
  watchRate(watchId: string, filter: string): void;
  unwatchRate(watchId: string): void;
  /** Empties the connection's recorder and counters. */
  clearMessages(): void;
  expandTopics(paths: string[]): void;
  /** Narrows the topic tree to topics containing `text`; '' shows them all. */
  searchTopics(text: string): void;
  /** Asks for one recorded message whole; the answer comes in a batch's `detail`. */
  requestDetail(id: number, as?: ShowAs): void;
  setRecorderBudget(budget: RecorderBudget): void;
  /** Makes this connection show a saved recording (read-only, no broker). */
  openRecording(file: Blob): void;
  /** Publishes a saved recording through this connection; progress comes as `replay` events. */
  replay(file: Blob, speed: ReplaySpeed, topicPrefix: string): void;
  controlReplay(action: 'pause' | 'resume' | 'stop'): void;
  /** Replaces the rules that map topic filters to decoders; first match wins. */
  setDecoderRules(rules: DecoderRule[]): void;
  /** Loads a .proto text for Protobuf rules; the outcome comes as a `decoders` event. */
  registerProtoSchema(schemaId: string, text: string): void;
  removeProtoSchema(schemaId: string): void;
}

/** The page's handle on searches across the recorders; answers come in batches. */
export interface SearchHandle {
  /** Starts a search (replacing the previous one) and returns its id. */
  run(query: MessageQuery): number;
  cancel(queryId: number): void;
  requestRows(queryId: number, offset: number, count: number): void;
  seek(queryId: number, time: number): void;
  /** Writes a finished search's matches to a file; chunks come in batches' `exportChunk`. */
  exportMatches(
    queryId: number,
    format: ExportFormat,
    connectionNames: Record<string, string>,
  ): number;
  cancelExport(exportId: number): void;
}

/** The main thread's handle on the MQTT worker. */
export interface MqttService {
  connection(connectionId: string): ConnectionHandle;
  readonly search: SearchHandle;
  onBatch(listener: BatchListener): () => void;
  onTrouble(listener: TroubleListener): () => void;
}

/**
 * Starts the worker and paces its output to the display: one pull is outstanding at a time, the
 * answer is applied in the next animation frame and the next pull goes a frame after, so stores
 * change at most every other frame.
 */
export function createMqttService(): MqttService {
  const listeners = new Set<BatchListener>();
  const troubleListeners = new Set<TroubleListener>();
  const journal = new CommandJournal();
  /** Counts workers: a batch of a replaced worker is dropped, not delivered. */
  let generation = 0;
  let pending: EngineBatch | null = null;
  let publishId = 0;
  let repeatId = 0;
  let queryId = 0;
  let exportId = 0;
  let pingNonce = 0;
  /** When the oldest unanswered ping was sent; null when the worker answered. */
  let awaitingSince: number | null = null;

  const trouble = (event: EngineTrouble) => {
    for (const listener of troubleListeners) listener(event);
  };

  const send = (command: WorkerCommand) => {
    journal.record(command);
    worker.postMessage(command);
  };

  const startWorker = (): Worker => {
    generation += 1;
    const mine = generation;
    const started = new Worker(new URL('./mqtt-worker.ts', import.meta.url), { type: 'module' });
    const pull = () => {
      if (mine === generation) started.postMessage({ type: 'pull' } satisfies WorkerCommand);
    };
    const deliver = () => {
      if (mine !== generation) return;
      const batch = pending;
      pending = null;
      if (batch) for (const listener of listeners) listener(batch);
      // The next batch is asked for a frame later: the page changes at most every other frame,
      // 30 times a second, and each change costs one layout and paint instead of two.
      requestAnimationFrame(pull);
    };
    started.onmessage = (event: MessageEvent<WorkerMessage>) => {
      awaitingSince = null;
      const message = event.data;
      if ('pong' in message) return;
      if ('workerError' in message) return trouble({ kind: 'error', message: message.workerError });
      pending = message;
      requestAnimationFrame(deliver);
    };
    // An uncaught error inside the worker: said, not thrown at the page; the worker goes on.
    started.onerror = (event) => {
      event.preventDefault();
      trouble({ kind: 'error', message: event.message || 'An error in the engine.' });
    };
    started.onmessageerror = () =>
      trouble({ kind: 'error', message: 'A message from the engine could not be read.' });
    return started;
  };

  /** Replaces a worker that stopped answering, and tells the new one what the old one knew. */
  const restart = (reason: string) => {
    worker.terminate();
    pending = null;
    awaitingSince = null;
    worker = startWorker();
    for (const command of journal.replay()) worker.postMessage(command);
    worker.postMessage({ type: 'pull' } satisfies WorkerCommand);
    trouble({ kind: 'restarted', reason, connectionIds: journal.connectionIds() });
  };

  let worker = startWorker();

  // Timed from the ping, not from the last answer: a hidden tab's throttled timers (one tick a
  // minute) must not look like a dead worker.
  setInterval(() => {
    const now = performance.now();
    if (awaitingSince === null) {
      awaitingSince = now;
      pingNonce += 1;
      worker.postMessage({ type: 'ping', nonce: pingNonce } satisfies WorkerCommand);
    } else if (now - awaitingSince > DEAD_AFTER_MS) {
      restart(`it did not answer for ${Math.round((now - awaitingSince) / 1_000)} s`);
    }
  }, HEARTBEAT_MS);

  send({ type: 'page-info', pageProtocol: location.protocol });
  worker.postMessage({ type: 'pull' } satisfies WorkerCommand);

  const handles = new Map<string, ConnectionHandle>();
  const handleFor = (connectionId: string): ConnectionHandle => ({
    connectionId,
    connect: (settings) => send({ type: 'connect', connectionId, settings }),
    disconnect: () => send({ type: 'disconnect', connectionId }),
    close: () => {
      handles.delete(connectionId);
      send({ type: 'close-connection', connectionId });
    },
    subscribe: (filter, qos, options = DEFAULT_SUBSCRIBE_OPTIONS) =>
      send({ type: 'subscribe', connectionId, filter, qos, options }),
    unsubscribe: (filter) => send({ type: 'unsubscribe', connectionId, filter }),
    publish: (topic, payload, qos, retain, properties, awaitReply) => {
      publishId += 1;
      send({
        type: 'publish',
        connectionId,
        id: publishId,
        topic,
        payload,
        qos,
        retain,
        ...(properties ? { properties } : {}),
        ...(awaitReply ? { awaitReply } : {}),
      });
      return publishId;
    },
    startRepeat: (settings) => {
      repeatId += 1;
      send({ type: 'start-repeat', connectionId, settings: { ...settings, repeatId } });
      return repeatId;
    },
    stopRepeat: (id) => send({ type: 'stop-repeat', connectionId, repeatId: id }),
    watchSeries: (seriesId, filter, jsonPath, topics, view, more) =>
      send({
        type: 'watch-series',
        connectionId,
        seriesId,
        filter,
        jsonPath,
        topics,
        view,
        ...(more && more.length > 0 ? { more } : {}),
      }),
    unwatchSeries: (seriesId) => send({ type: 'unwatch-series', connectionId, seriesId }),
    watchLatest: (watchId, filter, jsonPath) =>
      send({ type: 'watch-latest', connectionId, watchId, filter, jsonPath }),
    unwatchLatest: (watchId) => send({ type: 'unwatch-latest', connectionId, watchId }),
    watchRate: (watchId, filter) => send({ type: 'watch-rate', connectionId, watchId, filter }),
    unwatchRate: (watchId) => send({ type: 'unwatch-rate', connectionId, watchId }),
    clearMessages: () => send({ type: 'clear-messages', connectionId }),
    expandTopics: (paths) => send({ type: 'expand-topics', connectionId, paths }),
    searchTopics: (text) => send({ type: 'search-topics', connectionId, text }),
    requestDetail: (id, as) =>
      send(
        as
          ? { type: 'message-detail', connectionId, id, as }
          : { type: 'message-detail', connectionId, id },
      ),
    setRecorderBudget: (budget) => send({ type: 'set-recorder-budget', connectionId, budget }),
    openRecording: (file) => send({ type: 'open-recording', connectionId, file }),
    replay: (file, speed, topicPrefix) =>
      send({ type: 'replay', connectionId, file, speed, topicPrefix }),
    controlReplay: (action) => send({ type: 'replay-control', connectionId, action }),
    setDecoderRules: (rules) => send({ type: 'set-decoder-rules', connectionId, rules }),
    registerProtoSchema: (schemaId, text) =>
      send({ type: 'register-proto-schema', connectionId, schemaId, text }),
    removeProtoSchema: (schemaId) => send({ type: 'remove-proto-schema', connectionId, schemaId }),
  });

  const search: SearchHandle = {
    run: (query) => {
      queryId += 1;
      send({ type: 'run-query', queryId, query });
      return queryId;
    },
    cancel: (id) => send({ type: 'cancel-query', queryId: id }),
    requestRows: (id, offset, count) => send({ type: 'query-rows', queryId: id, offset, count }),
    seek: (id, time) => send({ type: 'query-seek', queryId: id, time }),
    exportMatches: (id, format, connectionNames) => {
      exportId += 1;
      send({ type: 'export-query', exportId, queryId: id, format, connectionNames });
      return exportId;
    },
    cancelExport: (id) => send({ type: 'cancel-export', exportId: id }),
  };

  return {
    search,
    connection: (connectionId) => {
      let handle = handles.get(connectionId);
      if (!handle) {
        handle = handleFor(connectionId);
        handles.set(connectionId, handle);
      }
      return handle;
    },
    onBatch: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onTrouble: (listener) => {
      troubleListeners.add(listener);
      return () => troubleListeners.delete(listener);
    },
  };
}

export type { ConnectionBatch };
