import { formatJsonPath } from '../../core/json-path-format.ts';
import { extractNumber, parseJsonContainer } from '../../core/json-path.ts';
import type { JsonPath } from '../../core/json-path.ts';

/** At most this many fields are offered for one topic. */
export const MAX_CHART_FIELDS = 12;
const MAX_DEPTH = 4;

/**
 * What a topic's last value offers a chart (issue 15 §1: start a chart from the topic tree): the
 * payload itself when it is a number (`21.4`, `ON`), else the number fields of a JSON payload as
 * paths the chart form reads (`readings[0].value`), else nothing. `lastValue` is the tree's head
 * of the payload (120 characters): a longer JSON payload offers the fields complete in its head.
 */
export function chartChoices(lastValue: string): { payload: true } | { fields: string[] } | null {
  if (extractNumber(lastValue, []) !== null) return { payload: true };
  const parsed = parseJsonContainer(lastValue) ?? parseJsonContainer(closeCutJson(lastValue));
  if (parsed === undefined) return null;
  const fields: string[] = [];
  const walk = (value: unknown, path: JsonPath) => {
    if (fields.length >= MAX_CHART_FIELDS) return;
    if (typeof value === 'number') {
      if (Number.isFinite(value)) fields.push(formatJsonPath(path));
      return;
    }
    if (value === null || typeof value !== 'object' || path.length >= MAX_DEPTH) return;
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
    else for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
  };
  walk(parsed, []);
  return fields.length > 0 ? { fields } : null;
}

/**
 * A JSON head cut off mid-way, made whole: cut after its last complete value (at the last comma
 * outside a string) and closed with the brackets still open there. `{"t":21.4,"rh":4` gives
 * `{"t":21.4}`: the value being cut (`4` of `40`?) is never offered. Empty when nothing is left.
 */
export function closeCutJson(head: string): string {
  const open: string[] = [];
  let inString = false;
  let cutAt = -1;
  let openAtCut = '';
  for (let i = 0; i < head.length; i += 1) {
    const c = head[i];
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') open.push(c === '{' ? '}' : ']');
    else if (c === '}' || c === ']') open.pop();
    else if (c === ',' && open.length > 0) {
      cutAt = i;
      openAtCut = [...open].reverse().join('');
    }
  }
  return cutAt < 0 ? '' : head.slice(0, cutAt) + openAtCut;
}
