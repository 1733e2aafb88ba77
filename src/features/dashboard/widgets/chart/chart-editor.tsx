import { MAX_EXTRA_SERIES, MAX_SERIES_NAME } from '../../../../core/chart-series.ts';
import type { ExtraSeries } from '../../../../core/chart-series.ts';
import { ChartWindowSelect } from '../../../charts/components/chart-window-select.tsx';
import type { OptionsEditorProps } from '../editor-props.ts';
import { TextField } from '../editor-fields.tsx';

/**
 * Unit and window, the display name of the filter's own series, and up to four more series
 * (another filter or another field, with a name each) drawn on the same chart.
 */
export function ChartEditor({ options, onChange }: OptionsEditorProps<'chart'>) {
  const extra = options.extraSeries ?? [];
  const setExtra = (extraSeries: ExtraSeries[]) => onChange({ ...options, extraSeries });
  const change = (index: number, patch: Partial<ExtraSeries>) =>
    setExtra(extra.map((series, i) => (i === index ? { ...series, ...patch } : series)));
  return (
    <>
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
      <fieldset className="fieldset chart-series-fields">
        <legend>Series</legend>
        <TextField
          label="Name of the filter’s lines (optional)"
          value={options.seriesName ?? ''}
          maxLength={MAX_SERIES_NAME}
          placeholder="named by topic"
          onChange={(seriesName) => onChange({ ...options, seriesName })}
        />
        {extra.map((series, index) => {
          const number = index + 2;
          return (
            <div key={index} className="field-row" role="group" aria-label={`Series ${number}`}>
              <TextField
                label={`Series ${number}: topic filter`}
                value={series.filter}
                placeholder="plant/+/env"
                onChange={(filter) => change(index, { filter })}
              />
              <TextField
                label="JSON field (optional)"
                value={series.jsonPath}
                placeholder="humidity"
                onChange={(jsonPath) => change(index, { jsonPath })}
              />
              <TextField
                label="Name (optional)"
                value={series.name}
                maxLength={MAX_SERIES_NAME}
                onChange={(name) => change(index, { name })}
              />
              <button
                type="button"
                className="button-ghost chart-series-remove"
                aria-label={`Remove series ${number}`}
                onClick={() => setExtra(extra.filter((_, i) => i !== index))}
              >
                Remove
              </button>
            </div>
          );
        })}
        <button
          type="button"
          className="button-secondary"
          disabled={extra.length >= MAX_EXTRA_SERIES}
          onClick={() => setExtra([...extra, { filter: '', jsonPath: '', name: '' }])}
        >
          Add a series
        </button>
        {extra.length >= MAX_EXTRA_SERIES && (
          <p className="form-note">A chart draws at most {MAX_EXTRA_SERIES + 1} series.</p>
        )}
      </fieldset>
    </>
  );
}
