import type { ChartSpec } from '../features/charts/charts-store.ts';
import type { WidgetTemplate } from '../features/dashboard/dashboard-model.ts';
import type { DecoderSettings } from '../core/decoder-settings.ts';

/** The simulator's Sparkplug B edge node publishes under this namespace. */
export const DEMO_SPARKPLUG_FILTER = 'spBv1.0/#';

/** The simulator's edge node (server/plant-profiles.ts), asked for its BIRTHs on a first visit. */
export const DEMO_SPARKPLUG_NODE = { group: 'plant1', edgeNode: 'line1-edge' };

/**
 * The simulator's energy meter sends CBOR over MQTT 3.1.1, which has no content type to say
 * so: a rule, saved with the demo profile, is the evidence.
 */
export const DEMO_DECODERS: DecoderSettings = {
  rules: [{ filter: 'demo/cbor/#', decoder: 'cbor' }],
  schemas: [],
};

/** The dashboard a first visit shows when the embedded simulator runs (see server/simulator.ts). */
export const DEMO_CHARTS: Omit<ChartSpec, 'id' | 'connectionId'>[] = [
  { title: 'Temperature', filter: 'demo/+/+/temperature', jsonPath: '', unit: '°C' },
  {
    title: 'Greenhouse humidity',
    filter: 'demo/greenhouse/+/telemetry',
    jsonPath: 'humidity',
    unit: '%',
  },
  {
    title: 'Warehouse pressure',
    filter: 'demo/warehouse/+/telemetry',
    jsonPath: 'pressure',
    unit: 'hPa',
  },
  { title: 'Battery', filter: 'demo/+/+/telemetry', jsonPath: 'battery', unit: '%' },
  // A Sparkplug B metric by name and a CBOR field by path are series like a JSON field.
  {
    title: 'Tank temperature (Sparkplug B)',
    filter: 'spBv1.0/plant1/DDATA/line1-edge/tank-01',
    jsonPath: 'metrics.Temperature.value',
    unit: '°C',
  },
  { title: 'Meter power (CBOR)', filter: 'demo/cbor/+/energy', jsonPath: 'power_W', unit: 'W' },
];

/** The demo dashboard's widgets, beside the charts: one of each kind, on the simulator's fleet. */
export const DEMO_WIDGETS: WidgetTemplate[] = [
  {
    kind: 'gauge',
    title: 'Greenhouse gh-01 temperature',
    filter: 'demo/greenhouse/gh-01/temperature',
    jsonPath: '',
    width: 1,
    height: 1,
    min: 0,
    max: 50,
    unit: '°C',
    warn: 30,
    alarm: 38,
    badWhen: 'above',
  },
  {
    kind: 'big-number',
    title: 'Warehouse wh-01 pressure',
    filter: 'demo/warehouse/wh-01/telemetry',
    jsonPath: 'pressure',
    width: 1,
    height: 1,
    unit: 'hPa',
    decimals: 1,
    staleAfterSeconds: 30,
  },
  {
    kind: 'status',
    title: 'Greenhouse gh-01',
    filter: 'demo/greenhouse/gh-01/status',
    jsonPath: '',
    width: 1,
    height: 1,
    mappings: [
      { match: 'online', label: 'Online', tone: 'ok' },
      { match: 'offline', label: 'Offline', tone: 'alarm' },
    ],
  },
  {
    kind: 'table',
    title: 'Battery by device',
    filter: 'demo/+/+/telemetry',
    jsonPath: 'battery',
    width: 1,
    height: 2,
    unit: '%',
  },
];
