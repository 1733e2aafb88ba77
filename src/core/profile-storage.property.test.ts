import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyEntry, isProfileShape, PROFILE_KEYS } from './profile-arbitraries.ts';
import {
  loadStoredProfiles,
  migrateLegacyConnection,
  reviveProfile,
  serializeProfilesForStorage,
} from './profile-storage.ts';
import { codeUnits, parsedJson, truncated } from './test-arbitraries.ts';

const stored = fc.oneof(
  fc.array(anyEntry, { maxLength: 5 }).map((profiles) => ({ version: 1, profiles })),
  parsedJson({ keys: ['version', 'profiles', ...PROFILE_KEYS] }),
);

describe('saved connections, for any stored value', () => {
  it('loading never throws: each entry is a usable profile, or named as removed', () => {
    fc.assert(
      fc.property(stored, (raw) => {
        const { profiles, problems } = loadStoredProfiles(raw);
        for (const profile of profiles) expect(isProfileShape(profile)).toBe(true);
        for (const problem of problems)
          expect(problem).toMatch(/^The saved connection|^Some settings/);
        expect(new Set(profiles.map((p) => p.id)).size).toBe(profiles.length);
        const entries = (raw as { profiles?: unknown } | null)?.profiles;
        if (Array.isArray(entries)) {
          const removed = problems.filter((p) => p.includes('was unreadable and was removed'));
          expect(profiles.length + removed.length).toBe(entries.length);
        }
      }),
    );
  });

  it('a reset field is named, and an entry read once reads the same again with no problem', () => {
    fc.assert(
      fc.property(anyEntry, (entry) => {
        const revived = reviveProfile(entry);
        if (!revived.ok) return;
        const stored = serializeProfilesForStorage([revived.profile]);
        const again = loadStoredProfiles(JSON.parse(JSON.stringify(stored)));
        expect(again.problems).toEqual([]);
        const { password, ...rest } = revived.profile;
        expect(again.profiles).toEqual([
          { ...rest, password: revived.profile.savePassword ? password : '' },
        ]);
      }),
    );
  });

  it('never writes a password the user did not ask to save', () => {
    fc.assert(
      fc.property(fc.array(anyEntry, { maxLength: 4 }), (entries) => {
        const profiles = entries.flatMap((e) => {
          const revived = reviveProfile(e);
          return revived.ok ? [{ ...revived.profile, password: 'secret-value' }] : [];
        });
        const text = JSON.stringify(serializeProfilesForStorage(profiles));
        const saved = profiles.filter((p) => p.savePassword).length;
        expect(text.split('secret-value').length - 1).toBe(saved);
      }),
    );
  });

  it('reads JSON text too, whole or cut short, and any text at all', () => {
    const text = fc.oneof(
      stored.chain((raw) => truncated(JSON.stringify(raw) ?? '')),
      codeUnits(),
    );
    fc.assert(
      fc.property(text, (raw) => {
        for (const profile of loadStoredProfiles(raw).profiles)
          expect(isProfileShape(profile)).toBe(true);
      }),
    );
  });

  it('migrating the previous release’s entry never throws', () => {
    const legacy = fc.oneof(
      parsedJson({ keys: ['state', 'settings', 'url', 'clientId', 'username', 'password'] }),
      fc
        .record({
          url: fc.oneof(fc.webUrl(), fc.constantFrom('ws://localhost:9001/mqtt', 'ws://[::1]')),
          clientId: parsedJson(),
        })
        .map((settings) => ({ state: { settings }, version: 0 })),
    );
    fc.assert(
      fc.property(legacy, (raw) => {
        const profile = migrateLegacyConnection(raw);
        if (profile) expect(isProfileShape(profile)).toBe(true);
      }),
    );
  });
});
