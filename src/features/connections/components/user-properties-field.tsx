import type { UserProperty } from '../../../core/connection-profile.ts';

interface UserPropertiesFieldProps {
  legend: string;
  value: readonly UserProperty[];
  onChange: (value: UserProperty[]) => void;
}

/** MQTT 5 user properties: name/value pairs; a name may repeat (§3.1.2.11.8). */
export function UserPropertiesField({ legend, value, onChange }: UserPropertiesFieldProps) {
  const set = (index: number, changes: Partial<UserProperty>) =>
    onChange(value.map((pair, i) => (i === index ? { ...pair, ...changes } : pair)));
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      {value.map((pair, index) => (
        <div className="field-row" key={index}>
          <label className="field">
            <span>Property name</span>
            <input value={pair.key} onChange={(event) => set(index, { key: event.target.value })} />
          </label>
          <label className="field">
            <span>Property value</span>
            <input
              value={pair.value}
              onChange={(event) => set(index, { value: event.target.value })}
            />
          </label>
          <button
            type="button"
            className="button-ghost"
            onClick={() => onChange(value.filter((_, i) => i !== index))}
            aria-label={`Remove ${legend.toLowerCase()} ${pair.key || index + 1}`}
          >
            ✕
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button-ghost"
        onClick={() => onChange([...value, { key: '', value: '' }])}
      >
        + Add {legend.toLowerCase()}
      </button>
    </fieldset>
  );
}
