import { useRef, useState } from 'react';
import { useStore } from 'zustand';
import { Panel } from '../../../components/ui/panel.tsx';
import type { RecordingState } from '../../../services/mqtt/index.ts';
import type { KeepState } from '../recordings-store.ts';
import { RecordingsContext } from '../recordings-context.ts';
import { focusRecording } from '../recordings-store.ts';
import { ConnectionsContext } from '../../connections/connections-context.ts';
import { KeptRecordingsList } from './kept-recordings-list.tsx';
import { ReplayForm } from './replay-form.tsx';
import './recordings.css';

const DEMO_RECORDING_URL = '/demo-recording.jsonl';

function describe(state: RecordingState): string {
  switch (state.state) {
    case 'loading':
      return 'Opening…';
    case 'failed':
      return state.reason;
    case 'ready': {
      const count = `${state.messages.toLocaleString('en-US')} messages`;
      if (state.skipped === 0) return count;
      const lines = state.skippedLines.join(', ');
      return `${count} · ${state.skipped.toLocaleString('en-US')} damaged line(s) skipped (line ${lines}${state.skipped > state.skippedLines.length ? ', …' : ''})`;
    }
  }
}

/** A line under an opened file when its copy is not (yet) kept for after a reload. */
function KeepNote({ keep }: { keep: KeepState | undefined }) {
  if (keep?.state === 'saving') return <p className="kept-note muted">Keeping a copy…</p>;
  if (keep?.state !== 'not-kept') return null;
  return (
    <p className="kept-note recording-failed" role="alert">
      Not kept after a reload: {keep.reason}.
    </p>
  );
}

/**
 * Saved recordings (JSON Lines exports) opened again as read-only sources: browsed, searched
 * and charted like a broker, with no broker.
 */
export function RecordingsPanel() {
  const { store, open, close } = RecordingsContext.use();
  const recordings = useStore(store, (state) => state.recordings);
  const focusedId = useStore(store, (state) => state.focusedId);
  const hasConnections = useStore(
    ConnectionsContext.use().profiles,
    (state) => state.profiles.length > 0,
  );
  const [replayingId, setReplayingId] = useState<string | null>(null);
  const replaying = recordings.find((r) => r.id === replayingId && r.state.state === 'ready');
  const input = useRef<HTMLInputElement | null>(null);
  const [demoProblem, setDemoProblem] = useState<string | null>(null);
  // A minute of the simulator's traffic ships with the app: browse it, or replay it to any
  // broker for a demo with no devices.
  const openDemo = async () => {
    setDemoProblem(null);
    try {
      const response = await fetch(DEMO_RECORDING_URL);
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      // Not kept: the service worker caches it with the app's files.
      open(new File([await response.blob()], 'demo-recording.jsonl'), { keep: false });
    } catch (error) {
      setDemoProblem(
        `The demo recording could not be loaded: ${error instanceof Error ? error.message : String(error)}.`,
      );
    }
  };
  return (
    <Panel
      title="Recordings"
      className="recordings-panel"
      actions={
        <>
          <button type="button" className="button-secondary" onClick={() => void openDemo()}>
            Demo recording
          </button>
          <button type="button" className="button-secondary" onClick={() => input.current?.click()}>
            Open…
          </button>
        </>
      }
    >
      {demoProblem && (
        <p className="form-error" role="alert">
          {demoProblem}
        </p>
      )}
      <input
        ref={input}
        type="file"
        accept=".jsonl,.ndjson,application/x-ndjson,application/json"
        hidden
        aria-label="Open a recording"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) open(file);
          event.target.value = '';
        }}
      />
      {recordings.length === 0 ? (
        <p className="muted">Open a JSON Lines export to browse, search and chart it again.</p>
      ) : (
        <ul className="connection-list" aria-label="Open recordings">
          {recordings.map((recording) => (
            <li
              key={recording.id}
              className={`connection-item${recording.id === focusedId ? ' focused' : ''}`}
            >
              <button
                type="button"
                className="connection-focus"
                aria-current={recording.id === focusedId ? 'true' : undefined}
                aria-label={`Show ${recording.name}`}
                onClick={() => focusRecording(store, recording.id)}
              >
                <span
                  className="connection-swatch"
                  style={{ background: recording.color }}
                  aria-hidden="true"
                />
                <span className="connection-name">{recording.name}</span>
                <span
                  className={`connection-state${recording.state.state === 'failed' ? ' recording-failed' : ''}`}
                  role={recording.state.state === 'failed' ? 'alert' : undefined}
                >
                  {describe(recording.state)}
                </span>
              </button>
              <div className="connection-actions">
                {recording.state.state === 'ready' && hasConnections && (
                  <button
                    type="button"
                    className="button-ghost"
                    aria-label={`Replay ${recording.name} to a broker`}
                    aria-expanded={recording.id === replayingId}
                    onClick={() =>
                      setReplayingId(recording.id === replayingId ? null : recording.id)
                    }
                  >
                    Replay…
                  </button>
                )}
                <button
                  type="button"
                  className="button-ghost"
                  aria-label={`Close ${recording.name}`}
                  onClick={() => close(recording.id)}
                >
                  Close
                </button>
              </div>
              <KeepNote keep={recording.keep} />
            </li>
          ))}
        </ul>
      )}
      <KeptRecordingsList />
      {replaying && <ReplayForm key={replaying.id} recording={replaying} />}
    </Panel>
  );
}
