import type { OptionsEditorProps } from '../editor-props.ts';
import { NumberField, OptionalNumberField, TextField } from '../editor-fields.tsx';

export function GaugeEditor({ options, onChange }: OptionsEditorProps<'gauge'>) {
  return (
    <>
      <div className="field-row">
        <NumberField
          label="Minimum"
          value={options.min}
          onChange={(min) => onChange({ ...options, min })}
        />
        <NumberField
          label="Maximum"
          value={options.max}
          onChange={(max) => onChange({ ...options, max })}
        />
        <TextField
          label="Unit"
          value={options.unit}
          onChange={(unit) => onChange({ ...options, unit })}
        />
      </div>
      <div className="field-row">
        <OptionalNumberField
          label="Warning at (optional)"
          value={options.warn}
          onChange={(warn) => onChange({ ...options, warn })}
        />
        <OptionalNumberField
          label="Alarm at (optional)"
          value={options.alarm}
          onChange={(alarm) => onChange({ ...options, alarm })}
        />
        <label className="field">
          <span>Bad when the value is</span>
          <select
            value={options.badWhen}
            onChange={(e) =>
              onChange({ ...options, badWhen: e.target.value === 'below' ? 'below' : 'above' })
            }
          >
            <option value="above">at or above</option>
            <option value="below">at or below</option>
          </select>
        </label>
      </div>
    </>
  );
}
