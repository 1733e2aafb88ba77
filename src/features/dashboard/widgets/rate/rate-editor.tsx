import type { OptionsEditorProps } from '../editor-props.ts';
import { DecimalsField, NumberField } from '../editor-fields.tsx';
import { MAX_RATE_HISTORY_SECONDS, MIN_RATE_HISTORY_SECONDS } from './rate-spec.ts';

export function RateEditor({ options, onChange }: OptionsEditorProps<'rate'>) {
  return (
    <div className="field-row">
      <DecimalsField
        value={options.decimals}
        onChange={(decimals) => onChange({ ...options, decimals })}
      />
      <NumberField
        label={`Sparkline span (${MIN_RATE_HISTORY_SECONDS}–${MAX_RATE_HISTORY_SECONDS} s)`}
        min={MIN_RATE_HISTORY_SECONDS}
        value={options.historySeconds}
        onChange={(historySeconds) => onChange({ ...options, historySeconds })}
      />
    </div>
  );
}
