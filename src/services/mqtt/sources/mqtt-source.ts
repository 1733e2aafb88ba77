import type { IClientOptions, IConnackPacket, IDisconnectPacket, MqttClient } from 'mqtt';
import { parseBrokerUrl, validateBrokerUrl } from '../../../core/broker-url.ts';
import {
  describeConnackCode,
  describeDisconnectReason,
  isRetryableConnackCode,
} from '../../../core/mqtt-reasons.ts';
import {
  diagnoseBeforeConnect,
  diagnoseSocketFailure,
  runProbes,
} from '../../../core/connection-diagnosis.ts';
import type { Diagnosis, Endpoint } from '../../../core/connection-diagnosis.ts';
import { reconnectDelayMs } from '../../../core/reconnect-backoff.ts';
import { toMessageProperties } from '../../../core/recorder/message-properties.ts';
import type { IngestPipeline } from '../engine/ingest-pipeline.ts';
import type { ConnectSettings, ConnectionEvent, ConnectionStatus, LogLevel } from '../protocol.ts';
import type { SocketReport } from '../websocket-transport.ts';
import { toClientOptions } from './client-options.ts';
import { holdOffKeepaliveTimeout } from './keepalive.ts';
import { Publisher } from './publisher.ts';
import { SubscriptionKeeper } from './subscription-keeper.ts';

/**
 * Opens an mqtt.js client; `onSocket` receives the report of each WebSocket it opens. With
 * `nodeUrl`, each (re)connect asks it where to go instead of using `url` (a cluster's nodes).
 */
export type ConnectFn = (
  url: string,
  options: IClientOptions,
  onSocket: (report: SocketReport) => void,
  nodeUrl?: () => string,
) => MqttClient;

/** What a source may know of the page it serves. */
export interface SourceEnvironment {
  pageProtocol: string;
  /** For the probes of a diagnosis; null where there is none (unit tests). */
  fetch: typeof fetch | null;
}

/** Where messages of one connection come from: an MQTT broker today, a replay later. */
export interface MessageSource {
  readonly connectionId: string;
  dispose(): void;
}

const PROBE_TIMEOUT_MS = 4_000;
/** How often a connected source checks that the broker still answers. */
const SILENCE_CHECK_MS = 250;
/**
 * A broker is called silent after this many keepalive periods with no packet from it. mqtt.js
 * pings after one period of quiet and gives the connection up at 1.5 (then it reconnects):
 * in between, the user sees that the ping went unanswered.
 */
const SILENT_AFTER_KEEPALIVES = 1.25;
/** Failures where trying again the same way cannot help: the user must change the profile. */
const FINAL_DIAGNOSES = new Set<Diagnosis['kind']>([
  'mixed-content',
  'blocked-by-browser',
  'tls-port-with-ws',
  'plain-port-with-wss',
  // Retrying a refused login cannot help and may lock the account.
  'login-refused',
]);

/**
 * One broker connection: the mqtt.js client and its lifecycle (connect, reconnect with
 * backoff, diagnosis of failures in words, a log). Messages go into the connection's pipeline;
 * subscriptions and publishing are the jobs of the keeper and the publisher.
 */
export class MqttSource implements MessageSource {
  private client: MqttClient | null = null;
  private settings: ConnectSettings | null = null;
  private endpoint: Endpoint | null = null;
  private status: ConnectionStatus = { status: 'idle' };
  private attempt = 0;
  private socket: SocketReport | null = null;
  private wasConnected = false;
  /** Why the broker ended the session (a DISCONNECT), shown with the next status. */
  private brokerDisconnect: string | null = null;
  private diagnosis: Diagnosis | null = null;
  private diagnosing = false;
  /** When a connection that was up was lost; cleared once it is back (a gap in the stream). */
  private droppedAt: number | null = null;
  /**
   * When the last packet came from the broker (Date.now). Stamped per packet rather than
   * sampled by the watch: mqtt.js gives up 1.5 keepalives after its last packet, and the watch
   * must say "silent" before that, with no sampling delay eating the margin.
   */
  private lastPacketAt = 0;
  private silenceWatch: ReturnType<typeof setInterval> | null = null;
  /** The cluster's nodes: the profile's URL first, then its other nodes. */
  private nodes: string[] = [];
  /** The node the client is connected to, or tries next. */
  private node = 0;
  /** The node the connection was last up on: coming back on another is a switch. */
  private upOn: number | null = null;
  /** Attempts failed in a row: each node is tried at once before the backoff applies. */
  private failedInRow = 0;
  readonly subscriptions: SubscriptionKeeper;
  readonly publisher: Publisher;

