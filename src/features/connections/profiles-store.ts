import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import {
  loadStoredProfiles,
  migrateLegacyConnection,
  serializeProfilesForStorage,
} from '../../core/profile-storage.ts';
import type { ConnectionProfile } from '../../core/connection-profile.ts';
import type { KeyValueStorage } from '../../core/guarded-storage.ts';

export interface ProfilesState {
  profiles: ConnectionProfile[];
  /** Profiles the user last asked to be connected: a reload connects them again. */
  open: string[];
  /** The connection whose subscriptions, topics and settings the sidebar shows. */
  focusedId: string | null;
}

export type ProfilesStore = StoreApi<ProfilesState>;

export const PROFILES_KEY = 'mqtt-scope:connections';
/** Where the release with one broker kept it (zustand persist, version 0). */
export const LEGACY_CONNECTION_KEY = 'mqtt-scope:connection';

/** What loading found: the profiles, sentences for the user, and the migrated legacy profile. */
export interface LoadedProfiles {
  state: ProfilesState;
  problems: string[];
  /** Set when the previous release's single connection was turned into a profile just now. */
  migratedLegacyId: string | null;
}

function readJson(storage: KeyValueStorage, key: string): unknown {
  const text = storage.getItem(key);
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text; // loadStoredProfiles reports it as unreadable
  }
}

/** Reads the saved profiles (or migrates the previous release's one connection); never throws. */
export function loadProfiles(storage: KeyValueStorage): LoadedProfiles {
  const raw = readJson(storage, PROFILES_KEY);
  if (raw === undefined) {
    const legacyRaw = readJson(storage, LEGACY_CONNECTION_KEY);
    const legacy = legacyRaw === undefined ? null : migrateLegacyConnection(legacyRaw);
    if (!legacy)
      return {
        state: { profiles: [], open: [], focusedId: null },
        problems: [],
        migratedLegacyId: null,
      };
    const wanted = (legacyRaw as { state?: { wantsConnection?: unknown } } | null)?.state
      ?.wantsConnection;
    return {
      state: { profiles: [legacy], open: wanted === true ? [legacy.id] : [], focusedId: legacy.id },
      problems: [],
      migratedLegacyId: legacy.id,
    };
  }
  const { profiles, problems } = loadStoredProfiles(raw);
  const ids = new Set(profiles.map((profile) => profile.id));
  const saved = (raw ?? {}) as { open?: unknown; focusedId?: unknown };
  const open = Array.isArray(saved.open)
    ? saved.open.filter((id): id is string => typeof id === 'string' && ids.has(id))
    : [];
  const focusedId =
    typeof saved.focusedId === 'string' && ids.has(saved.focusedId)
      ? saved.focusedId
      : (profiles[0]?.id ?? null);
  return { state: { profiles, open, focusedId }, problems, migratedLegacyId: null };
}

/**
 * The saved connection profiles. Saved by hand rather than by zustand's persist: each entry is
 * checked on load and a broken one is dropped alone, with a sentence for the user.
 * Passwords are written only for profiles that ask for it; the others stay in memory.
 * `storage` is the app's guarded storage (core/guarded-storage.ts): a write the browser refuses
 * is reported there, and the profiles still work for this visit.
 */
export function createProfilesStore(
  storage: KeyValueStorage,
  loaded: ProfilesState,
): ProfilesStore {
  const store = createStore<ProfilesState>()(() => loaded);
  const save = (state: ProfilesState) => {
    const data = {
      ...(serializeProfilesForStorage(state.profiles) as object),
      open: state.open,
      focusedId: state.focusedId,
    };
    storage.setItem(PROFILES_KEY, JSON.stringify(data));
    storage.removeItem(LEGACY_CONNECTION_KEY);
  };
  save(loaded);
  store.subscribe(save);
  return store;
}

export function findProfile(
  state: ProfilesState,
  id: string | null,
): ConnectionProfile | undefined {
  return id === null ? undefined : state.profiles.find((profile) => profile.id === id);
}

export function addProfile(store: ProfilesStore, profile: ConnectionProfile): void {
  store.setState(({ profiles, focusedId }) => ({
    profiles: [...profiles, profile],
    focusedId: focusedId ?? profile.id,
  }));
}

export function updateProfile(
  store: ProfilesStore,
  id: string,
  changes: Partial<ConnectionProfile>,
): void {
  store.setState(({ profiles }) => ({
    profiles: profiles.map((profile) => (profile.id === id ? { ...profile, ...changes } : profile)),
  }));
}

export function removeProfile(store: ProfilesStore, id: string): void {
  store.setState(({ profiles, open, focusedId }) => {
    const rest = profiles.filter((profile) => profile.id !== id);
    return {
      profiles: rest,
      open: open.filter((openId) => openId !== id),
      focusedId: focusedId === id ? (rest[0]?.id ?? null) : focusedId,
    };
  });
}

export function setOpen(store: ProfilesStore, id: string, wanted: boolean): void {
  store.setState(({ open }) => ({
    open: wanted ? [...new Set([...open, id])] : open.filter((openId) => openId !== id),
  }));
}

export function focusProfile(store: ProfilesStore, id: string): void {
  store.setState({ focusedId: id });
}
