import { useState } from 'react';
import type { ChangeEvent } from 'react';
import { Modal } from '../../../components/ui/modal.tsx';
import { exportProfiles, importProfiles } from '../../../core/profile-transfer.ts';
import { ConnectionsContext } from '../connections-context.ts';

type Outcome = { kind: 'ok' | 'error'; lines: string[] } | null;

/** Connections to and from a file: our own export, or MQTTX's. Loaded on demand. */
export default function TransferDialog({ onClose }: { onClose: () => void }) {
  const runtime = ConnectionsContext.use();
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const download = () => {
    const { profiles } = runtime.profiles.getState();
    const blob = new Blob([exportProfiles(profiles, { includeSecrets })], {
      type: 'application/json',
    });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `mqtt-scope-connections-${new Date().toISOString().slice(0, 10)}.json`;
    link.click();
    URL.revokeObjectURL(link.href);
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const text = await file.text();
    const usedColors = runtime.profiles.getState().profiles.map((p) => p.color);
    const result = importProfiles(text, { usedColors });
    if (!result.ok) return setOutcome({ kind: 'error', lines: [result.reason] });
    for (const { profile, subscriptions } of result.profiles) runtime.add(profile, subscriptions);
    const names = result.profiles.map(({ profile }) => profile.name).join(', ');
    setOutcome({
      kind: 'ok',
      lines: [`Imported ${result.profiles.length} connection(s): ${names}.`, ...result.warnings],
    });
  };

  return (
    <Modal title="Import and export connections" onClose={onClose}>
      <section className="transfer-section" aria-label="Export">
        <h3>Export</h3>
        <p className="form-note">
          Every connection as a JSON file, to move them to another browser or share them.
        </p>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={includeSecrets}
            onChange={(event) => setIncludeSecrets(event.target.checked)}
          />
          <span>Include saved passwords (anyone with the file can log in)</span>
        </label>
        <button type="button" className="button-primary" onClick={download}>
          Download connections
        </button>
      </section>
      <section className="transfer-section" aria-label="Import">
        <h3>Import</h3>
        <p className="form-note">
          A file exported from MQTT Scope, or MQTTX’s connection export (its subscriptions come
          along). Imported connections are added beside yours; nothing is replaced.
        </p>
        <label className="field">
          <span>Connections file</span>
          <input type="file" accept=".json,application/json" onChange={(e) => void onFile(e)} />
        </label>
        {outcome && (
          <div
            role={outcome.kind === 'error' ? 'alert' : 'status'}
            className={outcome.kind === 'error' ? 'form-error' : 'form-note'}
          >
            {outcome.lines.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
        )}
      </section>
    </Modal>
  );
}
