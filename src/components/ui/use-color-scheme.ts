import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-color-scheme: light)';

/** One query list for the page: React reads the snapshot on every render of every chart. */
let media: MediaQueryList | null = null;
const query = () => (media ??= window.matchMedia(QUERY));

function subscribe(onChange: () => void): () => void {
  const list = query();
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

/** The theme the system asks for, followed live; the page's CSS switches with the same query. */
export function useColorScheme(): 'dark' | 'light' {
  return useSyncExternalStore(
    subscribe,
    () => (query().matches ? 'light' : 'dark'),
    () => 'dark',
  );
}
