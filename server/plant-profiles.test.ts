import { describe, expect, it } from 'vitest';
import { createSparkplugNode, sampleEnergyMeter, sampleSparkplugDevice } from './plant-profiles.ts';

const START = Date.UTC(2025, 10, 26, 9, 0, 0);

describe('createSparkplugNode', () => {
  it('has a pump and a tank whose aliases are unique across the node (Sparkplug 3.0 §6.4.8)', () => {
    const node = createSparkplugNode(1);
    expect(node.devices.map((d) => d.id)).toEqual(['pump-01', 'tank-01']);
    const aliases = [...node.metrics, ...node.devices.flatMap((d) => d.metrics)].map(
      (m) => m.alias,
    );
    expect(new Set(aliases).size).toBe(aliases.length);
    expect(aliases).not.toContain(2); // Node Control/Rebirth's
  });
});

describe('sampleSparkplugDevice', () => {
  it('gives every metric a value of its datatype, the same for the same seed and time', () => {
    for (const device of createSparkplugNode(3).devices) {
      const values = sampleSparkplugDevice(device, START);
      for (const metric of device.metrics) {
        const value = values[metric.name];
        if (metric.type === 'Boolean') expect(typeof value).toBe('boolean');
        else expect(Number.isFinite(value)).toBe(true);
        if (metric.type === 'Int32') expect(Number.isInteger(value)).toBe(true);
      }
      expect(sampleSparkplugDevice(device, START)).toEqual(values);
    }
  });

  it('stops the pump for part of each cycle and keeps the tank level within 0-100 %', () => {
    const [pump, tank] = createSparkplugNode(1).devices;
    if (!pump || !tank) throw new Error('the node has two devices');
    const times = Array.from({ length: 180 }, (_, i) => START + i * 1000);
    const running = times.map((t) => sampleSparkplugDevice(pump, t).Running);
    expect(running).toContain(true);
    expect(running).toContain(false);
    for (const t of times) {
      const level = sampleSparkplugDevice(tank, t).Level as number;
      expect(level).toBeGreaterThanOrEqual(0);
      expect(level).toBeLessThanOrEqual(100);
    }
  });
});

describe('sampleEnergyMeter', () => {
  it('reads plausible mains values, with energy counting up through the day', () => {
    const early = sampleEnergyMeter(7, START);
    const later = sampleEnergyMeter(7, START + 60_000);
    expect(early.voltage_V).toBeGreaterThan(220);
    expect(early.voltage_V).toBeLessThan(240);
    expect(early.current_A).toHaveLength(3);
    expect(later.energy_kWh).toBeGreaterThan(early.energy_kWh);
    expect(sampleEnergyMeter(7, START)).toEqual(early);
  });
});
