import { ChartWindowSelect } from '../../../charts/components/chart-window-select.tsx';
import type { OptionsEditorProps } from '../editor-props.ts';
import { TextField } from '../editor-fields.tsx';

export function ChartEditor({ options, onChange }: OptionsEditorProps<'chart'>) {
  return (
    <div className="field-row">
      <TextField
        label="Unit"
        value={options.unit}
        onChange={(unit) => onChange({ ...options, unit })}
      />
      <ChartWindowSelect
        className="field"
        value={options.windowMs}
        onChange={(windowMs) => onChange({ ...options, windowMs })}
      />
    </div>
  );
}
