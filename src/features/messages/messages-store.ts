import { createStore } from 'zustand/vanilla';
import { RingBuffer } from '../../core/ring-buffer.ts';
import { MESSAGE_HISTORY } from '../../services/mqtt/index.ts';
import type { MessageRow, SessionBatch, StreamCounters } from '../../services/mqtt/index.ts';

interface MessagesState {
  /** Bumped whenever `messageRows` changes: views select this, never the rows themselves. */
  version: number;
  counters: StreamCounters;
  paused: boolean;
  selectedSeq: number | null;
}

/** Lives outside the store so that appending never copies the whole list. */
export const messageRows = new RingBuffer<MessageRow>(MESSAGE_HISTORY);

/** Every topic seen so far, in order of first appearance; read on demand, never rendered live. */
const knownTopics: string[] = [];

export function listKnownTopics(): readonly string[] {
  return knownTopics;
}

export const messagesStore = createStore<MessagesState>()(() => ({
  version: 0,
  counters: { received: 0, bytes: 0, rate: 0 },
  paused: false,
  selectedSeq: null,
}));

/** Called once per frame with the worker's batch. */
export function applyMessageBatch(batch: SessionBatch): void {
  const state = messagesStore.getState();
  const changes: Partial<MessagesState> = { counters: batch.counters };
  if (batch.history) {
    messageRows.clear();
    for (const row of batch.history) messageRows.push(row);
    changes.version = state.version + 1;
  } else if (!state.paused && batch.rows.length > 0) {
    for (const row of batch.rows) messageRows.push(row);
    changes.version = state.version + 1;
  }
  for (const topic of batch.newTopics) knownTopics.push(topic);
  messagesStore.setState(changes);
}

export function setPaused(paused: boolean): void {
  messagesStore.setState({ paused });
}

export function clearMessages(): void {
  messageRows.clear();
  messagesStore.setState((state) => ({ version: state.version + 1, selectedSeq: null }));
}

export function selectMessage(seq: number | null): void {
  messagesStore.setState({ selectedSeq: seq });
}

export function findRow(seq: number): MessageRow | undefined {
  for (let i = messageRows.size - 1; i >= 0; i -= 1) {
    const row = messageRows.at(i);
    if (row?.seq === seq) return row;
  }
  return undefined;
}
