import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsedJson, recordOf } from '../test-arbitraries.ts';
import { BUDGET_LIMITS, checkRecorderBudget, readRecorderBudget } from './recorder-budget.ts';

describe('the saved recorder budget, for any stored JSON', () => {
  it('reading never throws, and gives a budget the form accepts', () => {
    const FIELDS = Object.keys(BUDGET_LIMITS);
    const saved = fc.oneof(
      recordOf(FIELDS, { values: [1_000, 16 * 1024 * 1024, 1e300, -1, 0.5] }),
      parsedJson({ keys: FIELDS }),
    );
    fc.assert(
      fc.property(saved, (value) => {
        const budget = readRecorderBudget(value);
        expect(checkRecorderBudget(budget)).toEqual({ ok: true, budget });
        for (const field of FIELDS)
          expect(Number.isInteger(budget[field as keyof typeof budget])).toBe(true);
      }),
    );
  });
});
