import { describe, expect, it } from 'vitest';
import { DEFAULT_RECORDER_BUDGET } from './message-store.ts';
import { checkRecorderBudget, readRecorderBudget } from './recorder-budget.ts';

describe('recorder budget', () => {
  it('reads a saved budget, field by field, falling back to the default', () => {
    expect(
      readRecorderBudget({ maxMessages: 50_000, maxBytes: 'lots', maxPayloadBytes: -1 }),
    ).toEqual({
      ...DEFAULT_RECORDER_BUDGET,
      maxMessages: 50_000,
    });
    expect(readRecorderBudget(null)).toEqual(DEFAULT_RECORDER_BUDGET);
    expect(readRecorderBudget([1, 2])).toEqual(DEFAULT_RECORDER_BUDGET);
  });

  it('names the field and the allowed range of a value out of bounds', () => {
    const result = checkRecorderBudget({ ...DEFAULT_RECORDER_BUDGET, maxBytes: 1 });
    expect(result).toEqual({
      ok: false,
      field: 'maxBytes',
      reason: 'Use a number from 16 MB to 2048 MB.',
    });
    expect(checkRecorderBudget(DEFAULT_RECORDER_BUDGET).ok).toBe(true);
    expect(checkRecorderBudget({ ...DEFAULT_RECORDER_BUDGET, maxMessages: NaN }).ok).toBe(false);
  });
});
