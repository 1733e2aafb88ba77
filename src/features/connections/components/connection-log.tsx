import { useState } from 'react';
import { useStore } from 'zustand';
import { Modal } from '../../../components/ui/modal.tsx';
import { profileUrl } from '../../../core/broker-url.ts';
import type { ConnectionProfile } from '../../../core/connection-profile.ts';
import type { LogEntry } from '../../../services/mqtt/index.ts';
import { ConnectionsContext } from '../connections-context.ts';

/** The log as plain text for a bug report: what was tried, in order, without any secret. */
export function logAsText(profile: ConnectionProfile, entries: readonly LogEntry[]): string {
  const header = [
    `MQTT Scope connection log: ${profile.name}`,
    `Broker: ${profileUrl(profile)}, MQTT ${profile.protocolVersion === 5 ? '5.0' : '3.1.1'}, client ID ${profile.clientId}`,
    `Page: ${navigator.userAgent}`,
    '',
  ];
  const lines = entries.map(
    (entry) =>
      `${new Date(entry.time).toISOString()} ${entry.level.toUpperCase().padEnd(5)} ${entry.text}`,
  );
  return [...header, ...lines].join('\n');
}

/** Attempts, CONNACKs, SUBACKs, disconnects and reconnects of one connection; on demand. */
export default function ConnectionLog({
  profile,
  onClose,
}: {
  profile: ConnectionProfile;
  onClose: () => void;
}) {
  const { statusFor } = ConnectionsContext.use();
  const log = useStore(statusFor(profile.id), (state) => state.log);
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(logAsText(profile, log));
      setCopied('Copied: paste it into your bug report.');
    } catch {
      setCopied('The browser did not allow copying: select the text below and copy it.');
    }
  };
  return (
    <Modal title={`Log of ${profile.name}`} onClose={onClose} className="modal-wide">
      <div className="modal-actions modal-actions-start">
        <button type="button" className="button-primary" onClick={() => void copy()}>
          Copy as text
        </button>
        {copied && <span role="status">{copied}</span>}
      </div>
      {log.length === 0 ? (
        <p className="empty">Nothing yet: connect to see each step here.</p>
      ) : (
        <ol className="connection-log" aria-label="Connection log">
          {log.map((entry, index) => (
            <li key={index} className={`log-${entry.level}`}>
              <time dateTime={new Date(entry.time).toISOString()}>
                {new Date(entry.time).toLocaleTimeString('en-GB')}
              </time>
              <span>{entry.text}</span>
            </li>
          ))}
        </ol>
      )}
    </Modal>
  );
}
