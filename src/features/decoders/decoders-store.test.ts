import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import {
  emptyDecoderSettings,
  withFilterDecoder,
  withSchema,
} from '../../core/decoder-settings.ts';
import type { DecoderSettingsOwner } from './decoders-store.ts';
import {
  applyDecoderEvent,
  createDecoderStatusStore,
  protoTypesOf,
  syncDecodersWithWorker,
} from './decoders-store.ts';

function recorder() {
  const calls: string[] = [];
  const handleFor = (id: string) => ({
    setDecoderRules: (rules: { filter: string; decoder: string }[]) =>
      calls.push(`${id} rules ${rules.map((r) => `${r.filter}=${r.decoder}`).join(',')}`),
    registerProtoSchema: (schemaId: string) => calls.push(`${id} register ${schemaId}`),
    removeProtoSchema: (schemaId: string) => calls.push(`${id} remove ${schemaId}`),
  });
  return { calls, handleFor };
}

describe('syncDecodersWithWorker', () => {
  it('sends the saved settings at once, then only what changed', () => {
    const cbor = withFilterDecoder(emptyDecoderSettings(), 'demo/cbor/#', { decoder: 'cbor' });
    const store = createStore<{ profiles: DecoderSettingsOwner[] }>(() => ({
      profiles: [
        { id: 'a', decoders: cbor },
        { id: 'b', decoders: emptyDecoderSettings() },
      ],
    }));
    const { calls, handleFor } = recorder();
    syncDecodersWithWorker(store, handleFor);
    expect(calls).toEqual(['a rules demo/cbor/#=cbor']);

    calls.length = 0;
    const withProto = withSchema(cbor, { schemaId: 'm.proto', text: 'syntax = "proto3";' });
    store.setState({ profiles: [{ id: 'a', decoders: withProto }, store.getState().profiles[1]!] });
    expect(calls).toEqual(['a register m.proto']);

    calls.length = 0;
    store.setState({
      profiles: [{ id: 'a', decoders: { ...withProto, schemas: [], rules: [] } }],
    });
    expect(calls).toEqual(['a remove m.proto', 'a rules ']);
  });
});

describe('decoder status', () => {
  it('keeps the newest status per connection and lists the ready message types', () => {
    const store = createDecoderStatusStore();
    applyDecoderEvent(store, 'a', {
      type: 'decoders',
      status: {
        schemas: [
          { schemaId: 'm.proto', state: { state: 'ready', messageTypes: ['a.B', 'a.C'] } },
          { schemaId: 'bad.proto', state: { state: 'failed', reason: 'illegal token' } },
        ],
        ruleProblems: [],
      },
    });
    expect(protoTypesOf(store.getState().byConnection['a'])).toEqual([
      { schemaId: 'm.proto', messageType: 'a.B' },
      { schemaId: 'm.proto', messageType: 'a.C' },
    ]);
    expect(protoTypesOf(undefined)).toEqual([]);
  });
});
