import { useState } from 'react';
import type { FormEvent } from 'react';
import { useStore } from 'zustand';
import { Panel } from '../../../components/ui/panel.tsx';
import { QosSelect } from '../../../components/ui/qos-select.tsx';
import { validateTopicName } from '../../../core/topic-filter.ts';
import { formatTime } from '../../../core/format.ts';
import { recordPublish, updateDraft } from '../publish-store.ts';
import type { PublishRecord } from '../publish-store.ts';
import { PublishContext } from '../publish-context.ts';
import { FormError } from '../../../components/ui/form-error.tsx';

function describeDelivery(record: PublishRecord): string {
  const { delivery, qos } = record;
  if (delivery.state === 'failed') return delivery.reason;
  if (delivery.state === 'sending') return qos === 0 ? 'sending' : 'waiting for the broker';
  if (delivery.state === 'queued') return 'queued: sent when the connection is back';
  if (qos === 0) return 'sent (QoS 0 has no acknowledgement)';
  return qos === 1 ? 'delivered · PUBACK received' : 'delivered · PUBCOMP received';
}

interface PublishPanelProps {
  /** Messages go out on this connection: the one in focus. */
  connection: { id: string; name: string };
  /** Names of every connection, to mark sent messages when there are several. */
  names: ReadonlyMap<string, string> | null;
}

export function PublishPanel({ connection, names }: PublishPanelProps) {
  const { store, handleFor } = PublishContext.use();
  const draft = useStore(store, (state) => state.draft);
  const history = useStore(store, (state) => state.history);
  const [error, setError] = useState<string | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const topic = draft.topic.trim();
    const check = validateTopicName(topic);
    if (!check.ok) return setError(check.reason);
    setError(null);
    const id = handleFor(connection.id).publish(topic, draft.payload, draft.qos, draft.retain);
    recordPublish(store, {
      id,
      connectionId: connection.id,
      topic,
      qos: draft.qos,
      retain: draft.retain,
    });
  };

  return (
    <Panel title="Publish" actions={<span className="panel-context">{connection.name}</span>}>
      <form className="form" onSubmit={onSubmit} aria-label="Publish">
        <label className="field">
          <span>Topic</span>
          <input
            value={draft.topic}
            onChange={(event) => updateDraft(store, { topic: event.target.value })}
            spellCheck={false}
            aria-invalid={error ? true : undefined}
          />
        </label>
        <label className="field">
          <span>Payload</span>
          <textarea
            value={draft.payload}
            onChange={(event) => updateDraft(store, { payload: event.target.value })}
            rows={3}
            spellCheck={false}
          />
        </label>
        <QosSelect
          label="Publish QoS"
          value={draft.qos}
          onChange={(qos) => updateDraft(store, { qos })}
        />
        <div className="publish-actions">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={draft.retain}
              onChange={(event) => updateDraft(store, { retain: event.target.checked })}
            />
            <span>Retain</span>
          </label>
          <button type="submit" className="button-primary">
            Publish
          </button>
        </div>
        <FormError message={error} />
      </form>
      {history.length > 0 && (
        <ol className="publish-history" aria-label="Sent messages">
          {history.map((record) => (
            <li key={record.id} className={`delivery delivery-${record.delivery.state}`}>
              <span className="delivery-time">{formatTime(record.time)}</span>
              {names && (
                <span className="delivery-connection">{names.get(record.connectionId)}</span>
              )}
              <code className="delivery-topic">{record.topic}</code>
              <span className="badge">QoS {record.qos}</span>
              {record.retain && <span className="badge">retained</span>}
              <span className="delivery-state">{describeDelivery(record)}</span>
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}
