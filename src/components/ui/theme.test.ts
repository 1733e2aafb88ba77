import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryStorage } from '../../core/test-storage.ts';

/** A page of its own for each test: storage, a system scheme that can change, and <html>. */
function page(saved: string | null, systemLight = false) {
  const { storage } = memoryStorage();
  if (saved !== null) storage.setItem('mqtt-scope:theme', saved);
  const listeners = new Set<() => void>();
  const media = {
    matches: systemLight,
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
  };
  const root = { dataset: {} as Record<string, string> };
  vi.stubGlobal('localStorage', storage);
  vi.stubGlobal('window', { matchMedia: () => media });
  vi.stubGlobal('document', { documentElement: root });
  return {
    storage,
    root,
    setSystem(light: boolean) {
      media.matches = light;
      for (const listener of listeners) listener();
    },
  };
}

describe('the theme', () => {
  beforeEach(() => vi.resetModules());
  afterEach(() => vi.unstubAllGlobals());

  it('follows the system until one is chosen, and then keeps the choice', async () => {
    const { root, setSystem, storage } = page(null);
    const theme = await import('./theme.ts');
    theme.startTheme();
    expect(root.dataset.theme).toBe('dark');
    setSystem(true);
    expect(root.dataset.theme).toBe('light');
    theme.chooseTheme('dark');
    expect(root.dataset.theme).toBe('dark');
    expect(storage.getItem('mqtt-scope:theme')).toBe('dark');
    setSystem(true);
    expect(root.dataset.theme).toBe('dark');
    theme.chooseTheme('system');
    expect(root.dataset.theme).toBe('light');
    expect(storage.getItem('mqtt-scope:theme')).toBeNull();
  });

  it('reads a saved choice, and anything else as the system’s', async () => {
    const light = page('light');
    const theme = await import('./theme.ts');
    theme.startTheme();
    expect(light.root.dataset.theme).toBe('light');

    vi.resetModules();
    const damaged = page('<script>', true);
    const again = await import('./theme.ts');
    again.startTheme();
    expect(damaged.root.dataset.theme).toBe('light');
    again.chooseTheme('dark');
    expect(damaged.root.dataset.theme).toBe('dark');
  });
});
