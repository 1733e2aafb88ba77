import { createStore } from 'zustand/vanilla';
import { persist } from 'zustand/middleware';
import type { QoS, SessionEvent } from '../../services/mqtt/index.ts';

export type DeliveryState =
  { state: 'sending' } | { state: 'delivered' } | { state: 'failed'; reason: string };

export interface PublishRecord {
  id: number;
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

interface PublishState {
  draft: PublishDraft;
  history: PublishRecord[];
}

const HISTORY_LENGTH = 8;

export const publishStore = createStore<PublishState>()(
  persist(
    (): PublishState => ({
      draft: { topic: 'demo/test', payload: '{"hello":"world"}', qos: 1, retain: false },
      history: [],
    }),
    { name: 'mqtt-scope:publish', partialize: ({ draft }) => ({ draft }) },
  ),
);

export function updateDraft(changes: Partial<PublishDraft>): void {
  publishStore.setState(({ draft }) => ({ draft: { ...draft, ...changes } }));
}

export function recordPublish(record: Omit<PublishRecord, 'delivery' | 'time'>): void {
  const entry: PublishRecord = { ...record, time: Date.now(), delivery: { state: 'sending' } };
  publishStore.setState(({ history }) => ({
    history: [entry, ...history].slice(0, HISTORY_LENGTH),
  }));
}

function setDelivery(id: number, delivery: DeliveryState): void {
  publishStore.setState(({ history }) => ({
    history: history.map((record) => (record.id === id ? { ...record, delivery } : record)),
  }));
}

export function applyPublishEvent(event: SessionEvent): void {
  if (event.type === 'published') setDelivery(event.id, { state: 'delivered' });
  else if (event.type === 'publish-failed')
    setDelivery(event.id, { state: 'failed', reason: event.reason });
}
