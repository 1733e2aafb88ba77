import { number, SpecProblem, text } from '../spec-reader.ts';
import type { Fields } from '../spec-reader.ts';

/** The last value in large type, with its unit, its trend and how long ago it came. */
export interface BigNumberOptions {
  kind: 'big-number';
  unit: string;
  decimals: number;
  /** Marked stale when nothing came for this long. */
  staleAfterSeconds: number;
}

export const BIG_NUMBER_DEFAULTS: BigNumberOptions = {
  kind: 'big-number',
  unit: '',
  decimals: 1,
  staleAfterSeconds: 30,
};

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
  };
}
