import { randomUUID } from 'node:crypto';
import { encode as encodeCbor } from 'cborg';
import { connectAsync } from 'mqtt';
import type { IClientOptions, MqttClient } from 'mqtt';
import { sampleEnergyMeter } from './plant-profiles.ts';
import { settleWithin } from './settle-within.ts';
import {
  createFleet,
  detectAlarms,
  isQuiet,
  sampleDevice,
  toTelemetry,
} from './sensor-profiles.ts';
import type { Device, SensorReading } from './sensor-profiles.ts';
import { startSparkplugNode } from './sparkplug-node.ts';
import type { RunningSparkplugNode } from './sparkplug-node.ts';

export interface SimulatorOptions {
  /** mqtt://, ws:// or wss:// URL of the broker. */
  brokerUrl: string;
  seed?: number;
  /** How often each device publishes telemetry and temperature. */
  intervalMs?: number;
  /** Extra telemetry messages per second, spread over all devices, for benchmarks. */
  rate?: number;
  prefix?: string;
  /** Login and TLS settings for every device's connection. */
  connectOptions?: Pick<IClientOptions, 'username' | 'password' | 'rejectUnauthorized'>;
  /**
   * The industrial part of the demo: a Sparkplug B edge node under `spBv1.0/` and an energy
   * meter publishing CBOR under `<prefix>/cbor/`. On unless false.
   */
  industrial?: boolean;
}

export interface RunningSimulator {
  stop(): Promise<void>;
  /** Messages handed to the client so far. */
  published(): number;
  /** Messages dropped because a client was disconnected or its outgoing buffer was full. */
  skipped(): number;
  /** The Sparkplug B edge node, when the industrial demo runs. */
  readonly sparkplug: RunningSparkplugNode | null;
}

/** The CBOR energy meter's id; it publishes `<prefix>/cbor/<id>/energy`. */
export const ENERGY_METER_ID = 'em-01';

const RATE_TICK_MS = 10;
/** Beyond this many unsent bytes on a client, high-rate messages are dropped, not queued. */
const MAX_OUTGOING_BYTES = 256 * 1024;
const CONNECT_TIMEOUT_MS = 5000;
const STOP_TIMEOUT_MS = 2000;

interface SimulatedDevice {
  device: Device;
  client: MqttClient;
  topic: (leaf: string) => string;
  last: SensorReading | null;
}

/** One MQTT connection per device, so each has its own retained `offline` last will. */
async function connectDevice(
  options: SimulatorOptions,
  prefix: string,
  device: Device,
): Promise<SimulatedDevice> {
  const { brokerUrl } = options;
  const topic = (leaf: string) => `${prefix}/${device.site}/${device.id}/${leaf}`;
  const client = await connectAsync(
    brokerUrl,
    {
      ...options.connectOptions,
      clientId: `mqtt-scope-sim-${device.id}-${randomUUID().slice(0, 8)}`,
      connectTimeout: CONNECT_TIMEOUT_MS,
      // While the broker is away, drop QoS 0 samples instead of queueing them without bound.
      queueQoSZero: false,
      will: { topic: topic('status'), payload: Buffer.from('offline'), qos: 1, retain: true },
    },
    false,
  ).catch((error: Error) => {
    throw new Error(`Simulator could not connect to ${brokerUrl}: ${error.message}`);
  });
  // After the first connect mqtt.js reconnects by itself; errors must not crash the process.
  client.on('error', () => {});
  try {
    await client.publishAsync(topic('status'), 'online', { qos: 1, retain: true });
    await client.publishAsync(topic('meta'), JSON.stringify(device.meta), { qos: 1, retain: true });
  } catch (error) {
    await client.endAsync(true);
    throw error;
  }
  return { device, client, topic, last: null };
}

function isCongested(client: MqttClient): boolean {
  return (client.stream?.writableLength ?? 0) > MAX_OUTGOING_BYTES;
}

