import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { KeyValueStorage } from '../../core/guarded-storage.ts';
import { PAYLOAD_MODES } from '../../core/publish-payload.ts';
import type { PayloadMode } from '../../core/publish-payload.ts';
import { EMPTY_PROPERTIES, readPropertiesDraft } from '../../core/publish-properties.ts';
import type { PropertiesDraft } from '../../core/publish-properties.ts';
import type {
  ConnectionEvent,
  PublishProperties,
  PublishReply,
  QoS,
} from '../../services/mqtt/index.ts';

/** What became of one sent message, as the broker's answers tell it. */
export type DeliveryState =
  | { state: 'sending' }
  /** Held while the connection is down; sent after the reconnect. */
  | { state: 'queued' }
  /** QoS 0: written to the connection; there is no acknowledgement. */
  | { state: 'sent' }
  /** QoS 1: PUBACK came. */
  | { state: 'acknowledged' }
  /** QoS 2: PUBREC came; PUBCOMP is to come. */
  | { state: 'received' }
  /** QoS 2: PUBCOMP came. */
  | { state: 'completed' }
  | { state: 'failed'; reason: string };

/** How the form reads its payload: one of the text modes, or a file's bytes. */
export type DraftMode = PayloadMode | 'file';
export const DRAFT_MODES: readonly DraftMode[] = [...PAYLOAD_MODES, 'file'];

/** A file chosen as the payload: kept in memory only, never saved. */
export interface AttachedFile {
  name: string;
  bytes: Uint8Array;
}

/** What was sent, kept so it can be sent again or loaded back into the form. */
export interface SentPayload {
  mode: DraftMode;
  /** The payload field as it was (empty for a file). */
  text: string;
  file: AttachedFile | null;
  bytes: Uint8Array;
}

export interface PublishRecord {
  id: number;
  connectionId: string;
  topic: string;
  qos: QoS;
  retain: boolean;
  time: number;
  delivery: DeliveryState;
  payload: SentPayload;
  /** MQTT 5 properties as sent (none on 3.1.1), and as the form held them, to edit. */
  properties?: PublishProperties;
  propertiesDraft?: PropertiesDraft;
  /** Request/response: 'waiting' until the reply with the same correlation data comes. */
  reply?: { state: 'waiting' } | ({ state: 'received' } & PublishReply);
}

export interface PublishDraft {
  topic: string;
  payload: string;
  mode: DraftMode;
  qos: QoS;
  retain: boolean;
  /** MQTT 5 only: sent on a v5 connection, kept but not sent on 3.1.1. */
  properties: PropertiesDraft;
}

/** A repeat publisher, as its last progress event told. */
export interface RepeatStatus {
  repeatId: number;
  connectionId: string;
  state: 'starting' | 'running' | 'done' | 'stopped' | 'failed';
  sent: number;
  total: number | null;
  rate: number;
  reason?: string;
}

export interface PublishState {
  /** Newest first; one per connection is current. */
  repeats: RepeatStatus[];
  draft: PublishDraft;
  /** The file the form would send in file mode. */
  file: AttachedFile | null;
  /** Newest first, every connection's; a view shows one connection's. */
  history: PublishRecord[];
}

export type PublishStore = StoreApi<PublishState>;

/** Sent messages kept in memory, across connections. */
export const HISTORY_LENGTH = 50;
const DEFAULT_DRAFT: PublishDraft = {
  topic: 'demo/test',
  payload: '{"hello":"world"}',
  mode: 'text',
  qos: 1,
  retain: false,
  properties: EMPTY_PROPERTIES,
};

function readDraft(saved: unknown): PublishDraft {
  const draft = (saved as { draft?: Partial<PublishDraft> } | null)?.draft;
  if (!draft || typeof draft !== 'object') return DEFAULT_DRAFT;
  // A file is never saved, so a saved draft in file mode comes back as text.
  const mode = DRAFT_MODES.find((m) => m === draft.mode && m !== 'file') ?? 'text';
  return {
    topic: typeof draft.topic === 'string' ? draft.topic : DEFAULT_DRAFT.topic,
    payload: typeof draft.payload === 'string' ? draft.payload : DEFAULT_DRAFT.payload,
    mode,
    qos: draft.qos === 0 || draft.qos === 1 || draft.qos === 2 ? draft.qos : DEFAULT_DRAFT.qos,
    retain: typeof draft.retain === 'boolean' ? draft.retain : false,
    properties: readPropertiesDraft(draft.properties),
  };
}

