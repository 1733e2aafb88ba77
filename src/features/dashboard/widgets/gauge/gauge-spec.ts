import { number, oneOf, optionalNumber, SpecProblem, text } from '../spec-reader.ts';
import type { Fields, Tone } from '../spec-reader.ts';

/** A dial between min and max; past `warn` it turns amber, past `alarm` red. */
export interface GaugeOptions {
  kind: 'gauge';
  min: number;
  max: number;
  unit: string;
  warn: number | null;
  alarm: number | null;
  /** Whether high values are the bad ones (a temperature) or low ones (a battery). */
  badWhen: 'above' | 'below';
}

export const GAUGE_DEFAULTS: GaugeOptions = {
  kind: 'gauge',
  min: 0,
  max: 100,
  unit: '',
  warn: null,
  alarm: null,
  badWhen: 'above',
};

export function readGauge(fields: Fields): GaugeOptions {
  const min = number(fields, 'min');
  const max = number(fields, 'max');
  if (!(min < max)) throw new SpecProblem('"min" must be less than "max"');
  return {
    kind: 'gauge',
    min,
    max,
    unit: text(fields, 'unit', { max: 20 }),
    warn: optionalNumber(fields, 'warn'),
    alarm: optionalNumber(fields, 'alarm'),
    badWhen: oneOf(fields, 'badWhen', ['above', 'below'] as const),
  };
}

/** The band a value falls in. */
export function gaugeTone(options: GaugeOptions, value: number): Tone {
  const past = (limit: number | null) =>
    limit !== null && (options.badWhen === 'above' ? value >= limit : value <= limit);
  if (past(options.alarm)) return 'alarm';
  if (past(options.warn)) return 'warn';
  return 'ok';
}
