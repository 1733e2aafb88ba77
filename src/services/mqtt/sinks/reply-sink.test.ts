import { describe, expect, it } from 'vitest';
import { createDecoderRegistry } from '../../../core/decoders/index.ts';
import { IngestedMessage } from '../engine/ingested-message.ts';
import { bytes } from '../engine/test-support.ts';
import { emptyConnectionBatch } from '../protocol.ts';
import { ReplySink } from './reply-sink.ts';

const decoders = createDecoderRegistry();
const reply = (topic: string, text: string, time: number, correlation?: number[]) =>
  new IngestedMessage('c1', 1, time, topic, bytes(text), 1, false, decoders, false, {
    ...(correlation ? { correlationData: new Uint8Array(correlation) } : {}),
  });

function flushed(sink: ReplySink) {
  const batch = emptyConnectionBatch('c1');
  if (sink.dueAt(0) !== null) sink.flush(batch);
  return batch.events;
}

describe('waiting for replies', () => {
  it('matches the reply by topic and correlation data, with the round-trip time', () => {
    const sink = new ReplySink();
    sink.expect(7, 'replies/me', new Uint8Array([1, 2]), 1_000);
    sink.ingest(reply('replies/me', 'wrong id', 1_010, [9]));
    sink.ingest(reply('replies/other', 'wrong topic', 1_020, [1, 2]));
    sink.ingest(reply('replies/me', 'no correlation', 1_030));
    expect(flushed(sink)).toEqual([]);
    sink.ingest(reply('replies/me', 'pong', 1_042, [1, 2]));
    expect(flushed(sink)).toEqual([
      {
        type: 'publish-reply',
        reply: {
          id: 7,
          topic: 'replies/me',
          preview: 'pong',
          size: 4,
          time: 1_042,
          roundTripMs: 42,
        },
      },
    ]);
    // Only the first reply counts.
    sink.ingest(reply('replies/me', 'again', 1_050, [1, 2]));
    expect(flushed(sink)).toEqual([]);
  });

  it('forgets the oldest request past 100 waiting', () => {
    const sink = new ReplySink();
    for (let i = 0; i <= 100; i++) sink.expect(i, 'r', new Uint8Array([i]), 0);
    sink.ingest(reply('r', 'late', 5, [0]));
    sink.ingest(reply('r', 'kept', 5, [100]));
    expect(flushed(sink).map((e) => (e.type === 'publish-reply' ? e.reply.id : -1))).toEqual([100]);
  });
});
