import type { OptionsEditorProps } from '../editor-props.ts';
import { CheckboxField, DecimalsField, NumberField, TextField } from '../editor-fields.tsx';

export function BigNumberEditor({ options, onChange }: OptionsEditorProps<'big-number'>) {
  return (
    <>
      <div className="field-row">
        <TextField
          label="Unit"
          value={options.unit}
          onChange={(unit) => onChange({ ...options, unit })}
        />
        <DecimalsField
          value={options.decimals}
          onChange={(decimals) => onChange({ ...options, decimals })}
        />
        <NumberField
          label="Stale after (seconds)"
          min={1}
          value={options.staleAfterSeconds}
          onChange={(staleAfterSeconds) => onChange({ ...options, staleAfterSeconds })}
        />
      </div>
      <CheckboxField
        label="Sparkline of the last 5 minutes"
        value={options.sparkline}
        onChange={(sparkline) => onChange({ ...options, sparkline })}
      />
    </>
  );
}
