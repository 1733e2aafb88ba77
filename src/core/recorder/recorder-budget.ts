/**
 * The recorder budget a user may set, and its check on load: a saved budget of the wrong shape
 * or out of range falls back field by field to the default, never to something unusable.
 */
import { DEFAULT_RECORDER_BUDGET } from './message-store.ts';
import type { RecorderBudget } from './message-store.ts';

const MB = 1024 * 1024;

/** What the form allows: enough to be useful, little enough not to exhaust a tab. */
export const BUDGET_LIMITS: Record<keyof RecorderBudget, { min: number; max: number }> = {
  maxMessages: { min: 1_000, max: 10_000_000 },
  maxBytes: { min: 16 * MB, max: 2_048 * MB },
  maxPayloadBytes: { min: 1_024, max: 16 * MB },
};

export type BudgetCheck =
  { ok: true; budget: RecorderBudget } | { ok: false; field: keyof RecorderBudget; reason: string };

/** Checks a budget typed by the user; the reason names the allowed range. */
export function checkRecorderBudget(budget: RecorderBudget): BudgetCheck {
  for (const field of Object.keys(BUDGET_LIMITS) as (keyof RecorderBudget)[]) {
    const { min, max } = BUDGET_LIMITS[field];
    const value = budget[field];
    if (!Number.isFinite(value) || value < min || value > max) {
      return {
        ok: false,
        field,
        reason: `Use a number from ${describe(field, min)} to ${describe(field, max)}.`,
      };
    }
  }
  return { ok: true, budget: { ...budget } };
}

function describe(field: keyof RecorderBudget, value: number): string {
  if (field === 'maxMessages') return value.toLocaleString('en-US');
  return value >= MB ? `${value / MB} MB` : `${value / 1024} KB`;
}

/** Reads a saved budget; each field that is missing or out of range takes its default. */
export function readRecorderBudget(saved: unknown): RecorderBudget {
  const source =
    typeof saved === 'object' && saved !== null ? (saved as Record<string, unknown>) : {};
  const budget = { ...DEFAULT_RECORDER_BUDGET };
  for (const field of Object.keys(BUDGET_LIMITS) as (keyof RecorderBudget)[]) {
    const value = source[field];
    const { min, max } = BUDGET_LIMITS[field];
    if (typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max)
      budget[field] = Math.round(value);
  }
  return budget;
}
