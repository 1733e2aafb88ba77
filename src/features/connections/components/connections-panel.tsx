import { lazy, Suspense, useState } from 'react';
import { useStore } from 'zustand';
import { Panel } from '../../../components/ui/panel.tsx';
import { useNow } from '../../../components/ui/use-now.ts';
import {
  createProfile,
  duplicateProfile,
  pickProfileColor,
} from '../../../core/connection-profile.ts';
import type { ConnectionProfile } from '../../../core/connection-profile.ts';
import { ConnectionsContext } from '../connections-context.ts';
import { connectProfile, deleteProfile, disconnectProfile } from '../connection-actions.ts';
import { isActive } from '../connection-store.ts';
import { focusProfile } from '../profiles-store.ts';
import { describeStatus } from './connection-status.tsx';

const ProfileEditor = lazy(() => import('./profile-editor.tsx'));
const TransferDialog = lazy(() => import('./transfer-dialog.tsx'));

function ConnectionItem({ profile, focused }: { profile: ConnectionProfile; focused: boolean }) {
  const runtime = ConnectionsContext.use();
  const store = runtime.statusFor(profile.id);
  const status = useStore(store, (state) => state.status);
  const needsPassword = useStore(store, (state) => state.needsPassword);
  const now = useNow(status.status === 'reconnecting');
  const active = isActive(status);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const colors = runtime.profiles.getState().profiles.map((p) => p.color);
  return (
    <li className={`connection-item status-${status.status}${focused ? ' focused' : ''}`}>
      <button
        type="button"
        className="connection-focus"
        onClick={() => focusProfile(runtime.profiles, profile.id)}
        aria-current={focused ? 'true' : undefined}
        aria-label={`Show ${profile.name}`}
      >
        <span
          className="connection-swatch"
          style={{ background: profile.color }}
          aria-hidden="true"
        />
        <span className="connection-name">{profile.name}</span>
        <span className="connection-state">
          <span className="status-dot" aria-hidden="true" />
          {describeStatus(status, now, needsPassword)}
        </span>
      </button>
      <div className="connection-actions">
        {confirmDelete ? (
          <>
            <button
              type="button"
              className="button-secondary button-danger"
              onClick={() => deleteProfile(runtime, profile.id)}
            >
              Delete {profile.name}
            </button>
            <button type="button" className="button-ghost" onClick={() => setConfirmDelete(false)}>
              Keep
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              className="button-ghost"
              onClick={() =>
                active
                  ? disconnectProfile(runtime, profile.id)
                  : connectProfile(runtime, profile.id)
              }
              aria-label={`${active ? 'Disconnect' : 'Connect'} ${profile.name}`}
              title={active ? 'Disconnect' : 'Connect'}
            >
              {active ? 'Disconnect' : 'Connect'}
            </button>
            <button
              type="button"
              className="button-ghost"
              onClick={() => runtime.add(duplicateProfile(profile, colors))}
              aria-label={`Duplicate ${profile.name}`}
              title="Duplicate"
            >
              Copy
            </button>
            <button
              type="button"
              className="button-ghost"
              onClick={() => setConfirmDelete(true)}
              aria-label={`Delete ${profile.name}`}
              title="Delete"
            >
              Delete
            </button>
          </>
        )}
      </div>
    </li>
  );
}

/** Every saved connection with its live status; one of them is in focus in the sidebar. */
export function ConnectionsPanel() {
  const runtime = ConnectionsContext.use();
  const profiles = useStore(runtime.profiles, (state) => state.profiles);
  const focusedId = useStore(runtime.profiles, (state) => state.focusedId);
  const [dialog, setDialog] = useState<'new' | 'transfer' | null>(null);
  const colors = profiles.map((p) => p.color);

  return (
    <Panel
      title="Connections"
      actions={
        <button type="button" className="button-secondary" onClick={() => setDialog('new')}>
          + New
        </button>
      }
    >
      <ul className="connection-list" aria-label="Connections">
        {profiles.map((profile) => (
          <ConnectionItem key={profile.id} profile={profile} focused={profile.id === focusedId} />
        ))}
      </ul>
      <button
        type="button"
        className="button-ghost connection-transfer"
        onClick={() => setDialog('transfer')}
      >
        Import or export connections…
      </button>
      <Suspense fallback={null}>
        {dialog === 'new' && (
          <ProfileEditor
            profile={createProfile({ color: pickProfileColor(colors), name: '' })}
            isNew
            onClose={() => setDialog(null)}
          />
        )}
        {dialog === 'transfer' && <TransferDialog onClose={() => setDialog(null)} />}
      </Suspense>
    </Panel>
  );
}
