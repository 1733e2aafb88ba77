import { describe, expect, it } from 'vitest';
import { DASHBOARD_FILE_VERSION, exportDashboard, importDashboard } from './dashboard-file.ts';
import type { Dashboard } from './dashboard-model.ts';

const dashboard: Dashboard = {
  id: 'd1',
  name: 'Plant',
  widgets: [
    {
      id: 'w1',
      kind: 'gauge',
      title: 'Boiler',
      connectionId: 'c1',
      filter: 'plant/boiler/temp',
      jsonPath: '',
      width: 1,
      height: 1,
      min: 0,
      max: 120,
      unit: '°C',
      warn: 90,
      alarm: 105,
      badWhen: 'above',
    },
    {
      id: 'w2',
      kind: 'status',
      title: 'Line 1',
      connectionId: 'c1',
      filter: 'plant/line1/status',
      jsonPath: '',
      width: 2,
      height: 1,
      mappings: [{ match: 'online', label: 'Running', tone: 'ok' }],
    },
    {
      id: 'w3',
      kind: 'big-number',
      title: '',
      connectionId: 'c1',
      filter: 'plant/+/power',
      jsonPath: 'kw',
      width: 1,
      height: 1,
      unit: 'kW',
      decimals: 0,
      staleAfterSeconds: 60,
      sparkline: true,
    },
    {
      id: 'w4',
      kind: 'table',
      title: 'All',
      connectionId: 'c1',
      filter: 'plant/#',
      jsonPath: 'value',
      width: 4,
      height: 3,
      unit: '',
    },
    {
      id: 'w5',
      kind: 'chart',
      title: 'Climate',
      connectionId: 'c1',
      filter: 'plant/+/temp',
      jsonPath: '',
      width: 2,
      height: 2,
      unit: '',
      windowMs: 3_600_000,
      seriesName: 'Temperature',
      extraSeries: [{ filter: 'plant/hall/env', jsonPath: 'humidity', name: 'Humidity' }],
      topics: ['plant/a/temp', 'plant/hall/env#1'],
    },
  ],
};

const fileWith = (change: (file: Record<string, unknown>) => void) => {
  const file = JSON.parse(exportDashboard(dashboard)) as Record<string, unknown>;
  change(file);
  return JSON.stringify(file);
};

describe('dashboard files', () => {
  it('read back what was exported, widget for widget', () => {
    expect(importDashboard(exportDashboard(dashboard))).toEqual({ ok: true, dashboard });
  });

  it('refuse a file that is not JSON', () => {
    const result = importDashboard('name,value\nboiler,90');
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('not JSON') });
  });

  it('refuse JSON that is not ours, saying so', () => {
    const result = importDashboard(JSON.stringify({ connections: [] }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('not an MQTT Scope dashboard');
  });

  it('refuse a file from a newer version, naming both versions', () => {
    const result = importDashboard(fileWith((f) => (f.version = DASHBOARD_FILE_VERSION + 1)));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/newer MQTT Scope.*version 2.*version 1/);
  });

  it('name the widget and the field at fault', () => {
    const result = importDashboard(
      fileWith((f) => {
        const widgets = (f.dashboard as { widgets: Record<string, unknown>[] }).widgets;
        widgets[0]!.max = -5;
      }),
    );
    expect(result).toEqual({
      ok: false,
      reason: 'The dashboard file is damaged: widget 1 "Boiler": "min" must be less than "max".',
    });
  });

  it.each([
    ['an unknown kind', { kind: 'pie' }, '"kind" must be one of'],
    ['a bad filter', { filter: 'a/#/b' }, '"filter"'],
    ['a bad JSON path', { jsonPath: 'a[' }, '"jsonPath"'],
    ['a width off the grid', { width: 9 }, '"width" must be a whole number from 1 to 4'],
    ['a string for a number', { min: '0' }, '"min" must be a finite number'],
    ['a missing title', { title: undefined }, '"title" must be text'],
  ])('refuse %s', (_name, change, reason) => {
    const result = importDashboard(
      fileWith((f) => {
        const widgets = (f.dashboard as { widgets: Record<string, unknown>[] }).widgets;
        Object.assign(widgets[0]!, change);
      }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('refuse a chart whose extra series cannot be read, naming the series', () => {
    const result = importDashboard(
      fileWith((f) => {
        const widgets = (f.dashboard as { widgets: Record<string, unknown>[] }).widgets;
        widgets[4]!.extraSeries = [{ filter: 'plant/#/x', jsonPath: '', name: '' }];
      }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('widget 5 "Climate": series 2:');
  });

  it('refuse two widgets with one id', () => {
    const result = importDashboard(
      fileWith((f) => {
        const widgets = (f.dashboard as { widgets: Record<string, unknown>[] }).widgets;
        widgets[1]!.id = 'w1';
      }),
    );
    expect(result.ok).toBe(false);
  });
});
