import { chooseTheme, THEME_CHOICES, useThemeChoice } from './theme.ts';
import type { ThemeChoice } from './theme.ts';

/** Picks the page's theme: the system's, light or dark (saved; see theme.ts). */
export function ThemeSelect() {
  const choice = useThemeChoice();
  return (
    <label className="inline-field theme-select">
      <span>Theme</span>
      <select value={choice} onChange={(e) => chooseTheme(e.target.value as ThemeChoice)}>
        {THEME_CHOICES.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
