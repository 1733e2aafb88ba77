import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { ConnectionEvent, ConnectionStatus, LogEntry } from '../../services/mqtt/index.ts';

/** Lines kept per connection: enough for a bug report, bounded for a screen left open for days. */
export const LOG_LENGTH = 500;

export interface ConnectionState {
  status: ConnectionStatus;
  log: LogEntry[];
  /** A reload found a profile that needs a password the page does not keep: ask, don't guess. */
  needsPassword: boolean;
}

export type ConnectionStore = StoreApi<ConnectionState>;

/** One connection's status and log, as the worker reports them; live only. */
export function createConnectionStore(): ConnectionStore {
  return createStore<ConnectionState>()(() => ({
    status: { status: 'idle' },
    log: [],
    needsPassword: false,
  }));
}

export function applyConnectionEvents(
  store: ConnectionStore,
  events: readonly ConnectionEvent[],
): void {
  let status: ConnectionStatus | null = null;
  const entries: LogEntry[] = [];
  for (const event of events) {
    if (event.type === 'status') status = event.status;
    else if (event.type === 'log') entries.push(event.entry);
  }
  if (!status && entries.length === 0) return;
  store.setState((state) => ({
    status: status ?? state.status,
    log: entries.length > 0 ? [...state.log, ...entries].slice(-LOG_LENGTH) : state.log,
  }));
}

/**
 * A URL refused before it reached the worker: the header names that URL, not the one before it.
 */
export function refuseUrl(store: ConnectionStore, url: string, reason: string): void {
  store.setState({ status: { status: 'error', url, reason, hint: null, inspectUrl: null } });
}

export function setNeedsPassword(store: ConnectionStore, needsPassword: boolean): void {
  store.setState({ needsPassword });
}

/** Whether the user has asked for this connection and it has not failed for good. */
export function isActive(status: ConnectionStatus): boolean {
  return (
    status.status === 'connecting' ||
    status.status === 'connected' ||
    status.status === 'reconnecting'
  );
}
