import { useEffect, useState } from 'react';
import type { MessageView } from './messages-store.ts';

/**
 * The view's version, re-read at most every `intervalMs` (the last change is never lost: a
 * trailing update follows). At thousands of messages a second every visible row changes every
 * frame; nobody reads 60 screens of rows a second, while the browser pays the layout and paint
 * of the whole list each time. Paced, the list costs a third as much and looks the same.
 */
export function usePacedVersion(view: MessageView, intervalMs: number): number {
  const [version, setVersion] = useState(() => view.getState().version);
  useEffect(() => {
    let shownAt = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const show = () => {
      timer = null;
      shownAt = performance.now();
      setVersion(view.getState().version);
    };
    const unsubscribe = view.subscribe((state, previous) => {
      if (state.version === previous.version || timer !== null) return;
      const wait = shownAt + intervalMs - performance.now();
      if (wait <= 0) show();
      else timer = setTimeout(show, wait);
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [view, intervalMs]);
  return version;
}
