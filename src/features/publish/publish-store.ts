import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { KeyValueStorage } from '../../core/guarded-storage.ts';
import type { ConnectionEvent, QoS } from '../../services/mqtt/index.ts';

export type DeliveryState =
  | { state: 'sending' }
  /** Held while the connection is down; sent after the reconnect. */
  | { state: 'queued' }
  | { state: 'delivered' }
  | { state: 'failed'; reason: string };

export interface PublishRecord {
  id: number;
  connectionId: string;
  topic: string;
  qos: QoS;
  retain: boolean;
  time: number;
  delivery: DeliveryState;
}

export interface PublishDraft {
  topic: string;
  payload: string;
  qos: QoS;
  retain: boolean;
}

export interface PublishState {
  draft: PublishDraft;
  history: PublishRecord[];
}

export type PublishStore = StoreApi<PublishState>;

const HISTORY_LENGTH = 8;
const DEFAULT_DRAFT: PublishDraft = {
  topic: 'demo/test',
  payload: '{"hello":"world"}',
  qos: 1,
  retain: false,
};

function readDraft(saved: unknown): PublishDraft {
  const draft = (saved as { draft?: Partial<PublishDraft> } | null)?.draft;
  if (!draft || typeof draft !== 'object') return DEFAULT_DRAFT;
  return {
    topic: typeof draft.topic === 'string' ? draft.topic : DEFAULT_DRAFT.topic,
    payload: typeof draft.payload === 'string' ? draft.payload : DEFAULT_DRAFT.payload,
    qos: draft.qos === 0 || draft.qos === 1 || draft.qos === 2 ? draft.qos : DEFAULT_DRAFT.qos,
    retain: typeof draft.retain === 'boolean' ? draft.retain : false,
  };
}

/**
 * The draft (saved in `storage`, localStorage unless given) and the fate of the last messages
 * sent (live only).
 */
export function createPublishStore(storage?: KeyValueStorage): PublishStore {
  return createStore<PublishState>()(
    persist(() => ({ draft: DEFAULT_DRAFT, history: [] as PublishRecord[] }), {
      name: 'mqtt-scope:publish',
      storage: createJSONStorage(() => storage ?? localStorage),
      version: 1,
      // Version 0 had the same shape; merge checks every field either way.
      migrate: (saved) => saved as never,
      partialize: ({ draft }) => ({ draft }),
      merge: (saved, current) => ({ ...current, draft: readDraft(saved) }),
    }),
  );
}

export function updateDraft(store: PublishStore, changes: Partial<PublishDraft>): void {
  store.setState(({ draft }) => ({ draft: { ...draft, ...changes } }));
}

export function recordPublish(
  store: PublishStore,
  record: Omit<PublishRecord, 'delivery' | 'time'>,
): void {
  const entry: PublishRecord = { ...record, time: Date.now(), delivery: { state: 'sending' } };
  store.setState(({ history }) => ({ history: [entry, ...history].slice(0, HISTORY_LENGTH) }));
}

function setDelivery(store: PublishStore, id: number, delivery: DeliveryState): void {
  store.setState(({ history }) => ({
    history: history.map((record) => (record.id === id ? { ...record, delivery } : record)),
  }));
}

export function applyPublishEvent(store: PublishStore, event: ConnectionEvent): void {
  if (event.type === 'published') setDelivery(store, event.id, { state: 'delivered' });
  else if (event.type === 'publish-queued') setDelivery(store, event.id, { state: 'queued' });
  else if (event.type === 'publish-failed')
    setDelivery(store, event.id, { state: 'failed', reason: event.reason });
}
