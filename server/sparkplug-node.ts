import { randomUUID } from 'node:crypto';
import { connectAsync } from 'mqtt';
import type { IClientOptions, MqttClient } from 'mqtt';
import sparkplug from 'sparkplug-payload';
import tahu from 'sparkplug-payload/lib/sparkplugPayloadProto.js';
import { createSparkplugNode, sampleSparkplugDevice } from './plant-profiles.ts';
import type { MetricValues, SparkplugMetricSpec, SparkplugNodeSpec } from './plant-profiles.ts';
import { settleWithin } from './settle-within.ts';

/**
 * A Sparkplug B edge node with two devices, as the demo's industrial line (Sparkplug 3.0 §5):
 * on every new MQTT session it publishes NBIRTH and a DBIRTH per device, then NDATA and DDATA
 * at the simulator's cadence with metrics by alias only; its NDEATH is the session's last will.
 * Payloads are made by Eclipse Tahu's reference encoder.
 */

export interface SparkplugNodeOptions {
  brokerUrl: string;
  seed?: number;
  intervalMs?: number;
  connectOptions?: Pick<IClientOptions, 'username' | 'password' | 'rejectUnauthorized'>;
  /** How soon mqtt.js reconnects after the link is lost. */
  reconnectPeriodMs?: number;
}

export interface RunningSparkplugNode {
  readonly spec: SparkplugNodeSpec;
  /** Publishes NDEATH (and DDEATHs) and disconnects. */
  stop(): Promise<void>;
  /**
   * Cuts the link without a DISCONNECT, as a crash or a lost network would: the broker then
   * publishes the NDEATH will, and the node reconnects with the next bdSeq and births again.
   */
  dropConnection(): void;
  /** Sparkplug messages handed to the client so far. */
  published(): number;
}

function tahuCodec() {
  const codec = sparkplug.get('spBv1.0');
  if (!codec) throw new Error('sparkplug-payload has no spBv1.0 codec');
  return codec;
}

const codec = tahuCodec();
const Payload = tahu.org.eclipse.tahu.protobuf.Payload;
type TahuMetric = tahu.org.eclipse.tahu.protobuf.Payload.IMetric;

const REBIRTH = 'Node Control/Rebirth';
const REBIRTH_ALIAS = 2;
const CONNECT_TIMEOUT_MS = 5000;
const STOP_TIMEOUT_MS = 2000;

/** The topic of a node message, or of a device message when `device` is given (§4.1). */
export function sparkplugTopic(
  spec: Pick<SparkplugNodeSpec, 'group' | 'edgeNode'>,
  type: string,
  device?: string,
): string {
  return `spBv1.0/${spec.group}/${type}/${spec.edgeNode}${device ? `/${device}` : ''}`;
}

/** The NDEATH payload: the bdSeq of the session it ends, and no seq (§6.4.19). */
export function deathPayload(bdSeq: number): Uint8Array {
  return codec.encodePayload({
    timestamp: Date.now(),
    metrics: [{ name: 'bdSeq', type: 'UInt64', value: bdSeq }],
  });
}

/** A metric of a DATA message: alias and value only (§6.4.8: no name, no datatype). */
function aliasOnly(metric: SparkplugMetricSpec, value: number | boolean): TahuMetric {
  switch (metric.type) {
    case 'Float':
      return { alias: metric.alias, floatValue: value as number };
    case 'Double':
      return { alias: metric.alias, doubleValue: value as number };
    case 'Boolean':
      return { alias: metric.alias, booleanValue: value as boolean };
    case 'Int32':
      return { alias: metric.alias, intValue: (value as number) >>> 0 }; // two's complement
    case 'UInt32':
      return { alias: metric.alias, longValue: value as number }; // where Tahu puts UInt32
  }
}

function birthMetrics(metrics: SparkplugMetricSpec[], values: MetricValues) {
  return metrics.map((metric) => ({
    name: metric.name,
    alias: metric.alias,
    type: metric.type,
    value: values[metric.name] ?? 0,
  }));
}

