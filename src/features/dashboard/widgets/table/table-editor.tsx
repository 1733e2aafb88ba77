import type { OptionsEditorProps } from '../editor-props.ts';
import { TextField } from '../editor-fields.tsx';

export function TableEditor({ options, onChange }: OptionsEditorProps<'table'>) {
  return (
    <TextField
      label="Unit"
      value={options.unit}
      onChange={(unit) => onChange({ ...options, unit })}
    />
  );
}
