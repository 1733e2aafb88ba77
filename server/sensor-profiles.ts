/**
 * Pure, seedable demo sensors. Every value is a function of (device, time) alone, so the
 * simulator can sample any instant, and the same seed always yields the same fleet and curves.
 */

import { hashUnit, mix32, mulberry32 } from './seeded-random.ts';

/** Length of one simulated "day": a 24 h cycle sped up so a demo shows visible movement. */
export const DEFAULT_CYCLE_MS = 10 * 60_000;

export interface SensorReading {
  temperature: number; // °C
  humidity: number; // % relative humidity
  pressure: number; // hPa
  battery: number; // %
}

export interface Telemetry extends SensorReading {
  ts: number;
}

export interface DeviceMeta {
  model: string;
  firmware: string;
  location: string;
}

export interface SensorProfile {
  seed: number;
  siteSeed: number;
  phase: number; // offset into the daily cycle, 0..1
  temperature: { base: number; daily: number; drift: number; spike: number; alarmAbove: number };
  humidity: { base: number; daily: number; drift: number };
  pressure: { base: number; offset: number };
  battery: { periodCycles: number; phase: number; low: number; alarmBelow: number };
}

/** One silent stretch in every period, its length and place drawn from the seed. */
export interface QuietSchedule {
  seed: number;
  periodMs: number;
  minQuietMs: number;
  maxQuietMs: number;
  /** Publishing time kept at each end of a period, so the device is seen between silences. */
  marginMs: number;
}

export interface Device {
  site: string;
  id: string;
  meta: DeviceMeta;
  profile: SensorProfile;
  /** When the device stops publishing (a flaky Wi-Fi link); null for a device that never does. */
  quiet: QuietSchedule | null;
}

export interface AlarmEvent {
  site: string;
  device: string;
  kind: 'temperature-high' | 'battery-low';
  value: number;
  threshold: number;
  ts: number;
}

/** Smoothed random walk: random levels every stepMs joined by smoothstep, in [-1, 1]. */
export function drift(seed: number, t: number, stepMs: number): number {
  const x = t / stepMs;
  const i = Math.floor(x);
  const f = x - i;
  const a = hashUnit(seed, i) * 2 - 1;
  const b = hashUnit(seed, i + 1) * 2 - 1;
  return a + (b - a) * f * f * (3 - 2 * f);
}

