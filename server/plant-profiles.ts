/**
 * Pure, seedable generators for the industrial part of the demo: the devices of a Sparkplug B
 * edge node and an energy meter that publishes CBOR. As in sensor-profiles.ts, every value is
 * a function of (seed, time) alone.
 */
import { drift } from './sensor-profiles.ts';
import { hashUnit, mix32 } from './seeded-random.ts';

/** The Sparkplug B datatypes the demo's metrics use (names as Tahu's encoder spells them). */
export type SparkplugDemoType = 'Float' | 'Double' | 'Boolean' | 'Int32' | 'UInt32';

export interface SparkplugMetricSpec {
  name: string;
  /** Unique across the edge node and its devices (Sparkplug 3.0 §6.4.8). */
  alias: number;
  type: SparkplugDemoType;
}

export interface SparkplugDeviceSpec {
  id: string;
  seed: number;
  metrics: SparkplugMetricSpec[];
}

export interface SparkplugNodeSpec {
  group: string;
  edgeNode: string;
  /** The node's own metrics besides bdSeq and Node Control/Rebirth. */
  metrics: SparkplugMetricSpec[];
  devices: SparkplugDeviceSpec[];
}

export type MetricValues = Record<string, number | boolean>;

/** The demo's edge node: a pump and a tank on one line of a plant. Names are fixed. */
export function createSparkplugNode(seed: number): SparkplugNodeSpec {
  return {
    group: 'plant1',
    edgeNode: 'line1-edge',
    metrics: [{ name: 'Uptime', alias: 1, type: 'UInt32' }],
    devices: [
      {
        id: 'pump-01',
        seed: mix32(seed + 4001),
        metrics: [
          { name: 'Flow', alias: 10, type: 'Float' },
          { name: 'Pressure', alias: 11, type: 'Double' },
          { name: 'Speed', alias: 12, type: 'Int32' },
          { name: 'Running', alias: 13, type: 'Boolean' },
        ],
      },
      {
        id: 'tank-01',
        seed: mix32(seed + 4002),
        metrics: [
          { name: 'Level', alias: 20, type: 'Float' },
          { name: 'Temperature', alias: 21, type: 'Float' },
          { name: 'Inlet Valve', alias: 22, type: 'Boolean' },
        ],
      },
    ],
  };
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** One slow cycle of the line: the pump runs for most of it and stops for a while. */
const LINE_CYCLE_MS = 3 * 60_000;

/** A device's metric values at time t (epoch ms), by metric name. */
export function sampleSparkplugDevice(device: SparkplugDeviceSpec, t: number): MetricValues {
  const wander = (channel: number, stepMs: number) => drift(device.seed + channel, t, stepMs);
  const noise = (channel: number) => hashUnit(device.seed + channel, t) * 2 - 1;
  const phase = (((t / LINE_CYCLE_MS) % 1) + 1) % 1;
  const running = phase < 0.8;
  if (device.id.startsWith('pump')) {
    const speed = running ? 1450 + 40 * wander(1, 20_000) + 5 * noise(2) : 0;
    return {
      Flow: round(running ? 118 + 9 * wander(3, 15_000) + noise(4) : 0, 2),
      Pressure: round(running ? 3.2 + 0.25 * wander(5, 12_000) + 0.02 * noise(6) : 0.1, 3),
      Speed: Math.round(speed),
      Running: running,
    };
  }
  // The tank fills while the pump runs and drains while it rests.
  const level = running ? 20 + 70 * (phase / 0.8) : 90 - 70 * ((phase - 0.8) / 0.2);
  return {
    Level: round(level + 1.5 * wander(7, 10_000), 2),
    Temperature: round(18 + 2 * wander(8, 60_000) + 0.05 * noise(9), 2),
    'Inlet Valve': running,
  };
}

/** The CBOR energy meter's reading at time t: a map of numbers and a list per phase. */
export interface EnergyReading {
  ts: number;
  power_W: number;
  energy_kWh: number;
  voltage_V: number;
  current_A: number[];
}

/** An energy meter's reading at time t; energy counts up from the start of the day. */
export function sampleEnergyMeter(seed: number, t: number): EnergyReading {
  const power = 2300 + 600 * drift(seed + 1, t, 30_000) + 40 * (hashUnit(seed + 2, t) * 2 - 1);
  const dayStart = t - (t % 86_400_000);
  const hours = (t - dayStart) / 3_600_000;
  const voltage = 230 + 3 * drift(seed + 3, t, 45_000);
  const perPhase = power / voltage / 3;
  return {
    ts: t,
    power_W: round(power, 1),
    energy_kWh: round(hours * 2.3, 3),
    voltage_V: round(voltage, 1),
    current_A: [0, 1, 2].map((phase) =>
      round(perPhase * (1 + 0.05 * drift(seed + 10 + phase, t, 20_000)), 2),
    ),
  };
}
