import { number, SpecProblem, text } from '../spec-reader.ts';
import type { Fields } from '../spec-reader.ts';

/** The last value in large type, with its unit, its trend and how long ago it came. */
export interface BigNumberOptions {
  kind: 'big-number';
  unit: string;
  decimals: number;
  /** Marked stale when nothing came for this long. */
  staleAfterSeconds: number;
  /** A line of the last few minutes under the number. A widget saved without it has none. */
  sparkline: boolean;
}

export const BIG_NUMBER_DEFAULTS: BigNumberOptions = {
  kind: 'big-number',
  unit: '',
  decimals: 1,
  staleAfterSeconds: 30,
  sparkline: true,
};

/** The sparkline's history: five minutes, a point every five seconds at most. */
export const SPARKLINE_VIEW = { windowMs: 5 * 60_000, points: 60 };

/** The id of a big number's sparkline series in the worker, beside its own watch. */
export const sparklineId = (widgetId: string) => `${widgetId}:spark`;

function sparklineFlag(fields: Fields): boolean {
  const { sparkline } = fields;
  // Saved before the option existed: shown as it was, without a line.
  if (sparkline === undefined) return false;
  if (typeof sparkline !== 'boolean') throw new SpecProblem('"sparkline" must be true or false');
  return sparkline;
}

export function readBigNumber(fields: Fields): BigNumberOptions {
  const decimals = number(fields, 'decimals');
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6)
    throw new SpecProblem('"decimals" must be a whole number from 0 to 6');
  const staleAfterSeconds = number(fields, 'staleAfterSeconds');
  if (staleAfterSeconds <= 0) throw new SpecProblem('"staleAfterSeconds" must be above 0');
  return {
    kind: 'big-number',
    unit: text(fields, 'unit', { max: 20 }),
    decimals,
    staleAfterSeconds,
    sparkline: sparklineFlag(fields),
  };
}
