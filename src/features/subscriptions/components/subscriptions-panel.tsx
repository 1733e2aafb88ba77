import { useState } from 'react';
import type { FormEvent } from 'react';
import { useStore } from 'zustand';
import { Panel } from '../../../components/ui/panel.tsx';
import { QosSelect } from '../../../components/ui/qos-select.tsx';
import { validateTopicFilter } from '../../../core/topic-filter.ts';
import type { QoS } from '../../../services/mqtt/index.ts';
import type { Subscription } from '../subscriptions-store.ts';
import { SubscriptionsContext } from '../subscriptions-context.ts';
import { formatTime } from '../../../core/format.ts';
import { FormError } from '../../../components/ui/form-error.tsx';

function describeStatus(subscription: Subscription): string {
  switch (subscription.status.state) {
    case 'pending':
      return 'waiting for the broker';
    case 'active':
      return `active · QoS ${subscription.status.grantedQos} granted`;
    case 'failed':
      return subscription.status.reason;
  }
}

/** The subscriptions of the connection in focus; `connectionName` says which one it is. */
export function SubscriptionsPanel({ connectionName }: { connectionName: string }) {
  const store = SubscriptionsContext.use();
  const subscriptions = useStore(store, (state) => state.subscriptions);
  const lastRestore = useStore(store, (state) => state.lastRestore);
  const [filter, setFilter] = useState('');
  const [qos, setQos] = useState<QoS>(0);
  const [error, setError] = useState<string | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = filter.trim();
    const check = validateTopicFilter(trimmed);
    if (!check.ok) return setError(check.reason);
    setError(null);
    store.subscribeTo(trimmed, qos);
    setFilter('');
  };

  return (
    <Panel title="Subscriptions" actions={<span className="panel-context">{connectionName}</span>}>
      <form className="form" onSubmit={onSubmit} aria-label="Subscribe">
        <div className="field-row">
          <label className="field">
            <span>Topic filter</span>
            <input
              value={filter}
              onChange={(event) => setFilter(event.target.value)}
              placeholder="sensors/+/temperature or #"
              spellCheck={false}
              aria-invalid={error ? true : undefined}
            />
          </label>
          <QosSelect label="QoS" value={qos} onChange={setQos} />
        </div>
        <FormError message={error} />
        <button type="submit" className="button-primary">
          Subscribe
        </button>
      </form>
      {lastRestore && (
        <p className="form-note" role="status">
          {lastRestore.count} subscription{lastRestore.count === 1 ? '' : 's'} restored after the
          reconnect at {formatTime(lastRestore.time)}.
        </p>
      )}
      <ul className="subscription-list" aria-label="Active subscriptions">
        {subscriptions.length === 0 && <li className="empty">No subscriptions yet.</li>}
        {subscriptions.map((subscription) => (
          <li
            key={subscription.filter}
            className={`subscription subscription-${subscription.status.state}`}
          >
            <div className="subscription-text">
              <code className="subscription-filter">{subscription.filter}</code>
              <span className="subscription-status">{describeStatus(subscription)}</span>
            </div>
            <button
              type="button"
              className="button-ghost"
              onClick={() => store.unsubscribeFrom(subscription.filter)}
              aria-label={`Unsubscribe from ${subscription.filter}`}
              title="Unsubscribe"
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
