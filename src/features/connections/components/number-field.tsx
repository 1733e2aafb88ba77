import { useState } from 'react';

interface NumberFieldProps {
  label: string;
  value: number | null;
  /** NaN for text that is not a number, so validation can say so; null for empty when optional. */
  onChange: (value: number | null) => void;
  optional?: boolean;
  error?: string | undefined;
  placeholder?: string;
}

/** A number as typed: "-1" or "abc" reach validation and get a sentence, not a silent fix. */
export function NumberField({
  label,
  value,
  onChange,
  optional,
  error,
  placeholder,
}: NumberFieldProps) {
  const [text, setText] = useState(value === null ? '' : String(value));
  return (
    <label className="field">
      <span>{label}</span>
      <input
        inputMode="numeric"
        value={text}
        placeholder={placeholder ?? (optional ? 'not sent' : undefined)}
        aria-invalid={error ? true : undefined}
        onChange={(event) => {
          const typed = event.target.value;
          setText(typed);
          const trimmed = typed.trim();
          if (trimmed === '') onChange(optional ? null : Number.NaN);
          else onChange(/^-?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN);
        }}
      />
      {error && <small className="field-error">{error}</small>}
    </label>
  );
}
