import { useState } from 'react';
import { useStore } from 'zustand';
import { hasProperties } from '../../../core/publish-properties.ts';
import type { PropertiesDraft } from '../../../core/publish-properties.ts';
import { updateProperties } from '../publish-store.ts';
import type { PublishStore } from '../publish-store.ts';

interface PropertiesSectionProps {
  store: PublishStore;
  /** The connection speaks MQTT 5: properties are offered and sent. */
  v5: boolean;
  /** Why the properties cannot be sent, or null. */
  problem: string | null;
}

/** MQTT 5 publish properties, folded away until wanted; on MQTT 3.1.1 it says why there are none. */
export function PropertiesSection({ store, v5, problem }: PropertiesSectionProps) {
  const properties = useStore(store, (state) => state.draft.properties);
  const set = (changes: Partial<PropertiesDraft>) => updateProperties(store, changes);
  const rows = properties.userProperties;
  const setRow = (index: number, changes: Partial<{ key: string; value: string }>) =>
    set({ userProperties: rows.map((row, i) => (i === index ? { ...row, ...changes } : row)) });
  const problemId = 'publish-properties-problem';
  const [open, setOpen] = useState(false);

  return (
    <details
      className="publish-properties"
      open={open || problem !== null}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>
        MQTT 5 properties
        {v5 && hasProperties(properties) && <span className="badge">set</span>}
      </summary>
      {/* Rendered only when open: folded away, its fields are not in the form's way. */}
      {!(open || problem !== null) ? null : !v5 ? (
        <p className="publish-note">
          Properties are part of MQTT 5 only. This connection is not an MQTT 5 connection, so none
          are sent{hasProperties(properties) ? ' (the ones set here are kept for later)' : ''}.
        </p>
      ) : (
        <div
          className="publish-properties-fields"
          aria-describedby={problem ? problemId : undefined}
        >
          <label className="field">
            <span>Content type</span>
            <input
              value={properties.contentType}
              placeholder="application/json"
              onChange={(event) => set({ contentType: event.target.value })}
            />
          </label>
          <label className="field">
            <span>Payload format indicator</span>
            <select
              value={properties.payloadFormat}
              onChange={(event) =>
                set({ payloadFormat: event.target.value as PropertiesDraft['payloadFormat'] })
              }
            >
              <option value="">Not set</option>
              <option value="bytes">0 · unspecified bytes</option>
              <option value="utf8">1 · UTF-8 text</option>
            </select>
          </label>
          <label className="field">
            <span>Message expiry (seconds)</span>
            <input
              value={properties.messageExpiry}
              inputMode="numeric"
              onChange={(event) => set({ messageExpiry: event.target.value })}
            />
          </label>
          <label className="field">
            <span>Topic alias</span>
            <input
              value={properties.topicAlias}
              inputMode="numeric"
              onChange={(event) => set({ topicAlias: event.target.value })}
            />
          </label>
          <label className="field">
            <span>Response topic</span>
            <input
              value={properties.responseTopic}
              spellCheck={false}
              onChange={(event) => set({ responseTopic: event.target.value })}
            />
          </label>
          {properties.responseTopic !== '' && (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={properties.awaitReply}
                onChange={(event) => set({ awaitReply: event.target.checked })}
              />
              <span>Wait for the reply (subscribes to the response topic)</span>
            </label>
          )}
          <div className="field-row">
            <label className="field">
              <span>Correlation data</span>
              <input
                value={properties.correlationData}
                spellCheck={false}
                onChange={(event) => set({ correlationData: event.target.value })}
              />
            </label>
            <label className="field field-narrow">
              <span>Written as</span>
              <select
                value={properties.correlationMode}
                onChange={(event) =>
                  set({ correlationMode: event.target.value === 'hex' ? 'hex' : 'text' })
                }
              >
                <option value="text">Text</option>
                <option value="hex">Hex</option>
              </select>
            </label>
          </div>
          <fieldset className="publish-user-properties">
            <legend>User properties</legend>
            {rows.map((row, index) => (
              <div className="field-row" key={index}>
                <input
                  aria-label={`User property ${index + 1} name`}
                  placeholder="name"
                  value={row.key}
                  onChange={(event) => setRow(index, { key: event.target.value })}
                />
                <input
                  aria-label={`User property ${index + 1} value`}
                  placeholder="value"
                  value={row.value}
                  onChange={(event) => setRow(index, { value: event.target.value })}
                />
                <button
                  type="button"
                  className="button-ghost"
                  aria-label={`Remove user property ${index + 1}`}
                  onClick={() => set({ userProperties: rows.filter((_, i) => i !== index) })}
                >
                  ✕
                </button>
              </div>
            ))}
            <button
              type="button"
              className="button-secondary"
              onClick={() => set({ userProperties: [...rows, { key: '', value: '' }] })}
            >
              Add user property
            </button>
          </fieldset>
        </div>
      )}
      {v5 && problem && (
        <p id={problemId} className="field-error" role="alert">
          {problem}
        </p>
      )}
    </details>
  );
}
