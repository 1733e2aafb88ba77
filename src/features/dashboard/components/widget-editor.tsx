import { useState } from 'react';
import type { FormEvent } from 'react';
import { Modal } from '../../../components/ui/modal.tsx';
import { readWidget, WIDGET_KINDS } from '../dashboard-model.ts';
import type { WidgetOptions, WidgetSpec } from '../dashboard-model.ts';
import type { WidgetConnection } from '../dashboard-context.ts';
import { SpecProblem } from '../widgets/spec-reader.ts';
import { ChartEditor } from '../widgets/chart/chart-editor.tsx';
import { GaugeEditor } from '../widgets/gauge/gauge-editor.tsx';
import { BigNumberEditor } from '../widgets/big-number/big-number-editor.tsx';
import { StatusEditor } from '../widgets/status/status-editor.tsx';
import { TableEditor } from '../widgets/table/table-editor.tsx';
import { RateEditor } from '../widgets/rate/rate-editor.tsx';

interface WidgetEditorProps {
  initial: WidgetSpec;
  isNew: boolean;
  connections: readonly WidgetConnection[];
  onSave: (widget: WidgetSpec) => void;
  onClose: () => void;
}

function OptionsEditor({
  options,
  onChange,
}: {
  options: WidgetOptions;
  onChange: (options: WidgetOptions) => void;
}) {
  switch (options.kind) {
    case 'chart':
      return <ChartEditor options={options} onChange={onChange} />;
    case 'gauge':
      return <GaugeEditor options={options} onChange={onChange} />;
    case 'big-number':
      return <BigNumberEditor options={options} onChange={onChange} />;
    case 'status':
      return <StatusEditor options={options} onChange={onChange} />;
    case 'table':
      return <TableEditor options={options} onChange={onChange} />;
    case 'rate':
      return <RateEditor options={options} onChange={onChange} />;
  }
}

/** The dialog that sets up a widget; loaded when first opened, never on the first screen. */
export default function WidgetEditor({
  initial,
  isNew,
  connections,
  onSave,
  onClose,
}: WidgetEditorProps) {
  const [spec, setSpec] = useState<WidgetSpec>(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const kindLabel = WIDGET_KINDS.find((k) => k.kind === spec.kind)?.label ?? spec.kind;
  const set = (fields: Partial<WidgetSpec>) => setSpec((s) => ({ ...s, ...fields }) as WidgetSpec);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    try {
      onSave(readWidget({ ...spec, title: spec.title.trim() }));
    } catch (error) {
      if (!(error instanceof SpecProblem)) throw error;
      setProblem(`This widget cannot be saved: ${error.message}.`);
    }
  };

  return (
    <Modal title={`${isNew ? 'Add' : 'Edit'} ${kindLabel.toLowerCase()}`} onClose={onClose}>
      <form
        className="form widget-editor"
        aria-label="Widget settings"
        onSubmit={submit}
        noValidate
      >
        <label className="field">
          <span>Title</span>
          <input value={spec.title} onChange={(e) => set({ title: e.target.value })} />
        </label>
        {connections.length > 1 && (
          <label className="field">
            <span>Connection</span>
            <select
              value={spec.connectionId}
              onChange={(e) => set({ connectionId: e.target.value })}
            >
              {connections.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <div className="field-row">
          <label className="field">
            <span>Topic filter</span>
            <input
              value={spec.filter}
              placeholder="sensors/+/temperature"
              onChange={(e) => set({ filter: e.target.value })}
            />
          </label>
          {/* A rate counts messages: it reads no payload. */}
          {spec.kind !== 'rate' && (
            <label className="field">
              <span>JSON field (optional)</span>
              <input
                value={spec.jsonPath}
                placeholder="temperature"
                onChange={(e) => set({ jsonPath: e.target.value })}
              />
            </label>
          )}
        </div>
        <OptionsEditor
          options={spec}
          onChange={(options) => setSpec((s) => ({ ...s, ...options }) as WidgetSpec)}
        />
        <p className="form-error" role="alert">
          {problem}
        </p>
        <div className="modal-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button-primary">
            {isNew ? 'Add widget' : 'Save widget'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
