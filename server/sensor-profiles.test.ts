import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CYCLE_MS,
  QUIET_DEVICE_ID,
  createFleet,
  detectAlarms,
  isQuiet,
  sampleDevice,
  toTelemetry,
} from './sensor-profiles.ts';
import type { Device, SensorReading } from './sensor-profiles.ts';

const START = Date.UTC(2025, 10, 26, 9, 0, 0);
/** Two simulated days sampled once a second, as the simulator does by default. */
const SECONDS = (2 * DEFAULT_CYCLE_MS) / 1000;

function series(device: Device): SensorReading[] {
  return Array.from({ length: SECONDS }, (_, i) => sampleDevice(device, START + i * 1000));
}

describe('createFleet', () => {
  it('has three sites with two to four devices each and stable ids', () => {
    const fleet = createFleet(1);
    const sites = new Map<string, string[]>();
    for (const device of fleet)
      sites.set(device.site, [...(sites.get(device.site) ?? []), device.id]);
    expect([...sites.keys()]).toEqual(['greenhouse', 'warehouse', 'office']);
    for (const ids of sites.values()) expect(ids.length).toBeGreaterThanOrEqual(2);
    for (const ids of sites.values()) expect(ids.length).toBeLessThanOrEqual(4);
    expect(sites.get('greenhouse')?.[0]).toBe('gh-01');
    expect(createFleet(2).map((d) => d.id)).toEqual(fleet.map((d) => d.id));
  });

  it('gives the same values for the same seed and different ones for another seed', () => {
    const sample = (seed: number) => createFleet(seed).map((d) => sampleDevice(d, START + 1234));
    expect(sample(5)).toEqual(sample(5));
    expect(sample(5)).not.toEqual(sample(6));
  });
});

describe('sampleDevice', () => {
  const fleet = createFleet(2025);

  it('stays within plausible ranges', () => {
    const readings = fleet.flatMap(series);
    const range = (key: keyof SensorReading) => {
      const values = readings.map((r) => r[key]);
      return [Math.min(...values), Math.max(...values)];
    };
    const within = (key: keyof SensorReading, low: number, high: number) => {
      const [min = NaN, max = NaN] = range(key);
      expect(min, `${key} min`).toBeGreaterThanOrEqual(low);
      expect(max, `${key} max`).toBeLessThanOrEqual(high);
    };
    within('temperature', -10, 45);
    within('humidity', 0, 100);
    within('pressure', 990, 1030);
    within('battery', 0, 100);
  });

  it('changes smoothly between consecutive one-second samples', () => {
    for (const device of fleet) {
      const readings = series(device);
      const steps = readings.slice(1).map((r, i) => {
        const prev = readings[i] as SensorReading;
        return {
          temperature: Math.abs(r.temperature - prev.temperature),
          humidity: Math.abs(r.humidity - prev.humidity),
          pressure: Math.abs(r.pressure - prev.pressure),
          battery: Math.abs(r.battery - prev.battery),
        };
      });
      const max = (key: keyof SensorReading) => Math.max(...steps.map((s) => s[key]));
      const typical = (key: keyof SensorReading) =>
        steps.map((s) => s[key]).sort((a, b) => a - b)[Math.floor(steps.length / 2)] ?? 0;
      // Spikes are the steepest part of any curve; even they rise over several seconds.
      expect(max('temperature')).toBeLessThan(1.5);
      expect(max('humidity')).toBeLessThan(3);
      expect(max('pressure')).toBeLessThan(0.3);
      expect(max('battery')).toBeLessThan(1);
      expect(typical('temperature')).toBeLessThan(0.15);
    }
  });

  it('moves visibly over a simulated day', () => {
    const temperatures = fleet.flatMap((d) => series(d).map((r) => r.temperature));
    const ranges = fleet.map((d) => {
      const values = series(d).map((r) => r.temperature);
      return Math.max(...values) - Math.min(...values);
    });
    expect(Math.min(...ranges)).toBeGreaterThan(2);
    expect(new Set(temperatures.map((t) => t.toFixed(2))).size).toBeGreaterThan(100);
  });
});

