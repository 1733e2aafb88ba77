import { lazy, Suspense, useState } from 'react';
import type { FormEvent } from 'react';
import { useStore } from 'zustand';
import { Panel } from '../../../components/ui/panel.tsx';
import { FormError } from '../../../components/ui/form-error.tsx';
import { generateClientId } from '../../../core/connection-profile.ts';
import type { ConnectionProfile, ProtocolVersion } from '../../../core/connection-profile.ts';
import { parseBrokerUrl, profileUrl, validateBrokerUrl } from '../../../core/broker-url.ts';
import { ConnectionsContext } from '../connections-context.ts';
import { connectProfile, disconnectProfile } from '../connection-actions.ts';
import { isActive, refuseUrl } from '../connection-store.ts';
import { updateProfile } from '../profiles-store.ts';
import { ConnectionProblem } from './connection-problem.tsx';

const ProfileEditor = lazy(() => import('./profile-editor.tsx'));
const ConnectionLog = lazy(() => import('./connection-log.tsx'));

/** The quick settings of the connection in focus, its Connect button and what went wrong. */
export function ConnectionPanel({ profile }: { profile: ConnectionProfile }) {
  const runtime = ConnectionsContext.use();
  const statusStore = runtime.statusFor(profile.id);
  const status = useStore(statusStore, (state) => state.status);
  const needsPassword = useStore(statusStore, (state) => state.needsPassword);
  // The URL as typed: it is split into scheme, host, port and path when the user connects.
  const [typedUrl, setTypedUrl] = useState<{ id: string; text: string } | null>(null);
  const [urlError, setUrlError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'settings' | 'log' | null>(null);
  const active = isActive(status);
  const url = typedUrl?.id === profile.id ? typedUrl.text : profileUrl(profile);
  const update = (changes: Partial<ConnectionProfile>) =>
    updateProfile(runtime.profiles, profile.id, changes);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (active) return disconnectProfile(runtime, profile.id);
    const check = validateBrokerUrl(url);
    const parsed = parseBrokerUrl(url);
    if (!check.ok || !parsed.ok) {
      const reason = check.ok ? (parsed.ok ? '' : parsed.reason) : check.reason;
      setUrlError(reason);
      refuseUrl(statusStore, url.trim(), reason);
      return;
    }
    setUrlError(null);
    setTypedUrl(null);
    update({ scheme: parsed.scheme, host: parsed.host, port: parsed.port, path: parsed.path });
    connectProfile(runtime, profile.id);
  };

  return (
    <Panel
      title="Connection"
      actions={
        <>
          <button type="button" className="button-ghost" onClick={() => setDialog('log')}>
            Log
          </button>
          <button type="button" className="button-ghost" onClick={() => setDialog('settings')}>
            Settings
          </button>
        </>
      }
    >
      <form className="form" onSubmit={onSubmit} aria-label="Connection">
        <label className="field">
          <span>Broker URL</span>
          <input
            value={url}
            onChange={(event) => setTypedUrl({ id: profile.id, text: event.target.value })}
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
              value={profile.clientId}
              onChange={(event) => update({ clientId: event.target.value })}
              spellCheck={false}
              disabled={active}
            />
          </label>
          <button
            type="button"
            className="button-ghost"
            onClick={() => update({ clientId: generateClientId() })}
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
              value={profile.username}
              onChange={(event) => update({ username: event.target.value })}
              autoComplete="username"
              disabled={active}
              aria-invalid={needsPassword && !profile.username ? true : undefined}
            />
          </label>
          <label className="field">
            <span>Password</span>
            <input
              type="password"
              value={profile.password}
              onChange={(event) => update({ password: event.target.value })}
              autoComplete="current-password"
              disabled={active}
              aria-invalid={needsPassword ? true : undefined}
            />
          </label>
        </div>
        {needsPassword && (
          <p className="form-note" role="alert">
            {profile.username
              ? `This connection logs in as “${profile.username}”, and its password is not saved. Enter it and press Connect.`
              : 'This broker asks for a user name and password. Enter them and press Connect.'}
          </p>
        )}
        <div className="field-row">
          <label className="field">
            <span>MQTT version</span>
            <select
              value={profile.protocolVersion}
              onChange={(event) =>
                update({ protocolVersion: Number(event.target.value) as ProtocolVersion })
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
        {!urlError && <ConnectionProblem status={status} />}
      </form>
      <Suspense fallback={null}>
        {dialog === 'settings' && (
          <ProfileEditor profile={profile} onClose={() => setDialog(null)} />
        )}
        {dialog === 'log' && <ConnectionLog profile={profile} onClose={() => setDialog(null)} />}
      </Suspense>
    </Panel>
  );
}
