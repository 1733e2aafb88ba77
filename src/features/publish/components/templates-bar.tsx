import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useStore } from 'zustand';
import { FormError } from '../../../components/ui/form-error.tsx';
import { updateDraft } from '../publish-store.ts';
import { deleteTemplate, saveTemplate } from '../publish-templates.ts';
import { PublishContext } from '../publish-context.ts';

/** Saved messages with names: choose one to fill the form, or save the form under a name. */
export function TemplatesBar() {
  const { store, templates } = PublishContext.use();
  const saved = useStore(templates, (state) => state.templates);
  const [selected, setSelected] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const selectId = useId();

  const load = (chosen: string) => {
    setSelected(chosen);
    const template = saved.find((t) => t.name === chosen);
    if (!template) return;
    const { topic, payload, mode, qos, retain } = template;
    updateDraft(store, { topic, payload, mode, qos, retain });
    setName(template.name);
  };

  const onSave = (event: FormEvent) => {
    event.preventDefault();
    const { draft } = store.getState();
    if (name.trim() === '') return setError('Give the template a name.');
    if (draft.mode === 'file') return setError("A file's bytes are not saved in a template.");
    setError(null);
    saveTemplate(templates, { ...draft, mode: draft.mode, name });
    setSelected(name.trim());
  };

  return (
    <form className="publish-templates" onSubmit={onSave} aria-label="Templates">
      {saved.length > 0 && (
        <div className="field-row">
          <div className="field">
            <label htmlFor={selectId}>Template</label>
            <select id={selectId} value={selected} onChange={(event) => load(event.target.value)}>
              <option value="">Choose a saved template…</option>
              {saved.map((t) => (
                <option key={t.name} value={t.name}>
                  {t.name}
                </option>
              ))}
            </select>
          </div>
          {selected && (
            <button
              type="button"
              className="button-ghost"
              aria-label={`Delete the template ${selected}`}
              onClick={() => {
                deleteTemplate(templates, selected);
                setSelected('');
              }}
            >
              Delete
            </button>
          )}
        </div>
      )}
      <div className="field-row">
        <label className="field">
          <span>Template name</span>
          <input value={name} onChange={(event) => setName(event.target.value)} maxLength={80} />
        </label>
        <button type="submit" className="button-secondary">
          Save template
        </button>
      </div>
      <FormError message={error} />
    </form>
  );
}
