import { useId, useState } from 'react';
import type { ChangeEvent, FormEvent } from 'react';
import { useStore } from 'zustand';
import { FormError } from '../../../components/ui/form-error.tsx';
import { Modal } from '../../../components/ui/modal.tsx';
import {
  MAX_PROTO_BYTES,
  withFilterDecoder,
  withoutSchema,
  withSchema,
} from '../../../core/decoder-settings.ts';
import type { DecoderSettings } from '../../../core/decoder-settings.ts';
import { decoderChoices, pickLabel, pickOfValue } from '../../../core/decoders/decoder-choices.ts';
import type { SchemaState } from '../../../core/decoders/index.ts';
import { formatBytes } from '../../../core/payload.ts';
import { validateTopicFilter } from '../../../core/topic-filter.ts';
import { DecodersContext } from '../decoders-context.ts';
import { protoTypesOf } from '../decoders-store.ts';

function describeSchema(state: SchemaState | undefined): string {
  if (!state || state.state === 'compiling') return 'reading…';
  if (state.state === 'failed') return `could not be read: ${state.reason}`;
  const count = state.messageTypes.length;
  if (count === 0) return 'read, but it defines no message types';
  return `${count} message type${count === 1 ? '' : 's'}: ${state.messageTypes.join(', ')}`;
}

/** A file name as a schema id: the `|` separates a choice's parts, so it is replaced. */
const schemaIdOf = (name: string) => name.replace(/\|/g, '_') || 'schema.proto';

/**
 * The decoder settings of one connection: .proto files, the rules that map topic filters to a
 * decoder (first match wins), and how the worker is doing with them. Loaded on demand.
 */
export default function DecodersDialog({
  connectionId,
  connectionName,
  settings,
  onClose,
}: {
  connectionId: string;
  connectionName: string;
  settings: DecoderSettings;
  onClose: () => void;
}) {
  const { status, update } = DecodersContext.use();
  const current = useStore(status, (state) => state.byConnection[connectionId]);
  const protoTypes = protoTypesOf(current);
  const choices = decoderChoices(protoTypes);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const [decoder, setDecoder] = useState('cbor');
  const [ruleError, setRuleError] = useState<string | null>(null);
  const fileId = useId();
  const change = (fn: (settings: DecoderSettings) => DecoderSettings) => update(connectionId, fn);
  const stateOf = (schemaId: string) =>
    current?.schemas.find((schema) => schema.schemaId === schemaId)?.state;
  const problemOf = (index: number) =>
    current?.ruleProblems.find((problem) => problem.index === index)?.reason;

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_PROTO_BYTES) {
      setUploadError(
        `${file.name} is ${formatBytes(file.size)}; a .proto file may be at most ${formatBytes(MAX_PROTO_BYTES)}.`,
      );
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      setUploadError(`${file.name} could not be read: ${String(error)}`);
      return;
    }
    setUploadError(null);
    const schemaId = schemaIdOf(file.name);
    setUploaded(schemaId);
    change((settings) => withSchema(settings, { schemaId, text }));
  };

  const onAddRule = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = filter.trim();
    const check = validateTopicFilter(trimmed);
    if (!check.ok) return setRuleError(check.reason);
    const pick = pickOfValue(decoder);
    if (!pick) return setRuleError('Choose a decoder.');
    setRuleError(null);
    change((settings) => withFilterDecoder(settings, trimmed, pick));
    setFilter('');
  };

  const move = (index: number) =>
    change((settings) => {
      const rules = [...settings.rules];
      const [rule] = rules.splice(index, 1);
      if (rule) rules.splice(index - 1, 0, rule);
      return { ...settings, rules };
    });

  const uploadedState = uploaded ? stateOf(uploaded) : undefined;

  return (
    <Modal title={`Decoders · ${connectionName}`} onClose={onClose} className="decoders-dialog">
      <p className="muted">
        A decoder is chosen from evidence only: a rule below, then the MQTT 5 content type, then the
        Sparkplug B topic namespace. Anything else is shown as JSON, text or hex.
      </p>

      <section aria-labelledby={`${fileId}-schemas`}>
        <h3 id={`${fileId}-schemas`}>Protobuf schemas</h3>
        <label className="field" htmlFor={fileId}>
          <span>Upload a .proto file</span>
        </label>
        <input
          id={fileId}
          type="file"
          accept=".proto,text/plain"
          onChange={(event) => void onFile(event)}
        />
        <FormError message={uploadError} />
        {uploaded && uploadedState?.state === 'failed' && (
          <p className="form-error" role="alert">
            The .proto file {uploaded} could not be read: {uploadedState.reason}
          </p>
        )}
        {uploaded && uploadedState?.state === 'ready' && (
          <p className="form-note" role="status">
            {uploaded} is loaded: {describeSchema(uploadedState)}. Map a topic filter to one of its
            message types below.
          </p>
        )}
        {settings.schemas.length > 0 && (
          <ul className="decoders-list" aria-label=".proto files">
            {settings.schemas.map(({ schemaId }) => {
              const state = stateOf(schemaId);
              return (
                <li key={schemaId} className={state?.state === 'failed' ? 'failed' : ''}>
                  <span>
                    <code>{schemaId}</code> · {describeSchema(state)}
                  </span>
                  <button
                    type="button"
                    className="button-ghost"
                    onClick={() => change((s) => withoutSchema(s, schemaId))}
                    aria-label={`Remove ${schemaId}`}
                  >
                    Remove
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby={`${fileId}-rules`}>
        <h3 id={`${fileId}-rules`}>Rules</h3>
        <form className="form decoders-rule-form" onSubmit={onAddRule} aria-label="Add a rule">
          <div className="field-row">
            <label className="field">
              <span>Topic filter</span>
              <input
                value={filter}
                onChange={(event) => setFilter(event.target.value)}
                placeholder="factory/+/pb or demo/cbor/#"
                spellCheck={false}
                aria-invalid={ruleError ? true : undefined}
              />
            </label>
            <div className="field">
              <label htmlFor={`${fileId}-decoder`}>Decoder</label>
              <select
                id={`${fileId}-decoder`}
                value={decoder}
                onChange={(event) => setDecoder(event.target.value)}
              >
                {choices.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <FormError message={ruleError} />
          <button type="submit" className="button-primary">
            Add rule
          </button>
        </form>
        {settings.rules.length === 0 ? (
          <p className="empty">No rules: decoders are chosen by content type and topic.</p>
        ) : (
          <ol className="decoders-list" aria-label="Decoder rules">
            {settings.rules.map((rule, index) => {
              const problem = problemOf(index);
              return (
                <li key={`${rule.filter}`} className={problem ? 'failed' : ''}>
                  <span>
                    <code>{rule.filter}</code> → {pickLabel(rule)}
                    {problem && <span className="decoders-problem"> · {problem}</span>}
                  </span>
                  <span className="decoders-actions">
                    {index > 0 && (
                      <button
                        type="button"
                        className="button-ghost"
                        onClick={() => move(index)}
                        aria-label={`Move the rule for ${rule.filter} up`}
                      >
                        ↑
                      </button>
                    )}
                    <button
                      type="button"
                      className="button-ghost"
                      onClick={() => change((s) => withFilterDecoder(s, rule.filter, null))}
                      aria-label={`Remove the rule for ${rule.filter}`}
                    >
                      Remove
                    </button>
                  </span>
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </Modal>
  );
}
