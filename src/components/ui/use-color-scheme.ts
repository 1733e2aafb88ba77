import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-color-scheme: light)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

/** The theme the system asks for, followed live; the page's CSS switches with the same query. */
export function useColorScheme(): 'dark' | 'light' {
  return useSyncExternalStore(
    subscribe,
    () => (window.matchMedia(QUERY).matches ? 'light' : 'dark'),
    () => 'dark',
  );
}
