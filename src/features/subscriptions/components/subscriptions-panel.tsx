import { useState } from 'react';
import type { FormEvent } from 'react';
import { useStore } from 'zustand';
import { Panel } from '../../../components/ui/panel.tsx';
import { QosSelect } from '../../../components/ui/qos-select.tsx';
import { validateTopicFilter } from '../../../core/topic-filter.ts';
import type { QoS } from '../../../services/mqtt/index.ts';
import { subscriptionsStore } from '../subscriptions-store.ts';
import { subscribe, unsubscribe } from '../subscription-actions.ts';
import type { Subscription } from '../subscriptions-store.ts';
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

export function SubscriptionsPanel() {
  const subscriptions = useStore(subscriptionsStore, (state) => state.subscriptions);
  const [filter, setFilter] = useState('');
  const [qos, setQos] = useState<QoS>(0);
  const [error, setError] = useState<string | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = filter.trim();
    const check = validateTopicFilter(trimmed);
    if (!check.ok) return setError(check.reason);
    setError(null);
    subscribe(trimmed, qos);
    setFilter('');
  };

  return (
    <Panel title="Subscriptions">
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
              onClick={() => unsubscribe(subscription.filter)}
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
