import { useId } from 'react';
import { useStore } from 'zustand';
import { formatBytes } from '../../../core/payload.ts';
import { RecordingsContext } from '../recordings-context.ts';
import { UNAVAILABLE_REASON } from '../kept-recordings.ts';

const openedAt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The recordings kept in this browser: listed after a reload (and offline), opened again when
 * the user asks, so a large capture is not read on every page load.
 */
export function KeptRecordingsList() {
  const { store, kept, openKept, removeKept } = RecordingsContext.use();
  const status = useStore(kept.store, (state) => state.status);
  const entries = useStore(kept.store, (state) => state.entries);
  const recordings = useStore(store, (state) => state.recordings);
  const titleId = useId();
  if (status === 'unavailable') {
    return (
      <p className="muted kept-note" role="note">
        Recordings opened here are not kept after a reload: {UNAVAILABLE_REASON}.
      </p>
    );
  }
  if (entries.length === 0) return null;
  return (
    <section className="kept-recordings" aria-labelledby={titleId}>
      <h3 id={titleId}>Kept in this browser</h3>
      <ul className="connection-list" aria-label="Kept recordings">
        {entries.map((entry) => {
          const open = recordings.find(
            (r) => r.keep?.state === 'kept' && r.keep.keptId === entry.id,
          );
          return (
            <li key={entry.id} className="connection-item kept-item">
              <div className="kept-text">
                <span className="connection-name" title={entry.name}>
                  {entry.name}
                </span>
                <span className="connection-state">
                  {formatBytes(entry.size)} · opened {openedAt.format(entry.openedAt)}
                  {open && ' · open'}
                </span>
              </div>
              <div className="connection-actions">
                {!open && (
                  <button
                    type="button"
                    className="button-ghost"
                    aria-label={`Open ${entry.name}`}
                    onClick={() => openKept(entry.id)}
                  >
                    Open
                  </button>
                )}
                <button
                  type="button"
                  className="button-ghost"
                  aria-label={`Remove ${entry.name} from this browser`}
                  onClick={() => removeKept(entry.id)}
                >
                  Remove
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
