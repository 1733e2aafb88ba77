import { useMemo } from 'react';
import { useStore } from 'zustand';
import { formatTime } from '../../../core/format.ts';
import { formatBytes } from '../../../core/payload.ts';
import { loadIntoDraft } from '../publish-store.ts';
import type { PublishRecord } from '../publish-store.ts';
import { PublishContext } from '../publish-context.ts';
import { sendMessage } from '../send-message.ts';

/** The state of one sent message in words, with the packet that told it. */
export function describeDelivery(record: PublishRecord): string {
  const { delivery, qos } = record;
  switch (delivery.state) {
    case 'failed':
      return `refused: ${delivery.reason}`;
    case 'sending':
      return qos === 0 ? 'sending' : 'waiting for the broker';
    case 'queued':
      return 'queued: sent when the connection is back';
    case 'sent':
      return 'sent (QoS 0 has no acknowledgement)';
    case 'acknowledged':
      return 'acknowledged · PUBACK received';
    case 'received':
      return 'received by the broker · PUBREC received, waiting for PUBCOMP';
    case 'completed':
      return 'completed · PUBREC and PUBCOMP received';
  }
}

/** Delivered (green), refused (red) or on its way (muted). */
function tone(record: PublishRecord): string {
  const { state } = record.delivery;
  if (state === 'failed') return 'delivery-failed';
  if (state === 'sent' || state === 'acknowledged' || state === 'completed') {
    return 'delivery-delivered';
  }
  return 'delivery-pending';
}

/** The reply to a request, beside it: its text and the round-trip time, or that it is awaited. */
function ReplyLine({ record }: { record: PublishRecord }) {
  const { reply } = record;
  if (!reply) return null;
  if (reply.state === 'waiting') {
    return (
      <span className="delivery-reply" aria-live="polite">
        waiting for the reply on {record.properties?.responseTopic}…
      </span>
    );
  }
  return (
    <span className="delivery-reply delivery-reply-received" aria-live="polite">
      reply after {reply.roundTripMs} ms on <code>{reply.topic}</code>:{' '}
      <code className="delivery-reply-text">{reply.preview}</code>
    </span>
  );
}

/** The connection's sent messages, newest first: their fate, and a way to send or edit again. */
export function SentMessages({ connectionId }: { connectionId: string }) {
  const runtime = PublishContext.use();
  const history = useStore(runtime.store, (state) => state.history);
  const mine = useMemo(
    () => history.filter((record) => record.connectionId === connectionId),
    [history, connectionId],
  );
  if (mine.length === 0) return null;

  return (
    <ol className="publish-history" aria-label="Sent messages">
      {mine.map((record) => (
        <li key={record.id} className={`delivery ${tone(record)}`}>
          <span className="delivery-time">{formatTime(record.time)}</span>
          <code className="delivery-topic">{record.topic}</code>
          <span className="badge">QoS {record.qos}</span>
          {record.retain && (
            <span className="badge">
              {record.payload.bytes.length === 0 ? 'clears retained' : 'retained'}
            </span>
          )}
          <span className="delivery-size">
            {record.payload.mode === 'file' && record.payload.file
              ? `${record.payload.file.name} · `
              : ''}
            {formatBytes(record.payload.bytes.length)}
          </span>
          <span className="delivery-state" aria-live="polite">
            {describeDelivery(record)}
          </span>
          {record.reply && <ReplyLine record={record} />}
          <span className="delivery-actions">
            <button
              type="button"
              className="button-ghost"
              aria-label={`Send again to ${record.topic}`}
              onClick={() =>
                sendMessage(runtime, connectionId, { ...record, awaitReply: Boolean(record.reply) })
              }
            >
              Send again
            </button>
            <button
              type="button"
              className="button-ghost"
              aria-label={`Edit the message to ${record.topic}`}
              onClick={() => loadIntoDraft(runtime.store, record)}
            >
              Edit
            </button>
          </span>
        </li>
      ))}
    </ol>
  );
}
