import { useState } from 'react';
import type { FormEvent } from 'react';
import { Modal } from '../../../components/ui/modal.tsx';
import { parseBrokerUrl } from '../../../core/broker-url.ts';
import {
  formatHostPort,
  generateClientId,
  PROFILE_COLORS,
} from '../../../core/connection-profile.ts';
import { validateProfile } from '../../../core/profile-validation.ts';
import type { ConnectionProfile, ProtocolVersion } from '../../../core/connection-profile.ts';
import { ConnectionsContext } from '../connections-context.ts';
import { connectProfile } from '../connection-actions.ts';
import { isActive } from '../connection-store.ts';
import { updateProfile } from '../profiles-store.ts';
import { LastWillFields } from './last-will-fields.tsx';
import { NumberField } from './number-field.tsx';
import { UserPropertiesField } from './user-properties-field.tsx';

interface ProfileEditorProps {
  profile: ConnectionProfile;
  isNew?: boolean;
  onClose: () => void;
}

/** Every setting of a connection profile; loaded on demand, the first screen does not need it. */
export default function ProfileEditor({ profile, isNew = false, onClose }: ProfileEditorProps) {
  const runtime = ConnectionsContext.use();
  const [draft, setDraft] = useState(profile);
  const [pasted, setPasted] = useState('');
  const [pasteError, setPasteError] = useState<string | null>(null);
  // Kept as typed (blank lines and all) while the draft holds the URLs.
  const [otherNodes, setOtherNodes] = useState(profile.otherUrls.join('\n'));
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const set = (changes: Partial<ConnectionProfile>) => setDraft((d) => ({ ...d, ...changes }));
  const v5 = draft.protocolVersion === 5;
  const invalid = (field: string) => (errors.has(field) ? true : undefined);

  const applyPastedUrl = () => {
    const parsed = parseBrokerUrl(pasted);
    if (!parsed.ok) return setPasteError(parsed.reason);
    setPasteError(null);
    set({
      scheme: parsed.scheme,
      host: parsed.host,
      port: parsed.port,
      path: parsed.path,
      ...(parsed.username ? { username: parsed.username } : {}),
      ...(parsed.password ? { password: parsed.password } : {}),
    });
    setPasted('');
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const named = draft.name.trim()
      ? draft
      : { ...draft, name: formatHostPort(draft.host, draft.port) };
    const problems = validateProfile(named);
    setErrors(new Map(problems.map((problem) => [problem.field, problem.message])));
    if (problems.length > 0) return;
    if (isNew) runtime.add(named);
    else {
      updateProfile(runtime.profiles, named.id, named);
      // New settings take effect at once on a live connection.
      if (isActive(runtime.statusFor(named.id).getState().status))
        connectProfile(runtime, named.id);
    }
    onClose();
  };

  return (
    <Modal title={isNew ? 'New connection' : `Settings of ${profile.name}`} onClose={onClose}>
      <form
        className="form profile-editor"
        onSubmit={onSubmit}
        aria-label="Connection settings"
        noValidate
      >
        <div className="field-row">
          <label className="field">
            <span>Name</span>
            <input
              value={draft.name}
              placeholder={formatHostPort(draft.host, draft.port)}
              onChange={(event) => set({ name: event.target.value })}
              aria-invalid={invalid('name')}
            />
          </label>
          <fieldset className="color-choice">
            <legend>Colour</legend>
            {PROFILE_COLORS.map((color) => (
              <label key={color} className="color-swatch">
                <input
                  style={{ background: color }}
                  type="radio"
                  name="profile-color"
                  value={color}
                  checked={draft.color === color}
                  onChange={() => set({ color })}
                  aria-label={`Colour ${color}`}
                />
              </label>
            ))}
          </fieldset>
        </div>
        <div className="field-row field-row-end">
          <label className="field">
            <span>Paste a broker URL</span>
            <input
              value={pasted}
              placeholder="wss://broker.example.com:8884/mqtt"
              onChange={(event) => setPasted(event.target.value)}
              spellCheck={false}
              aria-invalid={pasteError ? true : undefined}
            />
          </label>
          <button type="button" className="button-secondary" onClick={applyPastedUrl}>
            Split
          </button>
        </div>
        {pasteError && (
          <p className="form-error" role="alert">
            {pasteError}
          </p>
        )}
        <div className="field-row">
          <label className="field field-narrow">
            <span>Scheme</span>
            <select
              value={draft.scheme}
              onChange={(event) => set({ scheme: event.target.value === 'wss' ? 'wss' : 'ws' })}
            >
              <option value="ws">ws://</option>
              <option value="wss">wss:// (TLS)</option>
            </select>
          </label>
          <label className="field">
            <span>Host</span>
            <input
              value={draft.host}
              onChange={(event) => set({ host: event.target.value })}
              aria-invalid={invalid('host')}
              spellCheck={false}
            />
          </label>
          <NumberField
            label="Port"
            value={draft.port}
            onChange={(port) => set({ port: port ?? Number.NaN })}
            error={errors.get('port')}
          />
          <label className="field">
            <span>Path</span>
            <input
              value={draft.path}
              onChange={(event) => set({ path: event.target.value })}
              aria-invalid={invalid('path')}
              spellCheck={false}
            />
          </label>
        </div>
        {errors.get('host') && <p className="field-error">{errors.get('host')}</p>}
        {errors.get('path') && <p className="field-error">{errors.get('path')}</p>}
        <div className="field-row">
          <label className="field">
            <span>Other nodes of the cluster (one URL per line, optional)</span>
            <textarea
              rows={2}
              value={otherNodes}
              placeholder="ws://node-2.example.com:8080/mqtt"
              onChange={(event) => {
                setOtherNodes(event.target.value);
                set({
                  otherUrls: event.target.value
                    .split('\n')
                    .map((line) => line.trim())
                    .filter((line) => line !== ''),
                });
              }}
              aria-invalid={invalid('otherUrls')}
              aria-describedby="other-nodes-help"
              spellCheck={false}
            />
          </label>
        </div>
        <p id="other-nodes-help" className="field-help">
          When the node in use goes away, the next is tried at once and the stream is marked.
        </p>
        {errors.get('otherUrls') && <p className="field-error">{errors.get('otherUrls')}</p>}
        <div className="field-row">
          <label className="field">
            <span>Client ID</span>
            <input
              value={draft.clientId}
              onChange={(event) => set({ clientId: event.target.value })}
              aria-invalid={invalid('clientId')}
              spellCheck={false}
            />
          </label>
          <button
            type="button"
            className="button-ghost"
            onClick={() => set({ clientId: generateClientId() })}
            aria-label="Generate a client ID"
          >
            ↻
          </button>
          <label className="field">
            <span>MQTT version</span>
            <select
              value={draft.protocolVersion}
              onChange={(event) =>
                set({ protocolVersion: Number(event.target.value) as ProtocolVersion })
              }
            >
              <option value={4}>3.1.1</option>
              <option value={5}>5.0</option>
            </select>
          </label>
        </div>
        {errors.get('clientId') && <p className="field-error">{errors.get('clientId')}</p>}
        <div className="field-row">
          <label className="field">
            <span>Username</span>
            <input
              value={draft.username}
              autoComplete="off"
              onChange={(event) => set({ username: event.target.value })}
            />
          </label>
          <label className="field">
            <span>Password</span>
            <input
              type="password"
              autoComplete="new-password"
              value={draft.password}
              onChange={(event) => set({ password: event.target.value })}
            />
          </label>
        </div>
        {errors.get('password') && <p className="field-error">{errors.get('password')}</p>}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.savePassword}
            onChange={(event) => set({ savePassword: event.target.checked })}
          />
          <span>Save the password in this browser (otherwise it is asked for after a reload)</span>
        </label>
        <div className="field-row">
          <NumberField
            label="Keepalive (s)"
            value={draft.keepaliveSeconds}
            onChange={(v) => set({ keepaliveSeconds: v ?? Number.NaN })}
            error={errors.get('keepaliveSeconds')}
          />
          <NumberField
            label="Connect timeout (s)"
            value={draft.connectTimeoutSeconds}
            onChange={(v) => set({ connectTimeoutSeconds: v ?? Number.NaN })}
            error={errors.get('connectTimeoutSeconds')}
          />
          <NumberField
            label="Reconnect after (s)"
            value={draft.reconnectPeriodSeconds}
            onChange={(v) => set({ reconnectPeriodSeconds: v ?? Number.NaN })}
            error={errors.get('reconnectPeriodSeconds')}
          />
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.cleanStart}
            onChange={(event) => set({ cleanStart: event.target.checked })}
          />
          <span>Clean start (the broker forgets any earlier session of this client ID)</span>
        </label>
        {v5 && (
          <fieldset className="fieldset">
            <legend>MQTT 5 connect properties</legend>
            <div className="field-row">
              <NumberField
                label="Session expiry (s)"
                optional
                value={draft.sessionExpirySeconds}
                onChange={(sessionExpirySeconds) => set({ sessionExpirySeconds })}
                error={errors.get('sessionExpirySeconds')}
              />
              <NumberField
                label="Receive maximum"
                optional
                value={draft.properties.receiveMaximum}
                onChange={(receiveMaximum) =>
                  set({ properties: { ...draft.properties, receiveMaximum } })
                }
                error={errors.get('properties.receiveMaximum')}
              />
            </div>
            <div className="field-row">
              <NumberField
                label="Maximum packet size (bytes)"
                optional
                value={draft.properties.maximumPacketSize}
                onChange={(maximumPacketSize) =>
                  set({ properties: { ...draft.properties, maximumPacketSize } })
                }
                error={errors.get('properties.maximumPacketSize')}
              />
              <NumberField
                label="Topic alias maximum"
                optional
                value={draft.properties.topicAliasMaximum}
                onChange={(topicAliasMaximum) =>
                  set({ properties: { ...draft.properties, topicAliasMaximum } })
                }
                error={errors.get('properties.topicAliasMaximum')}
              />
            </div>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={draft.properties.requestResponseInformation}
                onChange={(event) =>
                  set({
                    properties: {
                      ...draft.properties,
                      requestResponseInformation: event.target.checked,
                    },
                  })
                }
              />
              <span>Request response information</span>
            </label>
            <UserPropertiesField
              legend="User property"
              value={draft.properties.userProperties}
              onChange={(userProperties) =>
                set({ properties: { ...draft.properties, userProperties } })
              }
            />
          </fieldset>
        )}
        <LastWillFields
          will={draft.will}
          v5={v5}
          errors={errors}
          onChange={(will) => set({ will })}
        />
        {errors.size > 0 && (
          <p className="form-error" role="alert">
            {errors.size === 1 ? 'One setting needs' : `${errors.size} settings need`} attention:{' '}
            {[...errors.values()][0]}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button-primary">
            {isNew ? 'Add connection' : 'Save'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
