import type { IClientOptions, MqttClient } from 'mqtt';
import { validateTopicFilter, validateTopicName } from '../../core/topic-filter.ts';
import { validateBrokerUrl } from '../../core/broker-url.ts';
import {
  describeConnackCode,
  describePublishReason,
  describeSubackCode,
} from '../../core/mqtt-reasons.ts';
import { MessageCollector } from './message-collector.ts';
import { SeriesRegistry } from './series-registry.ts';
import type {
  ConnectSettings,
  ConnectionStatus,
  QoS,
  SessionBatch,
  SessionEvent,
  WorkerCommand,
} from './protocol.ts';

export type ConnectFn = (url: string, options: IClientOptions) => MqttClient;
export type BatchSink = (batch: SessionBatch) => void;

/** Charts redraw a few times a second (each in its own frame); the list and counters every frame. */
const SNAPSHOT_INTERVAL_MS = 250;
/** Tree counts change with every message; reading them twice a second is enough. */
const TREE_INTERVAL_MS = 500;
const RECONNECT_PERIOD_MS = 2_000;

/**
 * One MQTT session and everything derived from its message stream. Runs inside the worker:
 * the main thread sends commands and pulls at most one batch per animation frame.
 */
export class MqttSession {
  private client: MqttClient | null = null;
  private settings: ConnectSettings | null = null;
  private status: ConnectionStatus = { status: 'idle' };
  private reconnectAttempt = 0;
  private lastNetworkError = '';
  /** Desired subscriptions, re-sent on every (re)connect so the broker's session state never matters. */
  private readonly subscriptions = new Map<string, QoS>();
  private readonly collector = new MessageCollector(Date.now());
  private readonly series = new SeriesRegistry();
  private events: SessionEvent[] = [];
  private mainThreadWaiting = false;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private flushDueAt = 0;
  private countersChanged = false;
  private expandedTopics: ReadonlySet<string> = new Set();
  private lastTreeAt = 0;
  private treeRequested = true;
  private historyRequested = false;
  private readonly rateTimer: ReturnType<typeof setInterval>;

  constructor(
    private readonly connectFn: ConnectFn,
    private readonly sink: BatchSink,
  ) {
    this.rateTimer = setInterval(() => {
      if (!this.collector.updateRate(Date.now())) return;
      this.countersChanged = true;
      this.scheduleFlush();
    }, 250);
  }

  handle(command: WorkerCommand): void {
    switch (command.type) {
      case 'connect':
        return this.connect(command.settings);
      case 'disconnect':
        return this.disconnect();
      case 'subscribe':
        return this.subscribe(command.filter, command.qos);
      case 'unsubscribe':
        return this.unsubscribe(command.filter);
      case 'publish':
        return this.publish(
          command.id,
          command.topic,
          command.payload,
          command.qos,
          command.retain,
        );
      case 'watch-series':
        this.series.watch(command.seriesId, command.filter, command.jsonPath);
        return this.scheduleFlush();
      case 'unwatch-series':
        return this.series.unwatch(command.seriesId);
      case 'clear-messages':
        this.collector.clear();
        this.series.clear();
        return this.scheduleFlush();
      case 'request-history':
        this.historyRequested = true;
        return this.scheduleFlush();
      case 'expand-topics':
        this.expandedTopics = new Set(command.paths);
        this.treeRequested = true;
        return this.scheduleFlush();
      case 'pull':
        this.mainThreadWaiting = true;
        return this.scheduleFlush();
    }
  }

  dispose(): void {
    clearInterval(this.rateTimer);
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.client?.end(true);
    this.client = null;
  }