describe('toTelemetry', () => {
  it('rounds values as a sensor would report them', () => {
    const reading = { temperature: 21.4349, humidity: 48.2499, pressure: 1012.6123, battery: 86.7 };
    expect(toTelemetry(reading, 5)).toEqual({
      temperature: 21.43,
      humidity: 48.2,
      pressure: 1012.6,
      battery: 87,
      ts: 5,
    });
  });
});

describe('detectAlarms', () => {
  const [device] = createFleet(3) as [Device];
  const { alarmAbove } = device.profile.temperature;
  const at = (temperature: number, battery = 80): SensorReading => ({
    temperature,
    humidity: 50,
    pressure: 1013,
    battery,
  });

  it('fires once when the temperature crosses its threshold', () => {
    const events = detectAlarms(device, at(alarmAbove - 1), at(alarmAbove + 1), 9);
    expect(events).toEqual([
      expect.objectContaining({ kind: 'temperature-high', device: device.id, ts: 9 }),
    ]);
    expect(detectAlarms(device, at(alarmAbove + 1), at(alarmAbove + 2), 10)).toEqual([]);
  });

  it('fires when the battery drops below its threshold', () => {
    const events = detectAlarms(device, at(20, 20.2), at(20, 19.8), 11);
    expect(events.map((e) => e.kind)).toEqual(['battery-low']);
  });

  it('raises some temperature alarms across the fleet over two simulated days', () => {
    const fleet = createFleet(2025);
    const count = fleet
      .map(
        (d) =>
          series(d).reduce<[number, SensorReading | null]>(
            ([n, prev], r, i) => [n + (prev ? detectAlarms(d, prev, r, i).length : 0), r],
            [0, null],
          )[0],
      )
      .reduce((a, b) => a + b, 0);
    expect(count).toBeGreaterThan(0);
  });
});

describe('isQuiet', () => {
  /** The silent stretches of a device, sampled once a second: [start, end) in seconds. */
  function silences(device: Device, seconds: number): [number, number][] {
    const runs: [number, number][] = [];
    for (let s = 0; s < seconds; s += 1) {
      if (!isQuiet(device, START + s * 1000)) continue;
      const last = runs.at(-1);
      if (last && last[1] === s) last[1] = s + 1;
      else runs.push([s, s + 1]);
    }
    return runs;
  }

  it('silences exactly one device of every fleet, whatever the seed', () => {
    for (const seed of [1, 7, 2025]) {
      const quiet = createFleet(seed).filter((device) => device.quiet !== null);
      expect(quiet.map((device) => device.id)).toEqual([QUIET_DEVICE_ID]);
    }
    const loud = createFleet(7).filter((device) => device.id !== QUIET_DEVICE_ID);
    for (const device of loud) expect(silences(device, 600)).toEqual([]);
  });

  it('stops for 20 to 40 s every two minutes, publishing for at least 30 s in between', () => {
    const device = createFleet(7).find((d) => d.id === QUIET_DEVICE_ID) as Device;
    const runs = silences(device, 20 * 120);
    expect(runs.length).toBeGreaterThanOrEqual(19);
    for (const [start, end] of runs) {
      expect(end - start).toBeGreaterThanOrEqual(19);
      expect(end - start).toBeLessThanOrEqual(41);
    }
    for (let i = 1; i < runs.length; i += 1) {
      const [, previousEnd] = runs[i - 1] as [number, number];
      const [start] = runs[i] as [number, number];
      expect(start - previousEnd).toBeGreaterThanOrEqual(29);
    }
  });

  it('keeps the same schedule for the same seed and moves it for another', () => {
    const quietOf = (seed: number) =>
      silences(createFleet(seed).find((d) => d.id === QUIET_DEVICE_ID) as Device, 1_200);
    expect(quietOf(5)).toEqual(quietOf(5));
    expect(quietOf(5)).not.toEqual(quietOf(6));
  });
});
