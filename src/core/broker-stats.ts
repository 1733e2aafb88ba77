/**
 * What a broker says about itself under `$SYS/`: the figures worth a panel, recognised by topic
 * for Mosquitto (`$SYS/broker/...`), EMQX (`$SYS/brokers/<node>/stats|metrics/...`) and aedes
 * (`$SYS/<id>/...`). Each figure is a counter (a running total: its rate is shown) or a gauge
 * (a level: its value is shown).
 */

export type StatKind = 'gauge' | 'counter';

export interface StatDefinition {
  key: string;
  label: string;
  kind: StatKind;
  unit: '' | 'B' | 'msg' | 'msg/s' | 'B/s';
  /** Matches the `$SYS` topic (without the `$SYS/` prefix) that carries the figure. */
  pattern: RegExp;
}

/** The figures shown, in the panel's order. The first matching definition wins. */
export const BROKER_STATS: readonly StatDefinition[] = [
  {
    key: 'clients',
    label: 'Clients connected',
    kind: 'gauge',
    unit: '',
    pattern:
      /^(broker\/clients\/connected|brokers\/[^/]+\/stats\/connections\.count|[^/]+\/clients\/total)$/,
  },
  {
    key: 'subscriptions',
    label: 'Subscriptions',
    kind: 'gauge',
    unit: '',
    pattern: /^(broker\/subscriptions\/count|brokers\/[^/]+\/stats\/subscriptions\.count)$/,
  },
  {
    key: 'messagesIn',
    label: 'Messages received',
    kind: 'counter',
    unit: 'msg',
    pattern: /^(broker\/messages\/received|brokers\/[^/]+\/metrics\/messages\.received)$/,
  },
  {
    key: 'messagesOut',
    label: 'Messages sent',
    kind: 'counter',
    unit: 'msg',
    pattern: /^(broker\/messages\/sent|brokers\/[^/]+\/metrics\/messages\.sent)$/,
  },
  {
    key: 'bytesIn',
    label: 'Bytes received',
    kind: 'counter',
    unit: 'B',
    pattern: /^(broker\/bytes\/received|brokers\/[^/]+\/metrics\/bytes\.received)$/,
  },
  {
    key: 'bytesOut',
    label: 'Bytes sent',
    kind: 'counter',
    unit: 'B',
    pattern: /^(broker\/bytes\/sent|brokers\/[^/]+\/metrics\/bytes\.sent)$/,
  },
  {
    key: 'dropped',
    label: 'Messages dropped',
    kind: 'counter',
    unit: 'msg',
    pattern: /^(broker\/publish\/messages\/dropped|brokers\/[^/]+\/metrics\/messages\.dropped)$/,
  },
  {
    key: 'retained',
    label: 'Retained messages',
    kind: 'gauge',
    unit: '',
    pattern: /^(broker\/retained messages\/count|brokers\/[^/]+\/stats\/retained\.count)$/,
  },
];

/** The definition a `$SYS` topic carries, or null for one the panel does not show. */
export function statForTopic(topic: string): StatDefinition | null {
  if (!topic.startsWith('$SYS/')) return null;
  const rest = topic.slice(5);
  return BROKER_STATS.find((stat) => stat.pattern.test(rest)) ?? null;
}

/** A `$SYS` payload as a number: Mosquitto sends `123`, some brokers `123 seconds`. */
export function readStatValue(text: string): number | null {
  const match = /^\s*(-?\d+(?:\.\d+)?)/.exec(text);
  if (!match) return null;
  const value = Number(match[1]);
  return Number.isFinite(value) ? value : null;
}

/** Per-second rate between two samples of a counter; null when it went back (a restart). */
export function counterRate(
  previous: { time: number; value: number },
  next: { time: number; value: number },
): number | null {
  const seconds = (next.time - previous.time) / 1_000;
  if (seconds <= 0 || next.value < previous.value) return null;
  return (next.value - previous.value) / seconds;
}
