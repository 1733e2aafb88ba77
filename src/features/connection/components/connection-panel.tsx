import { useState } from 'react';
import type { FormEvent } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { Panel } from '../../../components/ui/panel.tsx';
import { validateBrokerUrl } from '../../../core/broker-url.ts';
import type { ProtocolVersion } from '../../../services/mqtt/index.ts';
import { connectionStore, generateClientId, updateSettings } from '../connection-store.ts';
import { connect, disconnect } from '../connection-actions.ts';
import { FormError } from '../../../components/ui/form-error.tsx';

export function ConnectionPanel() {
  const settings = useStore(connectionStore, (state) => state.settings);
  const { status, reason } = useStore(
    connectionStore,
    useShallow((state) => ({
      status: state.status.status,
      reason: 'reason' in state.status ? state.status.reason : null,
    })),
  );
  const [urlError, setUrlError] = useState<string | null>(null);
  const active = status === 'connecting' || status === 'connected' || status === 'reconnecting';

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (active) return disconnect();
    const check = validateBrokerUrl(settings.url);
    setUrlError(check.ok ? null : check.reason);
    if (check.ok) connect();
  };

  return (
    <Panel title="Connection">
      <form className="form" onSubmit={onSubmit} aria-label="Connection">
        <label className="field">
          <span>Broker URL</span>
          <input
            value={settings.url}
            onChange={(event) => updateSettings({ url: event.target.value })}
            placeholder="ws://localhost:9001/mqtt"
            spellCheck={false}
            aria-invalid={urlError ? true : undefined}
            disabled={active}
          />
        </label>
        <FormError message={urlError} />
        <div className="field-row">
          <label className="field">
            <span>Client ID</span>
            <input
              value={settings.clientId}
              onChange={(event) => updateSettings({ clientId: event.target.value })}
              spellCheck={false}
              disabled={active}
            />
          </label>
          <button
            type="button"
            className="button-ghost"
            onClick={() => updateSettings({ clientId: generateClientId() })}
            disabled={active}
            aria-label="New client ID"
            title="New client ID"
          >
            ↻
          </button>
        </div>
        <div className="field-row">
          <label className="field">
            <span>Username</span>
            <input
              value={settings.username}
              onChange={(event) => updateSettings({ username: event.target.value })}
              autoComplete="username"
              disabled={active}
            />
          </label>
          <label className="field">
            <span>Password</span>
            <input
              type="password"
              value={settings.password}
              onChange={(event) => updateSettings({ password: event.target.value })}
              autoComplete="current-password"
              disabled={active}
            />
          </label>
        </div>
        <div className="field-row">
          <label className="field">
            <span>MQTT version</span>
            <select
              value={settings.protocolVersion}
              onChange={(event) =>
                updateSettings({ protocolVersion: Number(event.target.value) as ProtocolVersion })
              }
              disabled={active}
            >
              <option value={4}>3.1.1</option>
              <option value={5}>5.0</option>
            </select>
          </label>
          <button type="submit" className={active ? 'button-secondary' : 'button-primary'}>
            {active ? 'Disconnect' : 'Connect'}
          </button>
        </div>
        <FormError message={status === 'error' ? reason : null} />
        {status === 'reconnecting' && reason && <p className="form-note">{reason}</p>}
      </form>
    </Panel>
  );
}
