import { describe, expect, it } from 'vitest';
import { GAUGE_DEFAULTS, gaugeTone } from './gauge/gauge-spec.ts';
import { STATUS_DEFAULTS, statusOf } from './status/status-spec.ts';
import { ago, newest } from './widget-props.ts';

describe('widget readings', () => {
  it('a gauge turns amber at its warning and red at its alarm, high or low', () => {
    const hot = { ...GAUGE_DEFAULTS, warn: 30, alarm: 40 };
    expect([20, 30, 39, 40, 90].map((v) => gaugeTone(hot, v))).toEqual([
      'ok',
      'warn',
      'warn',
      'alarm',
      'alarm',
    ]);
    const battery = { ...GAUGE_DEFAULTS, warn: 20, alarm: 10, badWhen: 'below' as const };
    expect([80, 20, 11, 10, 0].map((v) => gaugeTone(battery, v))).toEqual([
      'ok',
      'warn',
      'warn',
      'alarm',
      'alarm',
    ]);
    expect(gaugeTone(GAUGE_DEFAULTS, 1e308)).toBe('ok');
  });

  it('a status tile maps words whatever their case and spaces, and shows others as sent', () => {
    expect(statusOf(STATUS_DEFAULTS, ' ONLINE\n')).toEqual({ label: 'Online', tone: 'ok' });
    expect(statusOf(STATUS_DEFAULTS, 'offline')).toEqual({ label: 'Offline', tone: 'alarm' });
    expect(statusOf(STATUS_DEFAULTS, 'rebooting')).toEqual({ label: 'rebooting', tone: 'neutral' });
  });

  it('reads the newest of several topics, and says how long ago', () => {
    const at = (topic: string, time: number) => ({
      topic,
      value: 1,
      text: '1',
      time,
      previous: null,
    });
    expect(newest([at('a', 5), at('b', 9), at('c', 7)])?.topic).toBe('b');
    expect(newest(undefined)).toBeUndefined();
    expect([0, 59_400, 61_000, 7_300_000].map((ms) => ago(10_000_000, 10_000_000 - ms))).toEqual([
      '0 s ago',
      '59 s ago',
      '1 min ago',
      '2 h ago',
    ]);
  });
});
