import { useId } from 'react';
import type { ChangeEvent } from 'react';
import { useStore } from 'zustand';
import { formatJson } from '../../../core/publish-payload.ts';
import { formatBytes } from '../../../core/payload.ts';
import { attachFile, updateDraft } from '../publish-store.ts';
import type { DraftMode, PublishStore } from '../publish-store.ts';

const MODE_LABELS: Record<DraftMode, string> = {
  text: 'Text (UTF-8)',
  json: 'JSON',
  hex: 'Hex bytes',
  base64: 'Base64',
  file: "A file's bytes",
};

const PLACEHOLDERS: Record<DraftMode, string> = {
  text: 'Any text',
  json: '{"setpoint": 21.5}',
  hex: '01 ff a0 (spaces allowed)',
  base64: 'AQL/',
  file: '',
};

interface PayloadFieldProps {
  store: PublishStore;
  /** Why the payload cannot be sent, said beside it; null when it can. */
  problem: string | null;
  /** A refusal of the Format button (invalid JSON), shown like a problem. */
  onFormatFailed: (reason: string) => void;
}

/** The payload: how it is read (text, JSON, hex, base64, a file) and the text or the file. */
export function PayloadField({ store, problem, onFormatFailed }: PayloadFieldProps) {
  const mode = useStore(store, (state) => state.draft.mode);
  const text = useStore(store, (state) => state.draft.payload);
  const file = useStore(store, (state) => state.file);
  const problemId = 'publish-payload-problem';
  const textId = useId();

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    if (!chosen) return attachFile(store, null);
    void chosen
      .arrayBuffer()
      .then((buffer) => attachFile(store, { name: chosen.name, bytes: new Uint8Array(buffer) }));
  };

  const onFormat = () => {
    const formatted = formatJson(text);
    if (formatted.ok) updateDraft(store, { payload: formatted.text });
    else onFormatFailed(formatted.reason);
  };

  return (
    <div className="publish-payload">
      <div className="field-row">
        <label className="field">
          <span>Encoding</span>
          <select
            value={mode}
            onChange={(event) => updateDraft(store, { mode: event.target.value as DraftMode })}
          >
            {Object.entries(MODE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {mode === 'json' && (
          <button type="button" className="button-secondary" onClick={onFormat}>
            Format
          </button>
        )}
      </div>
      {mode === 'file' ? (
        <label className="field">
          <span>File to send</span>
          <input type="file" onChange={onFile} aria-describedby={problem ? problemId : undefined} />
          {file && (
            <span className="publish-file">
              {file.name} · {formatBytes(file.bytes.length)}
            </span>
          )}
        </label>
      ) : (
        <div className="field">
          {/* Not wrapped: a wrapping label would add the text typed to the field's name. */}
          <label htmlFor={textId}>Payload</label>
          <textarea
            id={textId}
            value={text}
            onChange={(event) => updateDraft(store, { payload: event.target.value })}
            rows={mode === 'json' ? 5 : 3}
            spellCheck={false}
            placeholder={PLACEHOLDERS[mode]}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? problemId : undefined}
          />
        </div>
      )}
      {problem && (
        <p id={problemId} className="field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