/** Publishes demo sensor data until stopped. Resolves once every device is online. */
export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const prefix = options.prefix ?? 'demo';
  const intervalMs = options.intervalMs ?? 1000;
  const fleet = createFleet(options.seed ?? 1);
  let published = 0;
  let skipped = 0;

  const connected = await Promise.allSettled(
    fleet.map((device) => connectDevice(options, prefix, device)),
  );
  const devices = connected.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failure = connected.find((r) => r.status === 'rejected');
  if (failure) {
    await Promise.all(devices.map((d) => d.client.endAsync(true)));
    throw failure.reason;
  }

  // Samples taken while the broker is away are stale by the time it returns: count, not queue.
  const publish = (client: MqttClient, topic: string, payload: string) => {
    if (!client.connected) {
      skipped += 1;
      return;
    }
    client.publish(topic, payload, { qos: 0 });
    published += 1;
  };

  // The energy meter speaks MQTT 3.1.1, which has no content type: the page reads its CBOR by
  // a rule for `<prefix>/cbor/#`.
  const industrial = options.industrial ?? true;
  let meter: MqttClient | null = null;
  let sparkplug: RunningSparkplugNode | null = null;
  if (industrial) {
    try {
      meter = await connectAsync(
        options.brokerUrl,
        {
          ...options.connectOptions,
          clientId: `mqtt-scope-sim-${ENERGY_METER_ID}-${randomUUID().slice(0, 8)}`,
          connectTimeout: CONNECT_TIMEOUT_MS,
          queueQoSZero: false,
        },
        false,
      ).catch((error: Error) => {
        throw new Error(`Simulator could not connect to ${options.brokerUrl}: ${error.message}`);
      });
      meter.on('error', () => {});
      sparkplug = await startSparkplugNode({
        brokerUrl: options.brokerUrl,
        seed: options.seed,
        intervalMs,
        connectOptions: options.connectOptions,
      });
    } catch (error) {
      await meter?.endAsync(true);
      await Promise.all(devices.map((d) => d.client.endAsync(true)));
      throw error instanceof Error ? error : new Error(String(error));
    }
  }
  const meterTopic = `${prefix}/cbor/${ENERGY_METER_ID}/energy`;
  const meterSeed = (options.seed ?? 1) + 5003;

  const tick = () => {
    const ts = Date.now();
    if (meter?.connected) {
      meter.publish(meterTopic, Buffer.from(encodeCbor(sampleEnergyMeter(meterSeed, ts))), {
        qos: 0,
      });
      published += 1;
    }
    for (const sim of devices) {
      // The flaky device's silences show as a stale topic; the high-rate load ignores them.
      if (isQuiet(sim.device, ts)) continue;
      const reading = sampleDevice(sim.device, ts);
      const telemetry = toTelemetry(reading, ts);
      publish(sim.client, sim.topic('telemetry'), JSON.stringify(telemetry));
      publish(sim.client, sim.topic('temperature'), telemetry.temperature.toFixed(2));
      for (const alarm of sim.last ? detectAlarms(sim.device, sim.last, reading, ts) : []) {
        publish(sim.client, `${prefix}/${sim.device.site}/alarms`, JSON.stringify(alarm));
      }
      sim.last = reading;
    }
  };

  // High-rate mode: a time-based budget, capped so a stalled loop never bursts to catch up.
  const rate = options.rate ?? 0;
  let owed = 0;
  let lastRateTick = Date.now();
  let next = 0;
  const rateTick = () => {
    const now = Date.now();
    owed = Math.min(owed + (rate * (now - lastRateTick)) / 1000, Math.max(1, rate / 10));
    lastRateTick = now;
    for (let budget = Math.floor(owed); budget > 0; budget -= 1) {
      const sim = devices[next++ % devices.length];
      if (!sim) break;
      owed -= 1;
      if (isCongested(sim.client)) skipped += 1;
      else {
        const telemetry = toTelemetry(sampleDevice(sim.device, now), now);
        publish(sim.client, sim.topic('telemetry'), JSON.stringify(telemetry));
      }
    }
  };

  tick();
  const timers = [setInterval(tick, intervalMs)];
  if (rate > 0) timers.push(setInterval(rateTick, RATE_TICK_MS));

  let stopping: Promise<void> | null = null;
  const stop = async () => {
    for (const timer of timers) clearInterval(timer);
    await Promise.all([
      sparkplug?.stop(),
      meter ? settleWithin(meter.endAsync(!meter.connected), STOP_TIMEOUT_MS) : null,
    ]);
    await Promise.all(
      devices.map(async ({ client, topic }) => {
        if (client.connected) {
          const offline = client.publishAsync(topic('status'), 'offline', { qos: 1, retain: true });
          await settleWithin(offline, STOP_TIMEOUT_MS);
        }
        await settleWithin(client.endAsync(!client.connected), STOP_TIMEOUT_MS);
      }),
    );
  };

  return {
    stop: () => (stopping ??= stop()),
    published: () => published + (sparkplug?.published() ?? 0),
    skipped: () => skipped,
    sparkplug,
  };
}
