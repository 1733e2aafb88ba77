import { useSyncExternalStore } from 'react';

/**
 * The page's theme: the system's (the default), or light or dark whatever the system says, for
 * a projector in a bright room or a wall screen at night. The choice is saved; the theme in
 * effect is the `data-theme` attribute of <html>, which the CSS reads (app.css), and what
 * `useColorScheme` gives the charts, whose line colours are inline.
 */
export type ThemeChoice = 'system' | 'light' | 'dark';
export type ColorScheme = 'light' | 'dark';

export const THEME_CHOICES: readonly { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export const THEME_STORAGE_KEY = 'mqtt-scope:theme';
const QUERY = '(prefers-color-scheme: light)';

const isChoice = (value: unknown): value is ThemeChoice =>
  value === 'system' || value === 'light' || value === 'dark';

/** The saved choice; anything else (nothing saved, storage off, a damaged value) is `system`. */
function savedChoice(): ThemeChoice {
  try {
    const saved = localStorage.getItem(THEME_STORAGE_KEY);
    return isChoice(saved) ? saved : 'system';
  } catch {
    return 'system';
  }
}

let choice: ThemeChoice | null = null;
let media: MediaQueryList | null = null;
const listeners = new Set<() => void>();

const currentChoice = () => (choice ??= savedChoice());
const systemQuery = () => (media ??= window.matchMedia(QUERY));

/** What the page shows now: the choice, or the system's scheme when the choice is `system`. */
export function colorScheme(): ColorScheme {
  const chosen = currentChoice();
  if (chosen !== 'system') return chosen;
  return systemQuery().matches ? 'light' : 'dark';
}

function apply(): void {
  document.documentElement.dataset.theme = colorScheme();
  for (const listener of listeners) listener();
}

/** Sets <html data-theme> from the saved choice and follows the system's changes; once, at start. */
export function startTheme(): void {
  apply();
  systemQuery().addEventListener('change', () => {
    if (currentChoice() === 'system') apply();
  });
}

export function chooseTheme(next: ThemeChoice): void {
  choice = next;
  try {
    if (next === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, next);
  } catch {
    // Not saved (storage off): the choice still holds for this visit.
  }
  apply();
}

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  return () => listeners.delete(onChange);
}

export function useThemeChoice(): ThemeChoice {
  return useSyncExternalStore(subscribe, currentChoice, () => 'system');
}

/** The scheme in effect, followed live (a change of choice or of the system's theme). */
export function useColorScheme(): ColorScheme {
  return useSyncExternalStore(subscribe, colorScheme, () => 'dark');
}
