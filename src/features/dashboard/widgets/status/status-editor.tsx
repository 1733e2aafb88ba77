import { TONES } from '../spec-reader.ts';
import type { Tone } from '../spec-reader.ts';
import type { OptionsEditorProps } from '../editor-props.ts';
import type { StatusMapping } from './status-spec.ts';

const TONE_NAMES: Record<Tone, string> = {
  ok: 'Green (good)',
  warn: 'Amber (warning)',
  alarm: 'Red (alarm)',
  neutral: 'Grey (neutral)',
};

export function StatusEditor({ options, onChange }: OptionsEditorProps<'status'>) {
  const change = (index: number, mapping: StatusMapping | null) => {
    const mappings = [...options.mappings];
    if (mapping) mappings[index] = mapping;
    else mappings.splice(index, 1);
    onChange({ ...options, mappings });
  };
  return (
    <fieldset className="fieldset">
      <legend>Words and colours for values</legend>
      {options.mappings.map((mapping, index) => (
        <div className="field-row" key={index}>
          <label className="field">
            <span>When the value is</span>
            <input
              value={mapping.match}
              onChange={(e) => change(index, { ...mapping, match: e.target.value })}
            />
          </label>
          <label className="field">
            <span>Show</span>
            <input
              value={mapping.label}
              onChange={(e) => change(index, { ...mapping, label: e.target.value })}
            />
          </label>
          <label className="field">
            <span>Colour</span>
            <select
              value={mapping.tone}
              onChange={(e) => change(index, { ...mapping, tone: e.target.value as Tone })}
            >
              {TONES.map((tone) => (
                <option key={tone} value={tone}>
                  {TONE_NAMES[tone]}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button-ghost"
            aria-label={`Remove the mapping for ${mapping.match || 'an empty value'}`}
            onClick={() => change(index, null)}
          >
            ✕
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button-secondary"
        onClick={() =>
          onChange({
            ...options,
            mappings: [...options.mappings, { match: '', label: '', tone: 'neutral' }],
          })
        }
      >
        + Add a value
      </button>
    </fieldset>
  );
}