/** 0 most of the time; a raised-cosine bump of height 1 in some slots (a door left open…). */
function spike(seed: number, t: number, slotMs: number, durationMs: number): number {
  const slot = Math.floor(t / slotMs);
  if (hashUnit(seed, slot) > 0.3) return 0;
  const start = slot * slotMs + hashUnit(seed + 1, slot) * (slotMs - durationMs);
  const into = (t - start) / durationMs;
  return into <= 0 || into >= 1 ? 0 : (1 - Math.cos(2 * Math.PI * into)) / 2;
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Samples a device at time t (epoch ms). */
export function sampleDevice(
  device: Device,
  t: number,
  cycleMs: number = DEFAULT_CYCLE_MS,
): SensorReading {
  const p = device.profile;
  const day = Math.sin(2 * Math.PI * (t / cycleMs + p.phase));
  const noise = (channel: number, amplitude: number) =>
    (hashUnit(p.seed + channel, t) * 2 - 1) * amplitude;
  const bump = spike(p.seed + 10, t, cycleMs / 5, cycleMs / 30);

  const temperature =
    p.temperature.base +
    p.temperature.daily * day +
    p.temperature.drift * drift(p.seed + 20, t, cycleMs / 6) +
    p.temperature.spike * bump +
    noise(30, 0.04);
  const humidity =
    p.humidity.base -
    p.humidity.daily * day +
    p.humidity.drift * drift(p.seed + 40, t, cycleMs / 5) -
    8 * bump +
    noise(50, 0.2);
  // Weather is shared by a site's devices; each sensor adds a small calibration offset.
  const pressure =
    p.pressure.base +
    8 * drift(p.siteSeed + 60, t, cycleMs * 2) +
    0.8 * Math.sin(4 * Math.PI * (t / cycleMs)) +
    p.pressure.offset +
    noise(70, 0.05);

  // Sawtooth: drains for 90% of its period, then recharges to full.
  const cycle = (((t / (cycleMs * p.battery.periodCycles) + p.battery.phase) % 1) + 1) % 1;
  const span = 100 - p.battery.low;
  const battery =
    cycle < 0.9 ? 100 - (span * cycle) / 0.9 : p.battery.low + (span * (cycle - 0.9)) / 0.1;

  return {
    temperature,
    humidity: clamp(humidity, 3, 99),
    pressure,
    battery: clamp(battery, 0, 100),
  };
}

/**
 * True while the device is in a silent stretch and publishes nothing, so the demo has a sensor
 * that goes stale and comes back. A stretch never crosses its period, so silences stay apart.
 */
export function isQuiet(device: Device, t: number): boolean {
  const quiet = device.quiet;
  if (!quiet) return false;
  const { seed, periodMs, minQuietMs, maxQuietMs, marginMs } = quiet;
  const slot = Math.floor(t / periodMs);
  const length = minQuietMs + hashUnit(seed, slot) * (maxQuietMs - minQuietMs);
  const start =
    slot * periodMs + marginMs + hashUnit(seed + 1, slot) * (periodMs - 2 * marginMs - length);
  return t >= start && t < start + length;
}

/** The JSON a device publishes: values rounded to what a real sensor would report. */
export function toTelemetry(reading: SensorReading, ts: number): Telemetry {
  return {
    temperature: round(reading.temperature, 2),
    humidity: round(reading.humidity, 1),
    pressure: round(reading.pressure, 1),
    battery: Math.round(reading.battery),
    ts,
  };
}

/** Alarms fire when a value crosses its threshold, not while it stays beyond it. */
export function detectAlarms(
  device: Device,
  previous: SensorReading,
  next: SensorReading,
  ts: number,
): AlarmEvent[] {
  const { temperature, battery } = device.profile;
  const events: AlarmEvent[] = [];
  const event = (kind: AlarmEvent['kind'], value: number, threshold: number) =>
    events.push({ site: device.site, device: device.id, kind, value, threshold, ts });
  if (previous.temperature <= temperature.alarmAbove && next.temperature > temperature.alarmAbove)
    event('temperature-high', round(next.temperature, 2), temperature.alarmAbove);
  if (previous.battery >= battery.alarmBelow && next.battery < battery.alarmBelow)
    event('battery-low', Math.round(next.battery), battery.alarmBelow);
  return events;
}

interface SiteTemplate {
  site: string;
  prefix: string;
  locations: string[];
  temperature: number;
  daily: number;
  humidity: number;
  pressure: number;
}

const SITES: SiteTemplate[] = [
  {
    site: 'greenhouse',
    prefix: 'gh',
    locations: ['north bed', 'south bed', 'seedlings', 'propagation bench'],
    temperature: 24,
    daily: 5,
    humidity: 72,
    pressure: 1012,
  },
  {
    site: 'warehouse',
    prefix: 'wh',
    locations: ['loading dock', 'cold aisle', 'mezzanine'],
    temperature: 14,
    daily: 3,
    humidity: 55,
    pressure: 1010,
  },
  {
    site: 'office',
    prefix: 'of',
    locations: ['meeting room', 'open space'],
    temperature: 21.5,
    daily: 1.5,
    humidity: 42,
    pressure: 1014,
  },
];

const MODELS = ['EnviroSense ES-200', 'AirNode T3', 'ClimaTag mini'];

/** The device with a flaky link: every fleet has one, whatever the seed. */
export const QUIET_DEVICE_ID = 'of-02';

/** A silence of 20 to 40 s every two minutes: long past any stale rule, short enough to return. */
function quietSchedule(seed: number): QuietSchedule {
  return { seed, periodMs: 120_000, minQuietMs: 20_000, maxQuietMs: 40_000, marginMs: 15_000 };
}

/** The demo fleet: 3 sites with 4, 3 and 2 devices. Ids are fixed; the seed shapes the curves. */
export function createFleet(seed: number): Device[] {
  const random = mulberry32(seed);
  const between = (low: number, high: number) => low + (high - low) * random();
  return SITES.flatMap((template, siteIndex) =>
    template.locations.map((location, index): Device => {
      const temperature = template.temperature + between(-1, 1);
      const daily = template.daily * between(0.8, 1.2);
      const driftAmount = between(0.8, 1.6);
      const batteryLow = Math.round(between(10, 25));
      const id = `${template.prefix}-${String(index + 1).padStart(2, '0')}`;
      return {
        site: template.site,
        id,
        meta: {
          model: MODELS[Math.floor(random() * MODELS.length)] ?? 'EnviroSense ES-200',
          firmware: `1.${Math.floor(between(2, 6))}.${Math.floor(between(0, 10))}`,
          location: `${template.site} / ${location}`,
        },
        profile: {
          seed: mix32(seed + siteIndex * 101 + index * 7919),
          siteSeed: mix32(seed + siteIndex * 101),
          phase: between(-0.03, 0.03),
          temperature: {
            base: temperature,
            daily,
            drift: driftAmount,
            spike: between(4, 8),
            alarmAbove: round(temperature + daily + driftAmount + 1.5, 1),
          },
          humidity: { base: template.humidity + between(-4, 4), daily: daily * 2, drift: 4 },
          pressure: { base: template.pressure, offset: between(-0.5, 0.5) },
          battery: {
            periodCycles: between(2.5, 4),
            phase: random(),
            low: batteryLow,
            alarmBelow: 20,
          },
        },
        // Offset 977 is used by no profile seed, so the silences do not follow the curves.
        quiet: id === QUIET_DEVICE_ID ? quietSchedule(mix32(seed + 977)) : null,
      };
    }),
  );
}
