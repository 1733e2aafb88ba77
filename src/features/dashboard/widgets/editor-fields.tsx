import { numberFrom, optionalNumberFrom, shown } from './editor-props.ts';

interface FieldProps<T> {
  label: string;
  value: T;
  onChange: (value: T) => void;
}

/** A labelled number input; left empty it gives NaN, which the spec's reader refuses. */
export function NumberField({
  label,
  value,
  onChange,
  min,
}: FieldProps<number> & { min?: number }) {
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="number"
        min={min}
        value={shown(value)}
        onChange={(e) => onChange(numberFrom(e.target.value))}
      />
    </label>
  );
}

/** A labelled number input that may be left empty (null). */
export function OptionalNumberField({ label, value, onChange }: FieldProps<number | null>) {
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="number"
        value={shown(value)}
        onChange={(e) => onChange(optionalNumberFrom(e.target.value))}
      />
    </label>
  );
}

/** A labelled text input. */
export function TextField({
  label,
  value,
  onChange,
  placeholder,
  maxLength,
}: FieldProps<string> & { placeholder?: string; maxLength?: number }) {
  return (
    <label className="field">
      <span>{label}</span>
      <input
        value={value}
        placeholder={placeholder}
        maxLength={maxLength}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}

/** A labelled checkbox. */
export function CheckboxField({ label, value, onChange }: FieldProps<boolean>) {
  return (
    <label className="checkbox">
      <input type="checkbox" checked={value} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

/** "Decimals": how many a widget's reading shows (its reader sets the range). */
export function DecimalsField({ value, onChange }: Omit<FieldProps<number>, 'label'>) {
  return <NumberField label="Decimals" min={0} value={value} onChange={onChange} />;
}
