import { createStoreContext } from '../../components/store-context.tsx';
import type { ConnectionHandle } from '../../services/mqtt/index.ts';
import type { ConnectionStream, MessageView } from './messages-store.ts';

/** How a connection is marked on each row: its name and colour. */
export interface ConnectionLabel {
  id: string;
  name: string;
  color: string;
}

export interface MessagesRuntime {
  view: MessageView;
  streamFor(connectionId: string): ConnectionStream | undefined;
  handleFor(connectionId: string): ConnectionHandle;
}

export const MessagesContext = createStoreContext<MessagesRuntime>('MessagesContext');
