import { lazy, Suspense, useState } from 'react';
import { useStore } from 'zustand';
import { Panel } from '../../../components/ui/panel.tsx';
import type { DecoderSettings } from '../../../core/decoder-settings.ts';
import { DecodersContext } from '../decoders-context.ts';
import './decoders.css';

const DecodersDialog = lazy(() => import('./decoders-dialog.tsx'));

/**
 * The connection's decoder rules and .proto files in one line, what failed said in words, and
 * the button that opens the Decoders dialog (loaded when first opened).
 */
export function DecodersPanel({
  connectionId,
  connectionName,
  settings,
}: {
  connectionId: string;
  connectionName: string;
  settings: DecoderSettings;
}) {
  const { status } = DecodersContext.use();
  const current = useStore(status, (state) => state.byConnection[connectionId]);
  const [open, setOpen] = useState(false);
  const failed = current?.schemas.filter((schema) => schema.state.state === 'failed') ?? [];
  const problems = current?.ruleProblems ?? [];
  const { rules, schemas } = settings;
  return (
    <Panel title="Decoders" actions={<span className="panel-context">{connectionName}</span>}>
      <p className="decoders-summary">
        {rules.length === 0 && schemas.length === 0
          ? 'Sparkplug B by its topics, CBOR, MessagePack and Protobuf by content type; JSON and text by their bytes.'
          : `${rules.length} rule${rules.length === 1 ? '' : 's'} · ${schemas.length} .proto file${schemas.length === 1 ? '' : 's'}`}
      </p>
      {(failed.length > 0 || problems.length > 0) && (
        <ul className="decoders-problems" aria-label="Decoder problems">
          {failed.map(({ schemaId, state }) => (
            <li key={schemaId}>
              The .proto file {schemaId} could not be read:{' '}
              {state.state === 'failed' ? state.reason : ''}
            </li>
          ))}
          {problems.map((problem) => (
            <li key={`${problem.index}:${problem.filter}`}>
              Rule for {problem.filter}: {problem.reason}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button-secondary" onClick={() => setOpen(true)}>
        Decoders…
      </button>
      {open && (
        <Suspense fallback={<p className="muted">Loading the decoder settings…</p>}>
          <DecodersDialog
            connectionId={connectionId}
            connectionName={connectionName}
            settings={settings}
            onClose={() => setOpen(false)}
          />
        </Suspense>
      )}
    </Panel>
  );
}
