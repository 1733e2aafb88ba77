import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { BrokerStat, ConnectionBatch } from '../../services/mqtt/index.ts';

export type BrokerStatsStore = StoreApi<{ byConnection: Readonly<Record<string, BrokerStat[]>> }>;

export function createBrokerStatsStore(): BrokerStatsStore {
  return createStore(() => ({ byConnection: {} as Readonly<Record<string, BrokerStat[]>> }));
}

/** Takes a connection's `$SYS` figures from a batch. */
export function applyBrokerStats(store: BrokerStatsStore, batch: ConnectionBatch): void {
  const stats = batch.brokerStats;
  if (!stats) return;
  store.setState(({ byConnection }) => ({
    byConnection: { ...byConnection, [batch.connectionId]: stats },
  }));
}
