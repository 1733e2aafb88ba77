import { createStoreContext } from '../../components/store-context.tsx';
import type { ConnectionHandle } from '../../services/mqtt/index.ts';
import type { PublishStore } from './publish-store.ts';

export interface PublishRuntime {
  store: PublishStore;
  handleFor(connectionId: string): ConnectionHandle;
}

export const PublishContext = createStoreContext<PublishRuntime>('PublishContext');
