import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { DecoderSettings } from '../../core/decoder-settings.ts';
import type { ProtoType } from '../../core/decoders/index.ts';
import type { ConnectionEvent, DecoderStatus } from '../../services/mqtt/index.ts';

/** What each connection's worker said about its decoder settings (the `decoders` event). */
export interface DecoderStatusState {
  byConnection: Record<string, DecoderStatus>;
}

export type DecoderStatusStore = StoreApi<DecoderStatusState>;

export function createDecoderStatusStore(): DecoderStatusStore {
  return createStore<DecoderStatusState>(() => ({ byConnection: {} }));
}

/** Keeps the newest `decoders` event of a connection. */
export function applyDecoderEvent(
  store: DecoderStatusStore,
  connectionId: string,
  event: ConnectionEvent,
): void {
  if (event.type !== 'decoders') return;
  store.setState(({ byConnection }) => ({
    byConnection: { ...byConnection, [connectionId]: event.status },
  }));
}

/** The message types of the schemas that compiled, for a select of decoders. */
export function protoTypesOf(status: DecoderStatus | undefined): ProtoType[] {
  const types: ProtoType[] = [];
  for (const { schemaId, state } of status?.schemas ?? []) {
    if (state.state !== 'ready') continue;
    for (const messageType of state.messageTypes) types.push({ schemaId, messageType });
  }
  return types;
}

/** A connection whose decoder settings are saved with it (a profile, seen structurally). */
export interface DecoderSettingsOwner {
  id: string;
  decoders: DecoderSettings;
}

/** What the worker has been told, per connection: the schema texts by id, and the rules. */
interface Sent {
  schemas: Map<string, string>;
  rules: DecoderSettings['rules'] | null;
}

/** The part of a worker connection's handle the sync uses. */
export interface DecoderHandle {
  setDecoderRules(rules: DecoderSettings['rules']): void;
  registerProtoSchema(schemaId: string, text: string): void;
  removeProtoSchema(schemaId: string): void;
}

/**
 * Tells each connection's worker the decoder settings saved with its profile: now, and again
 * whenever they change. Only what changed is sent: a schema is parsed again only when its
 * text changed; schemas go before the rules that name them. (The worker's command journal
 * tells a replaced worker the same.)
 */
export function syncDecodersWithWorker(
  owners: {
    getState(): { profiles: readonly DecoderSettingsOwner[] };
    subscribe(
      listener: (
        state: { profiles: readonly DecoderSettingsOwner[] },
        previous: { profiles: readonly DecoderSettingsOwner[] },
      ) => void,
    ): () => void;
  },
  handleFor: (connectionId: string) => DecoderHandle,
): () => void {
  const sent = new Map<string, Sent>();
  const sync = (profiles: readonly DecoderSettingsOwner[]) => {
    for (const { id, decoders } of profiles) {
      let before = sent.get(id);
      if (!before) {
        before = { schemas: new Map(), rules: null };
        sent.set(id, before);
      }
      const handle = handleFor(id);
      const wanted = new Map(decoders.schemas.map((s) => [s.schemaId, s.text]));
      for (const schemaId of before.schemas.keys()) {
        if (!wanted.has(schemaId)) handle.removeProtoSchema(schemaId);
      }
      for (const [schemaId, text] of wanted) {
        if (before.schemas.get(schemaId) !== text) handle.registerProtoSchema(schemaId, text);
      }
      before.schemas = wanted;
      // A connection with no rules, never told any, needs no command.
      if (before.rules !== decoders.rules && (before.rules !== null || decoders.rules.length > 0)) {
        handle.setDecoderRules(decoders.rules.map((rule) => ({ ...rule })));
      }
      before.rules = decoders.rules;
    }
    for (const id of sent.keys()) {
      if (!profiles.some((profile) => profile.id === id)) sent.delete(id);
    }
  };
  sync(owners.getState().profiles);
  return owners.subscribe((state, previous) => {
    if (state.profiles !== previous.profiles) sync(state.profiles);
  });
}
