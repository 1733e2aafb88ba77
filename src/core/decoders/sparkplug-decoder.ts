/**
 * Sparkplug B payloads (Sparkplug 3.0 §6.4): Protobuf of the Tahu schema. The value is the
 * payload's timestamp and seq with its metrics by name, so `metrics.Temperature.value` is a
 * chart series; metric aliases are resolved from the BIRTH seen earlier on the connection.
 * Loaded on demand, with protobufjs, as its own chunk of the worker.
 */
import protobuf from 'protobufjs/light.js';
import { assertParseable, previewScalar, previewValue, setKey } from './plain-value.ts';
import { readMessage } from './protobuf-wire.ts';
import { SparkplugAliases } from './sparkplug-aliases.ts';
import { SPARKPLUG_B_DESCRIPTOR } from './sparkplug-schema.ts';
import { parseSparkplugTopic } from './sparkplug-topic.ts';
import type { SparkplugTopic } from './sparkplug-topic.ts';
import { datatypeName, plainValue, setValueOf } from './sparkplug-values.ts';
import type { RawObject } from './sparkplug-values.ts';
import type { DecodeContext, FormatDecoder } from './types.ts';

const root = protobuf.Root.fromJSON(SPARKPLUG_B_DESCRIPTOR);
root.resolveAll();
const payloadType = root.lookupType('org.eclipse.tahu.protobuf.Payload');

/** A metric of the decoded value. */
export interface SparkplugMetric {
  value: unknown;
  datatype: string;
  alias?: number | string;
  timestamp?: number | string;
  isHistorical?: boolean;
  isTransient?: boolean;
  properties?: unknown;
  metadata?: unknown;
}

/** The decoded value of a Sparkplug B payload. */
export interface SparkplugValue {
  timestamp?: number | string;
  seq?: number | string;
  uuid?: string;
  body?: unknown;
  metrics: Record<string, SparkplugMetric>;
}

function aliasesOf(context: DecodeContext): SparkplugAliases {
  let aliases = context.memory.get('sparkplug') as SparkplugAliases | undefined;
  if (!aliases) {
    aliases = new SparkplugAliases();
    context.memory.set('sparkplug', aliases);
  }
  return aliases;
}

/** Whose aliases a message uses: the device's for device messages, the node's for node ones. */
function targetOf(topic: SparkplugTopic): string {
  const node = `${topic.group}/${topic.edgeNode}`;
  return topic.device === null ? node : `${node}/${topic.device}`;
}

function isBirth(topic: SparkplugTopic | null): boolean {
  return topic?.messageType === 'NBIRTH' || topic?.messageType === 'DBIRTH';
}

/** Builds the value from the raw payload, resolving aliases with what BIRTHs taught. */
function toValue(raw: RawObject, aliases: SparkplugAliases, target: string | null): SparkplugValue {
  const metrics: Record<string, SparkplugMetric> = {};
  ((raw.metrics as RawObject[] | undefined) ?? []).forEach((metric, index) => {
    const alias = metric.alias as number | string | undefined;
    const known =
      target !== null && alias !== undefined ? aliases.byAlias(target, alias) : undefined;
    const name =
      typeof metric.name === 'string'
        ? metric.name
        : (known?.name ?? (alias !== undefined ? `alias ${alias}` : `metric ${index + 1}`));
    const datatype =
      (metric.datatype as number | undefined) ??
      known?.datatype ??
      (target !== null ? aliases.datatypeOf(target, name) : undefined);
    const out: SparkplugMetric = {
      value: metric.isNull === true ? null : plainValue(setValueOf(metric), datatype, 0),
      datatype: datatypeName(datatype),
    };
    if (alias !== undefined) out.alias = alias;
    if (metric.timestamp !== undefined) out.timestamp = metric.timestamp as number | string;
    if (metric.isHistorical === true) out.isHistorical = true;
    if (metric.isTransient === true) out.isTransient = true;
    if (metric.properties !== undefined) out.properties = plainValue(metric.properties, 20, 0);
    if (metric.metadata !== undefined) out.metadata = plainValue(metric.metadata, undefined, 0);
    // A payload may carry one metric several times (historical values); the last one shows.
    setKey(metrics as Record<string, unknown>, name, out);
  });
  // The payload's header first, its metrics last: the order a tree shows them in.
  const header: Omit<SparkplugValue, 'metrics'> = {};
  if (raw.timestamp !== undefined) header.timestamp = raw.timestamp as number | string;
  if (raw.seq !== undefined) header.seq = raw.seq as number | string;
  if (typeof raw.uuid === 'string') header.uuid = raw.uuid;
  if (raw.body !== undefined) header.body = plainValue(raw.body, 17, 0);
  return { ...header, metrics };
}

/** `Temperature: 21.5, Humidity: 48 · seq 3`, cut at about `maxChars`. */
function preview(value: SparkplugValue, maxChars: number): { text: string; truncated: boolean } {
  let text = '';
  for (const [name, metric] of Object.entries(value.metrics)) {
    let shown: string;
    if (metric.value === null || typeof metric.value !== 'object') {
      shown = previewScalar(metric.value);
    } else {
      const nested = previewValue(metric.value, 80);
      shown = nested.truncated ? `${nested.text}…` : nested.text;
    }
    text += `${text ? ', ' : ''}${name}: ${shown}`;
    if (text.length > maxChars) return { text: text.slice(0, maxChars), truncated: true };
  }
  if (value.seq !== undefined) text += `${text ? ' · ' : ''}seq ${value.seq}`;
  if (text === '') text = '(no metrics)';
  return text.length > maxChars
    ? { text: text.slice(0, maxChars), truncated: true }
    : { text, truncated: false };
}

export const sparkplugDecoder: FormatDecoder = {
  id: 'sparkplug',
  decode({ topic, payload, live }, limits, context) {
    assertParseable(payload, limits.parseBytes);
    const raw = readMessage(payloadType, payload, { rawBytes: true });
    const parts = parseSparkplugTopic(topic);
    const target = parts ? targetOf(parts) : null;
    const aliases = aliasesOf(context);
    if (live && target !== null && isBirth(parts)) {
      aliases.learn(
        target,
        ((raw.metrics as RawObject[] | undefined) ?? []).map((metric) => ({
          name: metric.name as string | undefined,
          alias: metric.alias as number | string | undefined,
          datatype: metric.datatype as number | undefined,
        })),
      );
    }
    const value = toValue(raw, aliases, target);
    const { text, truncated } = preview(value, Math.max(0, limits.previewBytes));
    return { format: 'sparkplug', preview: text, size: payload.length, truncated, value };
  },
};
