import { useState } from 'react';
import type { FormEvent } from 'react';
import { useStore } from 'zustand';
import { Panel } from '../../../components/ui/panel.tsx';
import { QosSelect } from '../../../components/ui/qos-select.tsx';
import { validateTopicFilter } from '../../../core/topic-filter.ts';
import {
  checkSubscribeOptions,
  DEFAULT_SUBSCRIBE_OPTIONS,
} from '../../../core/subscription-options.ts';
import type { QoS, SubscribeOptions } from '../../../services/mqtt/index.ts';
import type { Subscription } from '../subscriptions-store.ts';
import { SubscriptionsContext } from '../subscriptions-context.ts';
import { formatTime } from '../../../core/format.ts';
import { FormError } from '../../../components/ui/form-error.tsx';
import './subscriptions.css';

function describeStatus(subscription: Subscription): string {
  switch (subscription.status.state) {
    case 'pending':
      return 'waiting for the broker';
    case 'active': {
      const { grantedQos } = subscription.status;
      // A broker may grant less than asked (RabbitMQ grants QoS 1 for 2): say so.
      const lower = grantedQos < subscription.qos ? ` (asked for ${subscription.qos})` : '';
      return `active · QoS ${grantedQos} granted${lower}`;
    }
    case 'failed':
      return subscription.status.reason;
    case 'disabled':
      return 'switched off: not subscribed';
  }
}

/** The MQTT 5 options of a new subscription, behind a disclosure: most people never need them. */
function OptionsFields({
  options,
  onChange,
}: {
  options: SubscribeOptions;
  onChange: (options: SubscribeOptions) => void;
}) {
  const set = (changes: Partial<SubscribeOptions>) => onChange({ ...options, ...changes });
  return (
    <details className="subscribe-options">
      <summary>MQTT 5 options</summary>
      <label className="check">
        <input
          type="checkbox"
          checked={options.noLocal}
          onChange={(event) => set({ noLocal: event.target.checked })}
        />
        No Local (not my own messages)
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={options.retainAsPublished}
          onChange={(event) => set({ retainAsPublished: event.target.checked })}
        />
        Retain As Published
      </label>
      <label className="field">
        <span>Retained messages</span>
        <select
          value={options.retainHandling}
          onChange={(event) => set({ retainHandling: Number(event.target.value) as 0 | 1 | 2 })}
        >
          <option value={0}>Send on subscribe</option>
          <option value={1}>Only for a new subscription</option>
          <option value={2}>Never send</option>
        </select>
      </label>
      <label className="field">
        <span>Subscription identifier</span>
        <input
          inputMode="numeric"
          value={options.subscriptionId ?? ''}
          placeholder="none"
          onChange={(event) => {
            const text = event.target.value.trim();
            set({ subscriptionId: text === '' ? null : Number(text) });
          }}
        />
      </label>
    </details>
  );
}

/**
 * How each subscription's payloads are decoded ("show as"), composed by the app: a decoder
 * choice's value per filter, `auto` for the evidence's choice.
 */
export interface SubscriptionDecoders {
  choices: readonly { value: string; label: string }[];
  valueOf(filter: string): string;
  set(filter: string, value: string): void;
}

function SubscriptionItem({
  subscription,
  decoders,
}: {
  subscription: Subscription;
  decoders: SubscriptionDecoders | undefined;
}) {
  const store = SubscriptionsContext.use();
  const { filter, alias, color, enabled } = subscription;
  const name = alias || filter;
  return (
    <li className={`subscription subscription-${subscription.status.state}`}>
      <input
        type="color"
        className="subscription-color"
        value={color}
        onChange={(event) => store.relabel(filter, { color: event.target.value })}
        aria-label={`Colour of ${name}`}
      />
      <div className="subscription-text">
        {alias ? (
          <span className="subscription-alias">
            {alias} <code className="subscription-filter">{filter}</code>
          </span>
        ) : (
          <code className="subscription-filter">{filter}</code>
        )}
        <span className="subscription-status">{describeStatus(subscription)}</span>
        {decoders && (
          <select
            className="subscription-decoder"
            value={decoders.valueOf(filter)}
            onChange={(event) => decoders.set(filter, event.target.value)}
            aria-label={`Show ${filter} as`}
            title="How this subscription's payloads are decoded"
          >
            <option value="auto">Show as: auto</option>
            {decoders.choices.map((choice) => (
              <option key={choice.value} value={choice.value}>
                Show as: {choice.label}
              </option>
            ))}
          </select>
        )}
      </div>
      <label className="subscription-switch" title={enabled ? 'Switch off' : 'Switch on'}>
        <input
          type="checkbox"
          checked={enabled}
          onChange={(event) => store.setEnabled(filter, event.target.checked)}
          aria-label={`Receive ${filter}`}
        />
      </label>
      <button
        type="button"
        className="button-ghost"
        onClick={() => store.unsubscribeFrom(filter)}
        aria-label={`Unsubscribe from ${filter}`}
        title="Unsubscribe and forget"
      >
        ✕
      </button>
    </li>
  );
}

/** The subscriptions of the connection in focus; `connectionName` says which one it is. */
export function SubscriptionsPanel({
  connectionName,
  decoders,
}: {
  connectionName: string;
  decoders?: SubscriptionDecoders;
}) {
  const store = SubscriptionsContext.use();
  const subscriptions = useStore(store, (state) => state.subscriptions);
  const lastRestore = useStore(store, (state) => state.lastRestore);
  const [filter, setFilter] = useState('');
  const [alias, setAlias] = useState('');
  const [qos, setQos] = useState<QoS>(0);
  const [options, setOptions] = useState<SubscribeOptions>(DEFAULT_SUBSCRIBE_OPTIONS);
  const [error, setError] = useState<string | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = filter.trim();
    const check = validateTopicFilter(trimmed);
    if (!check.ok) return setError(check.reason);
    const optionsCheck = checkSubscribeOptions(trimmed, options);
    if (!optionsCheck.ok) return setError(optionsCheck.reason);
    setError(null);
    store.subscribeTo(trimmed, qos, { alias: alias.trim(), options });
    setFilter('');
    setAlias('');
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
        <label className="field">
          <span>Alias (optional)</span>
          <input value={alias} onChange={(event) => setAlias(event.target.value)} maxLength={80} />
        </label>
        <OptionsFields options={options} onChange={setOptions} />
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
          <SubscriptionItem
            key={subscription.filter}
            subscription={subscription}
            decoders={decoders}
          />
        ))}
      </ul>
    </Panel>
  );
}