  private connect(settings: ConnectSettings): void {
    this.closeClient();
    this.settings = settings;
    this.reconnectAttempt = 0;
    this.lastNetworkError = '';
    const { url } = settings;
    const urlCheck = validateBrokerUrl(url);
    if (!urlCheck.ok) return this.setStatus({ status: 'error', url, reason: urlCheck.reason });

    this.setStatus({ status: 'connecting', url });
    let client: MqttClient;
    try {
      client = this.connectFn(url, {
        clientId: settings.clientId,
        username: settings.username || undefined,
        password: settings.password || undefined,
        protocolVersion: settings.protocolVersion,
        keepalive: settings.keepaliveSeconds,
        clean: settings.cleanStart,
        reconnectPeriod: RECONNECT_PERIOD_MS,
        connectTimeout: 10_000,
        resubscribe: false,
      });
    } catch (error) {
      return this.setStatus({ status: 'error', url, reason: errorText(error) });
    }
    this.client = client;
    this.listen(client, settings);
  }

  private listen(client: MqttClient, settings: ConnectSettings): void {
    const { url } = settings;
    const isCurrent = () => this.client === client;
    client.on('connect', () => {
      if (!isCurrent()) return;
      this.reconnectAttempt = 0;
      this.lastNetworkError = '';
      this.setStatus({ status: 'connected', url, protocolVersion: settings.protocolVersion });
      for (const [filter, qos] of this.subscriptions) this.sendSubscribe(filter, qos);
    });
    client.on('reconnect', () => {
      if (!isCurrent()) return;
      this.reconnectAttempt += 1;
      this.setStatus({
        status: 'reconnecting',
        url,
        attempt: this.reconnectAttempt,
        reason: this.lastNetworkError || `Cannot reach ${url}.`,
      });
    });
    client.on('close', () => {
      if (!isCurrent() || this.status.status === 'error') return;
      if (this.status.status === 'connected') this.lastNetworkError = 'The connection was lost.';
      else if (!this.lastNetworkError) {
        this.lastNetworkError = `Cannot reach ${url}: check the host, port and path, and that the broker has a WebSocket listener there.`;
      }
    });
    client.on('error', (error) => {
      if (!isCurrent()) return;
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'number' && /refused/i.test(error.message)) {
        // A refused CONNACK is final: mqtt.js does not retry it, and neither do we.
        this.closeClient();
        this.setStatus({
          status: 'error',
          url,
          reason: describeConnackCode(code, settings.protocolVersion),
        });
        return;
      }
      this.lastNetworkError = errorText(error);
    });
    client.on('message', (topic, payload, packet) => {
      holdOffKeepaliveTimeout(client);
      const time = Date.now();
      this.collector.ingest(topic, payload, packet.qos, packet.retain, time);
      this.series.ingest(topic, payload, time);
      this.scheduleFlush();
    });
  }

  private disconnect(): void {
    const url = this.settings?.url ?? '';
    this.closeClient();
    this.setStatus({ status: 'disconnected', url });
  }

  private closeClient(): void {
    const client = this.client;
    this.client = null;
    client?.removeAllListeners();
    // Keep an error listener: a late socket error must not become an unhandled exception.
    client?.on('error', () => undefined);
    client?.end(true);
  }

  private subscribe(filter: string, qos: QoS): void {
    const validation = validateTopicFilter(filter);
    if (!validation.ok)
      return this.emit({ type: 'subscribe-failed', filter, reason: validation.reason });
    this.subscriptions.set(filter, qos);
    if (this.client?.connected) this.sendSubscribe(filter, qos);
  }

  private sendSubscribe(filter: string, qos: QoS): void {
    this.client?.subscribe(filter, { qos }, (error, granted) => {
      const grantedQos = granted?.[0]?.qos;
      if (error || grantedQos === undefined || grantedQos >= 128) {
        const reason =
          grantedQos !== undefined && grantedQos >= 128
            ? describeSubackCode(grantedQos)
            : `The subscription failed: ${error ? errorText(error) : 'no answer from the broker'}.`;
        this.subscriptions.delete(filter);
        return this.emit({ type: 'subscribe-failed', filter, reason });
      }
      this.emit({ type: 'subscribed', filter, grantedQos: grantedQos as QoS });
    });
  }

  private unsubscribe(filter: string): void {
    this.subscriptions.delete(filter);
    if (this.client?.connected) this.client.unsubscribe(filter);
    this.emit({ type: 'unsubscribed', filter });
  }

  private publish(id: number, topic: string, payload: string, qos: QoS, retain: boolean): void {
    const validation = validateTopicName(topic);
    if (!validation.ok) return this.emit({ type: 'publish-failed', id, reason: validation.reason });
    if (!this.client?.connected) {
      return this.emit({ type: 'publish-failed', id, reason: 'Not connected to a broker.' });
    }
    this.client.publish(topic, payload, { qos, retain }, (error) => {
      if (!error) return this.emit({ type: 'published', id, qos });
      const code = (error as { code?: unknown }).code;
      const reason = typeof code === 'number' ? describePublishReason(code) : errorText(error);
      this.emit({ type: 'publish-failed', id, reason });
    });
  }

  private setStatus(status: ConnectionStatus): void {
    this.status = status;
    this.emit({ type: 'status', status });
  }

  private emit(event: SessionEvent): void {
    this.events.push(event);
    this.scheduleFlush();
  }

  /**
   * Flushes once the current task ends (so all packets of one WebSocket frame share a batch), or
   * after `delayMs` when a chart or the tree is not due yet. An earlier request replaces a later
   * one: a message must not wait behind a chart's redraw timer.
   */
  private scheduleFlush(delayMs = 0): void {
    if (!this.mainThreadWaiting) return;
    const dueAt = Date.now() + Math.max(0, delayMs);
    if (this.flushTimer !== null) {
      if (this.flushDueAt <= dueAt) return;
      clearTimeout(this.flushTimer);
    }
    this.flushDueAt = dueAt;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      this.flush();
    }, dueAt - Date.now());
  }

  private flush(): void {
    if (!this.mainThreadWaiting) return;
    const now = Date.now();
    const snapshot = this.series.takeSnapshot(now, SNAPSHOT_INTERVAL_MS);
    const treeDue =
      this.treeRequested ||
      (this.collector.hasTreeChanges && now - this.lastTreeAt >= TREE_INTERVAL_MS);
    const nothingToShow =
      this.events.length === 0 && !this.collector.hasUpdates && !this.historyRequested;
    if (nothingToShow && !snapshot && !treeDue && !this.countersChanged) {
      // Charts or the tree changed but it is too early to redraw them: come back when it is time.
      const waits = [];
      const nextSnapshotAt = this.series.nextSnapshotAt(SNAPSHOT_INTERVAL_MS);
      if (nextSnapshotAt !== null) waits.push(nextSnapshotAt - now);
      if (this.collector.hasTreeChanges) waits.push(this.lastTreeAt + TREE_INTERVAL_MS - now);
      if (waits.length > 0) this.scheduleFlush(Math.min(...waits));
      return;
    }
    this.countersChanged = false;
    this.treeRequested = false;
    if (treeDue) this.lastTreeAt = now;
    const batch: SessionBatch = {
      events: this.events,
      history: this.historyRequested ? this.collector.takeHistory() : null,
      rows: this.collector.takeRows(),
      counters: this.collector.counters(),
      newTopics: this.collector.takeNewTopics(),
      series: snapshot ? [snapshot] : [],
      tree: treeDue ? this.collector.takeTreeView(this.expandedTopics) : null,
    };
    this.events = [];
    this.historyRequested = false;
    this.mainThreadWaiting = false;
    this.sink(batch);
  }
}

/**
 * mqtt.js takes only a PINGRESP as proof that the broker is alive. Behind a backlog of publishes
 * the PINGRESP waits its turn, and mqtt.js dropped a healthy, busy connection after 1.5 keepalive
 * periods (seen in the 1M-message soak, losing the backlog). A publish received is proof too:
 * step its keepalive counter back before the timeout step, so it pings again instead.
 */
export function holdOffKeepaliveTimeout(client: MqttClient): void {
  const manager = (client as unknown as { keepaliveManager?: { counter?: unknown } })
    .keepaliveManager;
  if (manager && typeof manager.counter === 'number' && manager.counter > 1) manager.counter = 1;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
