import type { ConnectionProfile } from '../../core/connection-profile.ts';
import { toConnectSettings } from './connect-settings.ts';
import type { ConnectionsRuntime } from './connections-context.ts';
import { setNeedsPassword } from './connection-store.ts';
import { findProfile, focusProfile, setOpen, updateProfile } from './profiles-store.ts';

/** Connects a profile, with the password typed now when one is given (kept in memory). */
export function connectProfile(runtime: ConnectionsRuntime, id: string, password?: string): void {
  if (password !== undefined) updateProfile(runtime.profiles, id, { password });
  const profile = findProfile(runtime.profiles.getState(), id);
  if (!profile) return;
  setOpen(runtime.profiles, id, true);
  setNeedsPassword(runtime.statusFor(id), false);
  runtime.handleFor(id).connect(toConnectSettings(profile));
}

export function disconnectProfile(runtime: ConnectionsRuntime, id: string): void {
  setOpen(runtime.profiles, id, false);
  setNeedsPassword(runtime.statusFor(id), false);
  runtime.handleFor(id).disconnect();
}

export function deleteProfile(runtime: ConnectionsRuntime, id: string): void {
  runtime.handleFor(id).close();
  runtime.remove(id);
}

/** Whether a reload may connect without asking: a user name with no password it keeps would be refused. */
export function canConnectWithoutAsking(profile: ConnectionProfile): boolean {
  return profile.username === '' || profile.password !== '';
}

/**
 * Connects again what was connected before the reload. A profile that logs in with a password
 * the page does not keep asks for it instead of trying without (one refused login each time).
 */
export function restoreOpenConnections(runtime: ConnectionsRuntime): void {
  const { profiles, open } = runtime.profiles.getState();
  for (const id of open) {
    const profile = profiles.find((p) => p.id === id);
    if (!profile) continue;
    if (canConnectWithoutAsking(profile)) connectProfile(runtime, id);
    else {
      setNeedsPassword(runtime.statusFor(id), true);
      focusProfile(runtime.profiles, id);
    }
  }
}
