import { describe, expect, it } from 'vitest';
import { WIDGET_DEFAULTS } from '../../dashboard-model.ts';
import { SpecProblem } from '../spec-reader.ts';
import { BIG_NUMBER_DEFAULTS, readBigNumber } from './big-number-spec.ts';

describe('big number spec', () => {
  it('has a sparkline when made new', () => {
    expect(WIDGET_DEFAULTS['big-number']).toMatchObject({ sparkline: true });
  });

  it('reads a widget saved before sparklines as having none', () => {
    const { sparkline: _, ...before } = BIG_NUMBER_DEFAULTS;
    expect(readBigNumber(before).sparkline).toBe(false);
    expect(readBigNumber({ ...before, sparkline: true }).sparkline).toBe(true);
  });

  it('refuses a sparkline that is not true or false', () => {
    expect(() => readBigNumber({ ...BIG_NUMBER_DEFAULTS, sparkline: 'yes' })).toThrow(
      new SpecProblem('"sparkline" must be true or false'),
    );
  });
});
