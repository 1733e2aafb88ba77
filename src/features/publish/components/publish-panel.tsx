import { useState } from 'react';
import type { FormEvent } from 'react';
import { useStore } from 'zustand';
import { Panel } from '../../../components/ui/panel.tsx';
import { QosSelect } from '../../../components/ui/qos-select.tsx';
import { validateTopicName } from '../../../core/topic-filter.ts';
import { formatTime } from '../../../core/format.ts';
import { getMqttService } from '../../../services/mqtt/index.ts';
import { publishStore, recordPublish, updateDraft } from '../publish-store.ts';
import type { PublishRecord } from '../publish-store.ts';
import { FormError } from '../../../components/ui/form-error.tsx';

function describeDelivery(record: PublishRecord): string {
  const { delivery, qos } = record;
  if (delivery.state === 'failed') return delivery.reason;
  if (delivery.state === 'sending') return qos === 0 ? 'sending' : 'waiting for the broker';
  if (qos === 0) return 'sent (QoS 0 has no acknowledgement)';
  return qos === 1 ? 'delivered · PUBACK received' : 'delivered · PUBCOMP received';
}

export function PublishPanel() {
  const draft = useStore(publishStore, (state) => state.draft);
  const history = useStore(publishStore, (state) => state.history);
  const [error, setError] = useState<string | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const topic = draft.topic.trim();
    const check = validateTopicName(topic);
    if (!check.ok) return setError(check.reason);
    setError(null);
    const id = getMqttService().publish(topic, draft.payload, draft.qos, draft.retain);
    recordPublish({ id, topic, qos: draft.qos, retain: draft.retain });
  };

  return (
    <Panel title="Publish">
      <form className="form" onSubmit={onSubmit} aria-label="Publish">
        <label className="field">
          <span>Topic</span>
          <input
            value={draft.topic}
            onChange={(event) => updateDraft({ topic: event.target.value })}
            spellCheck={false}
            aria-invalid={error ? true : undefined}
          />
        </label>
        <label className="field">
          <span>Payload</span>
          <textarea
            value={draft.payload}
            onChange={(event) => updateDraft({ payload: event.target.value })}
            rows={3}
            spellCheck={false}
          />
        </label>
        <QosSelect label="Publish QoS" value={draft.qos} onChange={(qos) => updateDraft({ qos })} />
        <div className="publish-actions">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={draft.retain}
              onChange={(event) => updateDraft({ retain: event.target.checked })}
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
