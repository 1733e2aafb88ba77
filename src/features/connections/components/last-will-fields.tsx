import { QosSelect } from '../../../components/ui/qos-select.tsx';
import type { LastWill } from '../../../core/connection-profile.ts';
import { NumberField } from './number-field.tsx';
import { UserPropertiesField } from './user-properties-field.tsx';

const EMPTY_WILL: LastWill = {
  topic: '',
  payload: '',
  qos: 0,
  retain: false,
  delayIntervalSeconds: null,
  messageExpirySeconds: null,
  contentType: '',
  userProperties: [],
};

interface LastWillFieldsProps {
  will: LastWill | null;
  v5: boolean;
  errors: ReadonlyMap<string, string>;
  onChange: (will: LastWill | null) => void;
}

/** The message the broker publishes for this client if it goes away without a DISCONNECT. */
export function LastWillFields({ will, v5, errors, onChange }: LastWillFieldsProps) {
  const set = (changes: Partial<LastWill>) => onChange({ ...(will ?? EMPTY_WILL), ...changes });
  return (
    <fieldset className="fieldset">
      <legend>Last will</legend>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={will !== null}
          onChange={(event) => onChange(event.target.checked ? EMPTY_WILL : null)}
        />
        <span>Send a last will</span>
      </label>
      {will && (
        <>
          <label className="field">
            <span>Will topic</span>
            <input
              value={will.topic}
              onChange={(event) => set({ topic: event.target.value })}
              aria-invalid={errors.has('will.topic') ? true : undefined}
              spellCheck={false}
            />
            {errors.get('will.topic') && (
              <small className="field-error">{errors.get('will.topic')}</small>
            )}
          </label>
          <label className="field">
            <span>Will payload</span>
            <textarea
              rows={2}
              value={will.payload}
              onChange={(event) => set({ payload: event.target.value })}
            />
          </label>
          <div className="field-row field-row-end">
            <QosSelect label="Will QoS" value={will.qos} onChange={(qos) => set({ qos })} />
            <label className="checkbox">
              <input
                type="checkbox"
                checked={will.retain}
                onChange={(event) => set({ retain: event.target.checked })}
              />
              <span>Retain the will</span>
            </label>
          </div>
          {v5 && (
            <>
              <div className="field-row">
                <NumberField
                  label="Will delay (s)"
                  optional
                  value={will.delayIntervalSeconds}
                  onChange={(delayIntervalSeconds) => set({ delayIntervalSeconds })}
                  error={errors.get('will.delayIntervalSeconds')}
                />
                <NumberField
                  label="Will message expiry (s)"
                  optional
                  value={will.messageExpirySeconds}
                  onChange={(messageExpirySeconds) => set({ messageExpirySeconds })}
                  error={errors.get('will.messageExpirySeconds')}
                />
              </div>
              <label className="field">
                <span>Will content type</span>
                <input
                  value={will.contentType}
                  placeholder="application/json"
                  onChange={(event) => set({ contentType: event.target.value })}
                />
              </label>
              <UserPropertiesField
                legend="Will user property"
                value={will.userProperties}
                onChange={(userProperties) => set({ userProperties })}
              />
            </>
          )}
        </>
      )}
    </fieldset>
  );
}
