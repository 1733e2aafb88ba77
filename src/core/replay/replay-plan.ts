/**
 * What a replay of a recording sends, and when: the recorded messages in time order, each topic
 * under an optional prefix, with its offset from the first message. Checked as a whole before
 * anything is sent, so a bad prefix or topic never leaves a replay half-sent.
 */
import type { RecordInput } from '../recorder/message-store.ts';
import { validateTopicName } from '../topic-filter.ts';

export interface ReplayMessage {
  topic: string;
  payload: Uint8Array;
  qos: 0 | 1 | 2;
  retain: boolean;
  /** Milliseconds after the recording's first message. */
  offsetMs: number;
}

export type ReplayPlan =
  { ok: true; messages: ReplayMessage[]; spanMs: number } | { ok: false; reason: string };

/** The speeds offered: recorded timing, ten times faster, or as fast as the broker takes them. */
export type ReplaySpeed = 1 | 10 | 'max';

export function planReplay(recorded: readonly RecordInput[], topicPrefix: string): ReplayPlan {
  if (/[+#]/.test(topicPrefix)) {
    return { ok: false, reason: 'The topic prefix cannot contain + or #: it is part of a topic.' };
  }
  if (recorded.length === 0) return { ok: false, reason: 'The recording holds no messages.' };
  // Stable: messages recorded in the same millisecond keep their order.
  const ordered = recorded
    .map((message, index) => ({ message, index }))
    .sort((a, b) => a.message.time - b.message.time || a.index - b.index);
  const start = ordered[0]?.message.time ?? 0;
  const messages: ReplayMessage[] = [];
  for (const { message } of ordered) {
    const topic = topicPrefix + message.topic;
    const check = validateTopicName(topic);
    if (!check.ok) return { ok: false, reason: `Topic "${topic}": ${check.reason}` };
    messages.push({
      topic,
      payload: message.payload,
      qos: message.qos,
      retain: message.retain,
      offsetMs: message.time - start,
    });
  }
  return { ok: true, messages, spanMs: messages.at(-1)?.offsetMs ?? 0 };
}

/** When message `offsetMs` is due, in ms after the replay started, at `speed`. */
export function dueAfterMs(offsetMs: number, speed: ReplaySpeed): number {
  return speed === 'max' ? 0 : offsetMs / speed;
}
