import type { StoreApi } from 'zustand/vanilla';
import { createStoreContext } from '../../components/store-context.tsx';
import type { ConnectionHandle, ConnectionStatus } from '../../services/mqtt/index.ts';
import type { PublishStore } from './publish-store.ts';
import type { TemplatesStore } from './publish-templates.ts';

/** A connection's status, read-only: what the broker allows (MQTT version, packet size). */
export type StatusSource = Pick<
  StoreApi<{ status: ConnectionStatus }>,
  'getState' | 'getInitialState' | 'subscribe'
>;

export interface PublishRuntime {
  store: PublishStore;
  templates: TemplatesStore;
  handleFor(connectionId: string): ConnectionHandle;
  statusFor(connectionId: string): StatusSource;
  /** Subscribes the connection to `filter` (as the user would), unless it already is. */
  subscribeFor(connectionId: string, filter: string): void;
}

export const PublishContext = createStoreContext<PublishRuntime>('PublishContext');
