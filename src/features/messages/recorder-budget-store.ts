import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { persist } from 'zustand/middleware';
import { DEFAULT_RECORDER_BUDGET } from '../../core/recorder/message-store.ts';
import { readRecorderBudget } from '../../core/recorder/recorder-budget.ts';
import type { RecorderBudget } from '../../services/mqtt/index.ts';

export type RecorderBudgetStore = StoreApi<{ budget: RecorderBudget }>;

/** The recorder budget of every connection, saved across reloads and checked on load. */
export function createRecorderBudgetStore(): RecorderBudgetStore {
  return createStore<{ budget: RecorderBudget }>()(
    persist(() => ({ budget: { ...DEFAULT_RECORDER_BUDGET } }), {
      name: 'mqtt-scope:recorder-budget',
      version: 1,
      merge: (saved, current) => ({
        ...current,
        budget: readRecorderBudget((saved as { budget?: unknown } | null)?.budget),
      }),
    }),
  );
}
