import { useStore } from 'zustand';
import { formatBytes } from '../../../core/payload.ts';
import { formatTime } from '../../../core/format.ts';
import { findRow, selectRow, visibleRows } from '../messages-store.ts';
import { MessagesContext } from '../messages-context.ts';

function prettyPrint(format: string, preview: string): string {
  if (format !== 'json') return preview;
  try {
    return JSON.stringify(JSON.parse(preview), null, 2);
  } catch {
    return preview;
  }
}

const FORMAT_NAMES: Record<string, string> = {
  json: 'JSON',
  text: 'text (UTF-8)',
  binary: 'binary, shown as hex',
  empty: 'empty',
};

/** The whole of one message; loaded on demand, the first screen does not need it. */
export default function MessageDetail({ connectionName }: { connectionName: string | null }) {
  const { view, streamFor } = MessagesContext.use();
  const selected = useStore(view, (state) => state.selected);
  const row = selected === null ? undefined : findRow(visibleRows(view, streamFor), selected);
  if (!row) return null;
  return (
    <section className="message-detail" aria-label="Message details">
      <header>
        <code className="detail-topic">{row.topic}</code>
        <button
          type="button"
          className="button-ghost"
          onClick={() => selectRow(view, null)}
          aria-label="Close details"
        >
          ✕
        </button>
      </header>
      <dl>
        {connectionName && (
          <>
            <dt>Connection</dt>
            <dd>{connectionName}</dd>
          </>
        )}
        <dt>Received</dt>
        <dd>{formatTime(row.time)}</dd>
        <dt>Format</dt>
        <dd>{FORMAT_NAMES[row.format]}</dd>
        <dt>Size</dt>
        <dd>
          {formatBytes(row.size)}
          {row.truncated && ' (only the beginning is shown)'}
        </dd>
        <dt>QoS</dt>
        <dd>{row.qos}</dd>
        <dt>Retained</dt>
        <dd>{row.retain ? 'yes' : 'no'}</dd>
      </dl>
      <pre className="detail-payload">{prettyPrint(row.format, row.preview)}</pre>
    </section>
  );
}