  constructor(
    readonly connectionId: string,
    private readonly connectFn: ConnectFn,
    private readonly pipeline: IngestPipeline,
    private readonly emit: (event: ConnectionEvent) => void,
    private readonly environment: SourceEnvironment,
  ) {
    const client = () => this.client;
    this.subscriptions = new SubscriptionKeeper(client, emit, (level, text) =>
      this.log(level, text),
    );
    const encoder = new TextEncoder();
    this.publisher = new Publisher(client, emit, (topic, payload, qos, retain) =>
      pipeline.ingestPublished(
        topic,
        typeof payload === 'string' ? encoder.encode(payload) : payload,
        qos,
        retain,
        Date.now(),
      ),
    );
  }

  connect(settings: ConnectSettings): void {
    this.closeClient('The connection settings changed before the broker acknowledged it.');
    this.settings = settings;
    this.attempt = 1;
    this.wasConnected = false;
    this.droppedAt = null;
    this.diagnosis = null;
    this.brokerDisconnect = null;
    const { url } = settings;
    const urlCheck = validateBrokerUrl(url);
    const parsed = parseBrokerUrl(url);
    if (!urlCheck.ok || !parsed.ok) {
      const reason = urlCheck.ok ? (parsed.ok ? '' : parsed.reason) : urlCheck.reason;
      return this.fail(url, { reason, hint: null, inspectUrl: null });
    }
    const endpoint: Endpoint = {
      scheme: parsed.scheme,
      host: parsed.host,
      port: parsed.port,
      path: parsed.path,
    };
    this.endpoint = endpoint;
    const blocked = diagnoseBeforeConnect(endpoint, this.environment.pageProtocol);
    if (blocked) return this.fail(url, toFailure(blocked));
    this.nodes = [url, ...this.otherNodes(url, settings.otherUrls ?? [])];
    this.node = 0;
    this.upOn = null;
    this.failedInRow = 0;

    const version = settings.protocolVersion === 5 ? '5.0' : '3.1.1';
    const others = this.nodes.length > 1 ? `; other nodes ${this.nodes.slice(1).join(', ')}` : '';
    this.log(
      'info',
      `Connecting to ${url} as "${settings.clientId}" (MQTT ${version}, keepalive ${settings.keepaliveSeconds} s, clean start ${settings.cleanStart ? 'yes' : 'no'}${settings.username ? `, user "${settings.username}"` : ''}${others}).`,
    );
    this.setStatus({ status: 'connecting', url, attempt: 1 });
    let client: MqttClient;
    try {
      client = this.connectFn(
        url,
        toClientOptions(settings),
        (report) => (this.socket = report),
        () => this.nodeUrl(),
      );
    } catch (error) {
      return this.fail(url, { reason: errorText(error), hint: null, inspectUrl: null });
    }
    this.client = client;
    this.listen(client, settings);
  }

  /** The mqtt.js client while there is one (connected or not), for jobs that publish in bulk. */
  mqttClient(): MqttClient | null {
    return this.client;
  }

  disconnect(): void {
    const url = this.nodeUrl();
    const hadClient = this.client !== null;
    this.closeClient('Disconnected before the broker acknowledged it.');
    if (hadClient) this.log('info', 'Disconnected by the user.');
    this.setStatus({ status: 'disconnected', url });
  }

  dispose(): void {
    this.closeClient('The connection was closed.');
  }

  /** The node in use (or tried next); the profile's URL until a connection starts. */
  private nodeUrl(): string {
    return this.nodes[this.node] ?? this.settings?.url ?? '';
  }

  /** The other nodes worth trying: each a valid URL the page may open, none twice. */
  private otherNodes(url: string, candidates: string[]): string[] {
    const nodes: string[] = [];
    for (const candidate of candidates.map((text) => text.trim())) {
      if (candidate === '' || candidate === url || nodes.includes(candidate)) continue;
      const check = validateBrokerUrl(candidate);
      const endpoint = endpointOf(candidate);
      const blocked = endpoint && diagnoseBeforeConnect(endpoint, this.environment.pageProtocol);
      const problem = !check.ok ? check.reason : !endpoint ? 'not a broker URL' : blocked?.message;
      if (problem) this.log('warn', `Other node ${candidate} left out: ${problem}`);
      else nodes.push(candidate);
    }
    return nodes;
  }

