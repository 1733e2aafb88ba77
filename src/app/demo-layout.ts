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

/**
 * The dashboard a first visit shows when the embedded simulator runs (see server/simulator.ts):
 * charts, gauges, numbers, status tiles and a table, as an exported dashboard file.
 */
export const DEMO_DASHBOARD_URL = `${import.meta.env.BASE_URL}demo-dashboard.json`;