/** Connects the edge node and starts publishing; resolves once its first births are out. */
export async function startSparkplugNode(
  options: SparkplugNodeOptions,
): Promise<RunningSparkplugNode> {
  const spec = createSparkplugNode(options.seed ?? 1);
  const startedAt = Date.now();
  /** Birth/death sequence: one per MQTT session, 0..255 (§6.4.19). */
  let bdSeq = 0;
  /** Message sequence of the node and its devices: 0 in NBIRTH, then 1..255 and round (§6.4.20). */
  let seq = 0;
  let published = 0;
  const nextSeq = () => (seq = (seq + 1) % 256);
  const will = () => ({
    topic: sparkplugTopic(spec, 'NDEATH'),
    payload: Buffer.from(deathPayload(bdSeq)),
    qos: 1 as const,
    retain: false,
  });

  const client: MqttClient = await connectAsync(
    options.brokerUrl,
    {
      ...options.connectOptions,
      clientId: `mqtt-scope-sim-${spec.edgeNode}-${randomUUID().slice(0, 8)}`,
      connectTimeout: CONNECT_TIMEOUT_MS,
      reconnectPeriod: options.reconnectPeriodMs ?? 1000,
      queueQoSZero: false,
      clean: true,
      will: will(),
    },
    false,
  ).catch((error: Error) => {
    throw new Error(`Sparkplug node could not connect to ${options.brokerUrl}: ${error.message}`);
  });
  client.on('error', () => {});

  const send = (topic: string, payload: Uint8Array, qos: 0 | 1 = 0) => {
    if (!client.connected) return;
    client.publish(topic, Buffer.from(payload), { qos });
    published += 1;
  };

  const nodeValues = (): MetricValues => ({
    Uptime: Math.floor((Date.now() - startedAt) / 1000),
  });

  /** NBIRTH and every DBIRTH, with names, aliases, datatypes and current values. */
  const birth = () => {
    const now = Date.now();
    seq = 0;
    send(
      sparkplugTopic(spec, 'NBIRTH'),
      codec.encodePayload({
        timestamp: now,
        seq,
        metrics: [
          { name: 'bdSeq', type: 'UInt64', value: bdSeq },
          { name: REBIRTH, alias: REBIRTH_ALIAS, type: 'Boolean', value: false },
          ...birthMetrics(spec.metrics, nodeValues()),
        ],
      }),
      1,
    );
    for (const device of spec.devices) {
      send(
        sparkplugTopic(spec, 'DBIRTH', device.id),
        codec.encodePayload({
          timestamp: now,
          seq: nextSeq(),
          metrics: birthMetrics(device.metrics, sampleSparkplugDevice(device, now)),
        }),
        1,
      );
    }
  };

  const data = (topic: string, metrics: SparkplugMetricSpec[], values: MetricValues) => {
    const payload = Payload.encode({
      timestamp: Date.now(),
      seq: nextSeq(),
      metrics: metrics.map((metric) => aliasOnly(metric, values[metric.name] ?? 0)),
    }).finish();
    send(topic, payload);
  };

  const tick = () => {
    const now = Date.now();
    data(sparkplugTopic(spec, 'NDATA'), spec.metrics, nodeValues());
    for (const device of spec.devices) {
      data(
        sparkplugTopic(spec, 'DDATA', device.id),
        device.metrics,
        sampleSparkplugDevice(device, now),
      );
    }
  };

  // A host application asks for births again with Node Control/Rebirth (§6.4.3).
  const commands = sparkplugTopic(spec, 'NCMD');
  client.on('message', (topic, payload) => {
    if (topic !== commands) return;
    try {
      const command = codec.decodePayload(payload);
      const rebirth = command.metrics?.some(
        (m) => (m.name === REBIRTH || Number(m.alias) === REBIRTH_ALIAS) && m.value === true,
      );
      if (rebirth) birth();
    } catch {
      // A command that is not a Sparkplug payload is ignored, as a real node would.
    }
  });
  // Each new session has its own bdSeq: the will of the next CONNECT carries the next one,
  // and the births after it say the same number (§6.4.19).
  client.on('close', () => {
    bdSeq = (bdSeq + 1) % 256;
    client.options.will = will();
  });
  client.on('connect', () => birth()); // reconnects; the first session is born below

  await client.subscribeAsync(commands, { qos: 1 });
  birth();
  const timer = setInterval(tick, options.intervalMs ?? 1000);

  let stopping: Promise<void> | null = null;
  const stop = async () => {
    clearInterval(timer);
    if (client.connected) {
      for (const device of spec.devices) {
        const death = codec.encodePayload({ timestamp: Date.now(), seq: nextSeq(), metrics: [] });
        send(sparkplugTopic(spec, 'DDEATH', device.id), death);
      }
      // A clean DISCONNECT sends no will: the NDEATH goes out by hand first (§5.9).
      const death = client.publishAsync(will().topic, will().payload, { qos: 1 });
      published += 1;
      await settleWithin(death, STOP_TIMEOUT_MS);
    }
    await settleWithin(client.endAsync(!client.connected), STOP_TIMEOUT_MS);
  };

  return {
    spec,
    stop: () => (stopping ??= stop()),
    dropConnection: () => client.stream?.destroy(),
    published: () => published,
  };
}