  private listen(client: MqttClient, settings: ConnectSettings): void {
    const isCurrent = () => this.client === client;
    client.on('connect', (connack: IConnackPacket) => {
      if (!isCurrent()) return;
      const url = this.nodeUrl();
      const switched = this.upOn !== null && this.upOn !== this.node;
      if (switched) {
        this.log('warn', `Switched to ${url}: ${this.nodes[this.upOn ?? 0]} went away.`);
      }
      this.upOn = this.node;
      this.failedInRow = 0;
      const afterReconnect = this.wasConnected || this.attempt > 1;
      this.attempt = 0;
      this.wasConnected = true;
      this.diagnosis = null;
      this.brokerDisconnect = null;
      client.options.reconnectPeriod = settings.reconnectPeriodSeconds * 1_000;
      this.log('info', describeConnack(connack));
      this.setStatus({
        status: 'connected',
        url,
        protocolVersion: settings.protocolVersion,
        sessionPresent: connack.sessionPresent,
        ...(connack.properties?.maximumPacketSize
          ? { maximumPacketSize: connack.properties.maximumPacketSize }
          : {}),
        ...(connack.properties?.topicAliasMaximum
          ? { topicAliasMaximum: connack.properties.topicAliasMaximum }
          : {}),
        silentSince: null,
      });
      if (this.droppedAt !== null) {
        const resumedAt = Date.now();
        this.emit({
          type: 'stream-gap',
          lostAt: this.droppedAt,
          resumedAt,
          sessionPresent: connack.sessionPresent,
          ...(switched ? { switchedTo: url } : {}),
        });
        this.droppedAt = null;
      }
      this.watchSilence(client, settings.keepaliveSeconds);
      this.subscriptions.restore(afterReconnect);
    });
    client.on('packetreceive', (packet) => {
      this.lastPacketAt = Date.now();
      if (packet.cmd === 'pubrec') this.publisher.received(packet.messageId);
    });
    client.on('reconnect', () => {
      if (!isCurrent()) return;
      this.attempt += 1;
      // mqtt.js retries on a fixed interval; end it so the next failure schedules a new one
      // with the longer delay (backoff), read from options when the socket closes.
      (client as unknown as { _clearReconnect?: () => void })._clearReconnect?.();
      client.options.reconnectPeriod = reconnectDelayMs(
        settings.reconnectPeriodSeconds,
        this.attempt,
        this.droppedAt !== null,
      );
      this.log('info', `Reconnect attempt ${this.attempt - 1}.`);
      this.setStatus({ status: 'connecting', url: this.nodeUrl(), attempt: this.attempt });
    });
    client.on('disconnect', (packet: IDisconnectPacket) => {
      if (!isCurrent()) return;
      const properties = packet.properties;
      this.brokerDisconnect = describeDisconnectReason(
        packet.reasonCode ?? 0,
        properties?.reasonString,
        properties?.serverReference,
      );
      this.log('warn', `DISCONNECT from the broker: ${this.brokerDisconnect}`);
    });
    client.on('close', () => {
      if (!isCurrent() || this.status.status === 'error') return;
      this.onSocketClosed(client, settings);
    });
    client.on('error', (error) => {
      if (!isCurrent()) return;
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'number' && /refused/i.test(error.message)) {
        const serverProperties = (
          client as unknown as {
            _serverProperties?: { reasonString?: string; serverReference?: string };
          }
        )._serverProperties;
        const reason = describeConnackCode(code, settings.protocolVersion, {
          reasonString: serverProperties?.reasonString,
          serverReference: serverProperties?.serverReference,
        });
        this.log('error', `CONNACK refused: ${reason}`);
        if (!isRetryableConnackCode(code, settings.protocolVersion)) {
          // Retrying cannot help and may lock the account: stop here.
          this.closeClient('The broker refused the connection.');
          this.setStatus({
            status: 'error',
            url: this.nodeUrl(),
            reason,
            hint: null,
            inspectUrl: null,
          });
        } else {
          this.brokerDisconnect = reason;
        }
        return;
      }
      this.log('warn', `Client error: ${errorText(error)}`);
    });
    client.on('message', (topic, payload, packet) => {
      holdOffKeepaliveTimeout(client);
      const properties = packet.properties ? toMessageProperties(packet.properties) : null;
      this.pipeline.ingest(
        topic,
        payload,
        packet.qos,
        packet.retain,
        Date.now(),
        packet.dup,
        properties,
      );
    });
  }

  private onSocketClosed(client: MqttClient, settings: ConnectSettings): void {
    const url = this.nodeUrl();
    const socket = this.socket;
    const wasUp = this.status.status === 'connected';
    this.stopSilenceWatch();
    const closeText = socket?.closeCode ? ` (WebSocket close code ${socket.closeCode})` : '';
    this.log(wasUp ? 'warn' : 'info', `Socket closed${closeText}.`);
    const delay = client.options.reconnectPeriod ?? 0;
    const retrying = delay > 0 && !client.disconnecting;

    let failure: Failure;
    if (this.brokerDisconnect)
      failure = { reason: this.brokerDisconnect, hint: null, inspectUrl: null };
    else if (wasUp)
      failure = {
        reason: `The connection to ${url} was lost${closeText}.`,
        hint: null,
        inspectUrl: null,
      };
    else if (this.diagnosis) failure = toFailure(this.diagnosis);
    else
      failure = { reason: `Cannot reach ${url}: finding out why…`, hint: null, inspectUrl: null };

    if (!retrying) {
      this.closeClient('The connection was lost before the broker acknowledged it.');
      return this.fail(url, failure);
    }
    // A connection that was up is tried again at once (mqtt.js would wait a whole period).
    // With several nodes the next one is tried, each at once, until all have failed in turn.
    let immediate = wasUp;
    if (this.nodes.length > 1) {
      if (!wasUp) this.failedInRow += 1;
      this.node = (this.node + 1) % this.nodes.length;
      this.endpoint = endpointOf(this.nodeUrl());
      this.diagnosis = null;
      immediate = wasUp || this.failedInRow % this.nodes.length !== 0;
    }
    let retryAt = Date.now() + delay;
    if (immediate) {
      if (wasUp) this.droppedAt ??= Date.now();
      (client as unknown as { _clearReconnect?: () => void })._clearReconnect?.();
      retryAt = Date.now();
      setTimeout(() => {
        if (this.client === client && !client.connected && !client.disconnecting)
          (client as unknown as { _reconnect?: () => void })._reconnect?.();
      }, 0);
      this.log(
        'info',
        this.nodes.length > 1 ? `Trying ${this.nodeUrl()} now.` : 'Trying again now.',
      );
    } else this.log('info', `Next attempt in ${(delay / 1_000).toFixed(delay < 1_000 ? 2 : 0)} s.`);
    this.setStatus({
      status: 'reconnecting',
      url,
      attempt: this.attempt,
      retryAt,
      reason: failure.reason,
      hint: failure.hint,
    });
    if (!wasUp && !this.diagnosis && !this.brokerDisconnect && this.endpoint && socket) {
      void this.diagnose(client, settings, this.endpoint, socket);
    }
  }

  /**
   * Works out why a socket failed before the MQTT handshake (see connection-diagnosis.ts),
   * once per failing sequence, and puts the answer on the status the user is looking at.
   */
  private async diagnose(
    client: MqttClient,
    settings: ConnectSettings,
    endpoint: Endpoint,
    socket: SocketReport,
  ): Promise<void> {
    if (this.diagnosing) return;
    this.diagnosing = true;
    try {
      const { fetch: fetchFn, pageProtocol } = this.environment;
      const probes = fetchFn
        ? await runProbes(endpoint, pageProtocol, fetchFn, PROBE_TIMEOUT_MS)
        : ({ sameScheme: 'not-run', otherScheme: 'not-run' } as const);
      const diagnosis = diagnoseSocketFailure(
        {
          endpoint,
          pageProtocol,
          constructorError: socket.constructorError,
          opened: socket.opened,
          openForMs:
            socket.openedAt !== null && socket.closedAt !== null
              ? socket.closedAt - socket.openedAt
              : null,
          closeCode: socket.closeCode,
          closeReason: socket.closeReason,
          bytesFromBroker: socket.bytesReceived,
          protocolVersion: settings.protocolVersion,
          withLogin: settings.username !== '',
        },
        probes,
      );
      if (this.client !== client || this.status.status === 'connected') return;
      this.diagnosis = diagnosis;
      this.log(
        'warn',
        `Diagnosis: ${diagnosis.message}${diagnosis.hint ? ` ${diagnosis.hint}` : ''}`,
      );
      if (FINAL_DIAGNOSES.has(diagnosis.kind)) {
        this.closeClient('The connection could not be made.');
        return this.fail(this.nodeUrl(), toFailure(diagnosis));
      }
      if (this.status.status === 'reconnecting' || this.status.status === 'connecting') {
        const retryAt = this.status.status === 'reconnecting' ? this.status.retryAt : Date.now();
        this.setStatus({
          status: 'reconnecting',
          url: this.nodeUrl(),
          attempt: this.attempt,
          retryAt,
          reason: diagnosis.message,
          hint: diagnosis.hint,
        });
      }
    } finally {
      this.diagnosing = false;
    }
  }

  /**
   * Marks the connection silent when no packet came for 1.25 keepalive periods (mqtt.js pings
   * when idle, so a live broker always answers within one), and clears the mark when one comes.
   * A keepalive of 0 turns pings off: silence then means nothing, and is not watched.
   */
  private watchSilence(client: MqttClient, keepaliveSeconds: number): void {
    this.stopSilenceWatch();
    if (keepaliveSeconds <= 0) return;
    const limitMs = keepaliveSeconds * 1_000 * SILENT_AFTER_KEEPALIVES;
    // The CONNACK just came.
    this.lastPacketAt = Date.now();
    this.silenceWatch = setInterval(() => {
      const status = this.status;
      if (this.client !== client || status.status !== 'connected') return this.stopSilenceWatch();
      const quietMs = Date.now() - this.lastPacketAt;
      if (quietMs < limitMs) {
        if (status.silentSince !== null) {
          this.log('info', 'The broker answers again.');
          this.setStatus({ ...status, silentSince: null });
        }
      } else if (status.silentSince === null) {
        this.log(
          'warn',
          `No packet from the broker for ${Math.round(quietMs / 1_000)} s (keepalive ${keepaliveSeconds} s): it may be frozen or unreachable.`,
        );
        this.setStatus({ ...status, silentSince: this.lastPacketAt });
      }
    }, SILENCE_CHECK_MS);
  }

  private stopSilenceWatch(): void {
    if (this.silenceWatch !== null) clearInterval(this.silenceWatch);
    this.silenceWatch = null;
  }

  private fail(url: string, failure: Failure): void {
    this.log('error', failure.reason);
    this.setStatus({ status: 'error', url, ...failure });
  }

  private closeClient(pendingReason: string): void {
    this.stopSilenceWatch();
    const client = this.client;
    this.client = null;
    this.socket = null;
    if (!client) return;
    this.publisher.failPending(pendingReason);
    client.removeAllListeners();
    // Keep an error listener: a late socket error must not become an unhandled exception.
    client.on('error', () => undefined);
    client.end(true);
  }

  private setStatus(status: ConnectionStatus): void {
    this.status = status;
    this.emit({ type: 'status', status });
  }

  private log(level: LogLevel, text: string): void {
    this.emit({ type: 'log', entry: { time: Date.now(), level, text } });
  }
}

interface Failure {
  reason: string;
  hint: string | null;
  inspectUrl: string | null;
}

function toFailure(diagnosis: Diagnosis): Failure {
  return {
    reason: diagnosis.message,
    hint: diagnosis.hint,
    inspectUrl: diagnosis.inspectUrl ?? null,
  };
}

/** The CONNACK in a log line: session present, and the properties a broker sent (MQTT 5). */
function describeConnack(connack: IConnackPacket): string {
  const parts = [`CONNACK: accepted, session present ${connack.sessionPresent ? 'yes' : 'no'}`];
  const properties = connack.properties;
  if (properties) {
    for (const [key, value] of Object.entries(properties)) {
      if (value === undefined) continue;
      parts.push(`${key} ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
    }
  }
  return `${parts.join(', ')}.`;
}

function endpointOf(url: string): Endpoint | null {
  const parsed = parseBrokerUrl(url);
  return parsed.ok
    ? { scheme: parsed.scheme, host: parsed.host, port: parsed.port, path: parsed.path }
    : null;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
