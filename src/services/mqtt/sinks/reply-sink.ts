import type { IngestedMessage } from '../engine/ingested-message.ts';
import type { Sink } from '../engine/sink.ts';
import type { ConnectionBatch, PublishReply } from '../protocol.ts';

/** Requests waiting for a reply at once; the oldest is forgotten past this. */
const MAX_AWAITING = 100;
/** A reply's text is cut here: the list shows a preview, the detail view has the rest. */
const PREVIEW_CHARS = 300;

function correlationKey(topic: string, correlation: Uint8Array): string {
  let key = `${topic}\u0000`;
  for (const byte of correlation) key += String.fromCharCode(byte);
  return key;
}

/**
 * Request/response (MQTT 5 §4.10): a request published with a response topic and correlation
 * data waits here; the first message on that topic carrying the same correlation data is its
 * reply, sent to the page with the round-trip time. With nothing awaited, a message costs one
 * size check.
 */
export class ReplySink implements Sink {
  private readonly awaiting = new Map<string, { id: number; sentAt: number }>();
  private replies: PublishReply[] = [];

  expect(id: number, responseTopic: string, correlation: Uint8Array, sentAt: number): void {
    const key = correlationKey(responseTopic, correlation);
    this.awaiting.delete(key);
    this.awaiting.set(key, { id, sentAt });
    if (this.awaiting.size > MAX_AWAITING) {
      const oldest = this.awaiting.keys().next();
      if (!oldest.done) this.awaiting.delete(oldest.value);
    }
  }

  ingest(message: IngestedMessage): void {
    if (this.awaiting.size === 0) return;
    const correlation = message.properties?.correlationData;
    if (!correlation) return;
    const key = correlationKey(message.topic, correlation);
    const request = this.awaiting.get(key);
    if (!request) return;
    this.awaiting.delete(key);
    const { preview, size } = message.decoded();
    this.replies.push({
      id: request.id,
      topic: message.topic,
      preview: preview.length > PREVIEW_CHARS ? `${preview.slice(0, PREVIEW_CHARS)}…` : preview,
      size,
      time: message.time,
      roundTripMs: Math.max(0, message.time - request.sentAt),
    });
  }

  dueAt(now: number): number | null {
    return this.replies.length > 0 ? now : null;
  }

  flush(batch: ConnectionBatch): void {
    for (const reply of this.replies) batch.events.push({ type: 'publish-reply', reply });
    this.replies = [];
  }

  clear(): void {
    this.replies = [];
  }
}
