import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { KeyValueStorage } from '../../core/guarded-storage.ts';
import { DEFAULT_RECORDER_BUDGET } from '../../core/recorder/message-store.ts';
import { readRecorderBudget } from '../../core/recorder/recorder-budget.ts';
import type { RecorderBudget } from '../../services/mqtt/index.ts';

export type RecorderBudgetStore = StoreApi<{ budget: RecorderBudget }>;

/**
 * The recorder budget of every connection, saved across reloads (in `storage`, localStorage
 * unless given) and checked on load.
 */
export function createRecorderBudgetStore(storage?: KeyValueStorage): RecorderBudgetStore {
  return createStore<{ budget: RecorderBudget }>()(
    persist(() => ({ budget: { ...DEFAULT_RECORDER_BUDGET } }), {
      name: 'mqtt-scope:recorder-budget',
      storage: createJSONStorage(() => storage ?? localStorage),
      version: 1,
      merge: (saved, current) => ({
        ...current,
        budget: readRecorderBudget((saved as { budget?: unknown } | null)?.budget),
      }),
    }),
  );
}