/**
 * The draft (saved in `storage`, localStorage unless given) and the fate of the last messages
 * sent (live only).
 */
export function createPublishStore(storage?: KeyValueStorage): PublishStore {
  return createStore<PublishState>()(
    persist((): PublishState => ({ draft: DEFAULT_DRAFT, file: null, history: [], repeats: [] }), {
      name: 'mqtt-scope:publish',
      storage: createJSONStorage(() => storage ?? localStorage),
      version: 2,
      // Version 1 had no mode (text); merge checks every field either way.
      migrate: (saved) => saved as never,
      partialize: ({ draft }) => ({ draft }),
      merge: (saved, current) => ({ ...current, draft: readDraft(saved) }),
    }),
  );
}

export function updateDraft(store: PublishStore, changes: Partial<PublishDraft>): void {
  store.setState(({ draft }) => ({ draft: { ...draft, ...changes } }));
}

export function updateProperties(store: PublishStore, changes: Partial<PropertiesDraft>): void {
  store.setState(({ draft }) => ({
    draft: { ...draft, properties: { ...draft.properties, ...changes } },
  }));
}

export function attachFile(store: PublishStore, file: AttachedFile | null): void {
  store.setState({ file });
}

export function recordPublish(
  store: PublishStore,
  record: Omit<PublishRecord, 'delivery' | 'time'>,
): void {
  const entry: PublishRecord = { ...record, time: Date.now(), delivery: { state: 'sending' } };
  store.setState(({ history }) => ({ history: [entry, ...history].slice(0, HISTORY_LENGTH) }));
}

/** Puts a sent message back in the form, to edit and send again. */
export function loadIntoDraft(store: PublishStore, record: PublishRecord): void {
  const { topic, qos, retain, payload, propertiesDraft } = record;
  store.setState(({ file, draft }) => ({
    draft: {
      topic,
      qos,
      retain,
      mode: payload.mode,
      payload: payload.text,
      properties: propertiesDraft ?? draft.properties,
    },
    file: payload.mode === 'file' ? payload.file : file,
  }));
}

function setDelivery(store: PublishStore, id: number, delivery: DeliveryState): void {
  store.setState(({ history }) => ({
    history: history.map((record) => (record.id === id ? { ...record, delivery } : record)),
  }));
}

function doneState(qos: QoS): DeliveryState {
  if (qos === 0) return { state: 'sent' };
  return qos === 1 ? { state: 'acknowledged' } : { state: 'completed' };
}

export function applyPublishEvent(store: PublishStore, event: ConnectionEvent): void {
  if (event.type === 'published') setDelivery(store, event.id, doneState(event.qos));
  else if (event.type === 'publish-received') setDelivery(store, event.id, { state: 'received' });
  else if (event.type === 'publish-queued') setDelivery(store, event.id, { state: 'queued' });
  else if (event.type === 'repeat') {
    const { repeatId, state, sent, total, rate, reason } = event;
    store.setState(({ repeats }) => ({
      repeats: repeats.map((repeat) =>
        repeat.repeatId === repeatId
          ? { ...repeat, state, sent, total, rate, ...(reason ? { reason } : {}) }
          : repeat,
      ),
    }));
  } else if (event.type === 'publish-reply') {
    const { reply } = event;
    store.setState(({ history }) => ({
      history: history.map((record) =>
        record.id === reply.id ? { ...record, reply: { state: 'received', ...reply } } : record,
      ),
    }));
  } else if (event.type === 'publish-failed')
    setDelivery(store, event.id, { state: 'failed', reason: event.reason });
}

/**
 * The worker was replaced (it crashed or hung): repeats and replays do not come back with it,
 * so one that was running is shown stopped, with the reason, not "Running" for ever.
 */
export function stopRunningRepeats(store: PublishStore, reason: string): void {
  store.setState(({ repeats }) => ({
    repeats: repeats.map((repeat) =>
      repeat.state === 'starting' || repeat.state === 'running'
        ? { ...repeat, state: 'stopped', reason }
        : repeat,
    ),
  }));
}

/** A repeat just asked of the worker; it replaces the connection's previous one. */
export function startedRepeat(
  store: PublishStore,
  repeatId: number,
  connectionId: string,
  total: number | null,
): void {
  const repeat: RepeatStatus = {
    repeatId,
    connectionId,
    state: 'starting',
    sent: 0,
    total,
    rate: 0,
  };
  store.setState(({ repeats }) => ({
    repeats: [repeat, ...repeats.filter((r) => r.connectionId !== connectionId)],
  }));
}
