/**
 * The NCMD a Sparkplug B host sends to ask an edge node for its BIRTHs again (Sparkplug 3.0
 * §6.4.3, "Node Control/Rebirth"): after it the node republishes NBIRTH and every DBIRTH, which
 * name the metrics that DATA messages send by alias only. Encoded by hand (it is a few bytes),
 * so the page needs no Protobuf library to send it.
 */
import { SPARKPLUG_B_PREFIX } from './decoders/sparkplug-topic.ts';

const REBIRTH_METRIC = 'Node Control/Rebirth';
/** Sparkplug's Boolean datatype (§6.4.16). */
const BOOLEAN = 11;

function varint(out: number[], value: number): void {
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
}

/** The topic of an edge node's commands. */
export function rebirthTopic(group: string, edgeNode: string): string {
  return `${SPARKPLUG_B_PREFIX}${group}/NCMD/${edgeNode}`;
}

/** The NCMD payload: a timestamp and the one metric `Node Control/Rebirth` = true. */
export function rebirthPayload(time: number): Uint8Array {
  const name = new TextEncoder().encode(REBIRTH_METRIC);
  const metric: number[] = [0x0a]; // 1: name, length-delimited
  varint(metric, name.length);
  metric.push(...name);
  metric.push(0x20, BOOLEAN); // 4: datatype, varint
  metric.push(0x70, 1); // 14: boolean_value, varint
  const payload: number[] = [0x08]; // 1: timestamp, varint
  varint(payload, time);
  payload.push(0x12); // 2: metrics, length-delimited
  varint(payload, metric.length);
  payload.push(...metric);
  return Uint8Array.from(payload);
}
