import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useStore } from 'zustand';
import type { ReplaySpeed } from '../../../core/replay/replay-plan.ts';
import type { ReplayState } from '../../../services/mqtt/index.ts';
import { ConnectionsContext } from '../../connections/connections-context.ts';
import { RecordingsContext } from '../recordings-context.ts';
import type { OpenRecording } from '../recordings-store.ts';
import { describeReplay } from '../replay-store.ts';

const SPEEDS: { value: ReplaySpeed; label: string }[] = [
  { value: 1, label: '1x (as recorded)' },
  { value: 10, label: '10x' },
  { value: 'max', label: 'As fast as possible' },
];

type Control = { action: 'pause' | 'resume' | 'stop'; label: string };

/** The buttons a replay in `state` offers. */
function controls(state: ReplayState | undefined): Control[] {
  switch (state?.state) {
    case 'running':
      return [
        { action: 'pause', label: 'Pause' },
        { action: 'stop', label: 'Stop' },
      ];
    case 'paused':
      return [
        { action: 'resume', label: 'Resume' },
        { action: 'stop', label: 'Stop' },
      ];
    case 'loading':
      return [{ action: 'stop', label: 'Stop' }];
    default:
      return [];
  }
}

/**
 * Replays an open recording to a broker through one of the user's connections: for a demo with
 * no devices, or to drive a system with traffic recorded elsewhere.
 */
export function ReplayForm({ recording }: { recording: OpenRecording }) {
  const connections = ConnectionsContext.use();
  const { replays, replay, controlReplay } = RecordingsContext.use();
  const profiles = useStore(connections.profiles, (state) => state.profiles);
  const [targetId, setTargetId] = useState(profiles[0]?.id ?? '');
  const [speed, setSpeed] = useState<ReplaySpeed>(1);
  const [prefix, setPrefix] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const state = useStore(replays, (s) => s.replays[targetId]);
  const target = profiles.find((p) => p.id === targetId);
  const status = useStore(connections.statusFor(targetId), (s) => s.status);
  const id = useId();
  const busy =
    state?.state === 'running' || state?.state === 'paused' || state?.state === 'loading';

  const start = (event: FormEvent) => {
    event.preventDefault();
    if (!target) return setProblem('Add a connection to replay to.');
    if (status.status !== 'connected') {
      return setProblem(`Connect "${target.name}" first: a replay goes out through it.`);
    }
    setProblem(null);
    replay(targetId, recording.file, speed, prefix);
  };

  return (
    <form className="replay-form" aria-label={`Replay ${recording.name}`} onSubmit={start}>
      <div className="field-row">
        <label className="field">
          <span>Replay to</span>
          <select value={targetId} onChange={(event) => setTargetId(event.target.value)}>
            {profiles.map((profile) => (
              <option key={profile.id} value={profile.id}>
                {profile.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Speed</span>
          <select
            value={String(speed)}
            onChange={(event) =>
              setSpeed(
                event.target.value === 'max' ? 'max' : (Number(event.target.value) as 1 | 10),
              )
            }
          >
            {SPEEDS.map((option) => (
              <option key={option.label} value={String(option.value)}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="field">
        <span>Topic prefix (optional)</span>
        <input
          value={prefix}
          placeholder="replay/"
          spellCheck={false}
          onChange={(event) => setPrefix(event.target.value)}
        />
      </label>
      <div className="replay-actions">
        <button type="submit" className="button-primary" disabled={busy}>
          Start replay
        </button>
        {controls(state).map(({ action, label }) => (
          <button
            key={action}
            type="button"
            className="button-secondary"
            onClick={() => controlReplay(targetId, action)}
          >
            {label}
          </button>
        ))}
      </div>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      {state && (
        <div className="replay-progress">
          {'total' in state && (
            <progress
              id={`${id}-progress`}
              max={Math.max(1, state.total)}
              value={state.sent}
              aria-label="Replay progress"
            />
          )}
          <p role={state.state === 'failed' ? 'alert' : 'status'} className="muted">
            {describeReplay(state)}
          </p>
        </div>
      )}
    </form>
  );
}
