import { useId, useRef, useState } from 'react';
import {
  MAX_BANDS,
  MAX_LOOK_LABEL,
  MAX_THRESHOLDS,
  bandEndsError,
  parseLookNumber,
} from '../../../core/chart-look.ts';
import type { ChartBand, ChartLook, ChartThreshold } from '../../../core/chart-look.ts';

const LINE_COLORS = ['#f97316', '#dc2626', '#eab308', '#a855f7', '#2563eb'];
const BAND_COLORS = ['#22c55e', '#ef4444', '#eab308', '#3b82f6', '#a855f7'];

interface LineRow {
  key: number;
  value: string;
  color: string;
  label: string;
}

interface BandRow {
  key: number;
  from: string;
  to: string;
  color: string;
  label: string;
}

/** Keys of the rows being edited, so React keeps each input with its row when one is removed. */
let lastRowKey = 0;
const newKey = () => (lastRowKey += 1);

const text = (value: number | undefined) => (value === undefined ? '' : String(value));
const withLabel = <T extends object>(item: T, label: string): T =>
  label.trim() ? { ...item, label: label.trim() } : item;

/**
 * The editor of a chart's threshold lines and bands. Each number is checked where it is typed:
 * text, NaN, Infinity and a band whose From is not below its To are refused beside the field.
 */
export function ChartLookForm(props: {
  title: string;
  thresholds: readonly ChartThreshold[];
  bands: readonly ChartBand[];
  onSave: (look: Pick<ChartLook, 'thresholds' | 'bands'>) => void;
  onCancel: () => void;
}) {
  const { title, onSave, onCancel } = props;
  const id = useId();
  const [lines, setLines] = useState<LineRow[]>(() =>
    props.thresholds.map((line) => ({
      key: newKey(),
      value: text(line.value),
      color: line.color,
      label: line.label ?? '',
    })),
  );
  const [bands, setBands] = useState<BandRow[]>(() =>
    props.bands.map((band) => ({
      key: newKey(),
      from: text(band.from),
      to: text(band.to),
      color: band.color,
      label: band.label ?? '',
    })),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const fieldId = (key: number, field: string) => `${id}-${key}-${field}`;

  const editLine = (key: number, patch: Partial<LineRow>) =>
    setLines((rows) => rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const editBand = (key: number, patch: Partial<BandRow>) =>
    setBands((rows) => rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  const submit = () => {
    const found: Record<string, string> = {};
    const thresholds: ChartThreshold[] = [];
    for (const row of lines) {
      const parsed = parseLookNumber(row.value, false);
      if (!parsed.ok) found[fieldId(row.key, 'value')] = parsed.error;
      else
        thresholds.push(withLabel({ value: parsed.value as number, color: row.color }, row.label));
    }
    const saved: ChartBand[] = [];
    for (const row of bands) {
      const from = parseLookNumber(row.from, true);
      const to = parseLookNumber(row.to, true);
      if (!from.ok) found[fieldId(row.key, 'from')] = from.error;
      if (!to.ok) found[fieldId(row.key, 'to')] = to.error;
      if (!from.ok || !to.ok) continue;
      const wrong = bandEndsError(from.value, to.value);
      if (wrong) {
        found[fieldId(row.key, 'to')] = wrong;
        continue;
      }
      const band: ChartBand = { color: row.color };
      if (from.value !== undefined) band.from = from.value;
      if (to.value !== undefined) band.to = to.value;
      saved.push(withLabel(band, row.label));
    }
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      formRef.current?.querySelector<HTMLInputElement>(`[id="${first}"]`)?.focus();
      return;
    }
    onSave({ thresholds, bands: saved });
  };

  /** A text field for a number, with its message beside it when it is refused. */
  const numberField = (
    key: number,
    field: string,
    name: string,
    value: string,
    onChange: (value: string) => void,
    placeholder?: string,
  ) => {
    const fid = fieldId(key, field);
    const error = errors[fid];
    return (
      // The message sits beside the field, outside its label, so the field keeps a short name.
      <div className="look-field">
        <label htmlFor={fid}>{name}</label>
        <input
          id={fid}
          type="text"
          inputMode="decimal"
          value={value}
          placeholder={placeholder}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${fid}-error` : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
        {error && (
          <span className="field-error" id={`${fid}-error`}>
            {error}
          </span>
        )}
      </div>
    );
  };

  const colorAndLabel = (
    row: { color: string; label: string },
    onChange: (patch: { color?: string; label?: string }) => void,
  ) => (
    <>
      <label className="look-field">
        <span>Colour</span>
        <input
          type="color"
          value={row.color}
          onChange={(event) => onChange({ color: event.target.value })}
        />
      </label>
      <label className="look-field look-label">
        <span>Label</span>
        <input
          type="text"
          value={row.label}
          maxLength={MAX_LOOK_LABEL}
          placeholder="optional"
          onChange={(event) => onChange({ label: event.target.value })}
        />
      </label>
    </>
  );

  return (
    <form
      ref={formRef}
      className="chart-look-form"
      aria-label={`Lines and bands of ${title}`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <fieldset>
        <legend>Threshold lines</legend>
        {lines.map((row, index) => (
          <div key={row.key} className="look-row" role="group" aria-label={`Line ${index + 1}`}>
            {numberField(row.key, 'value', 'Value', row.value, (value) =>
              editLine(row.key, { value }),
            )}
            {colorAndLabel(row, (patch) => editLine(row.key, patch))}
            <button
              type="button"
              className="button-ghost look-remove"
              aria-label={`Remove line ${index + 1}`}
              title="Remove this line"
              onClick={() => setLines((rows) => rows.filter((other) => other.key !== row.key))}
            >
              ✕
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button-ghost look-add"
          disabled={lines.length >= MAX_THRESHOLDS}
          title={lines.length >= MAX_THRESHOLDS ? `At most ${MAX_THRESHOLDS} lines` : undefined}
          onClick={() =>
            setLines((rows) => [
              ...rows,
              {
                key: newKey(),
                value: '',
                color: LINE_COLORS[rows.length % LINE_COLORS.length] as string,
                label: '',
              },
            ])
          }
        >
          + Add threshold line
        </button>
      </fieldset>
      <fieldset>
        <legend>Bands</legend>
        {bands.map((row, index) => (
          <div key={row.key} className="look-row" role="group" aria-label={`Band ${index + 1}`}>
            {numberField(
              row.key,
              'from',
              'From',
              row.from,
              (from) => editBand(row.key, { from }),
              'open',
            )}
            {numberField(row.key, 'to', 'To', row.to, (to) => editBand(row.key, { to }), 'open')}
            {colorAndLabel(row, (patch) => editBand(row.key, patch))}
            <button
              type="button"
              className="button-ghost look-remove"
              aria-label={`Remove band ${index + 1}`}
              title="Remove this band"
              onClick={() => setBands((rows) => rows.filter((other) => other.key !== row.key))}
            >
              ✕
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button-ghost look-add"
          disabled={bands.length >= MAX_BANDS}
          title={bands.length >= MAX_BANDS ? `At most ${MAX_BANDS} bands` : undefined}
          onClick={() =>
            setBands((rows) => [
              ...rows,
              {
                key: newKey(),
                from: '',
                to: '',
                color: BAND_COLORS[rows.length % BAND_COLORS.length] as string,
                label: '',
              },
            ])
          }
        >
          + Add band
        </button>
        <p className="field-help">An empty From or To leaves that end of the band open.</p>
      </fieldset>
      <div className="look-actions">
        <button type="submit" className="button-secondary">
          Save
        </button>
        <button type="button" className="button-ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
