import { createStoreContext } from '../../components/store-context.tsx';
import type { ConnectionHandle, SearchHandle } from '../../services/mqtt/index.ts';
import type { ConnectionStream, MessageView } from './messages-store.ts';
import type { RecorderBudgetStore } from './recorder-budget-store.ts';

/** A message type of a loaded .proto schema. */
export interface ProtoTypeChoice {
  schemaId: string;
  messageType: string;
}

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
  search: SearchHandle;
  /** The recorder budget every connection shares. */
  budget: RecorderBudgetStore;
  /** The colour of the subscription that delivered a topic, to mark its rows. */
  subscriptionColor?: (connectionId: string, topic: string) => string | null;
  /**
   * The Protobuf message types of the .proto schemas loaded on a connection, offered by "show
   * as" in the detail; composed by the app from the decoders feature.
   */
  protoTypes?: (connectionId: string) => ProtoTypeChoice[];
  /** "Chart this field" in the message detail; composed by the app from the charts feature. */
  chartField?: (connectionId: string, topic: string, jsonPath: string) => void;
}

export const MessagesContext = createStoreContext<MessagesRuntime>('MessagesContext');
