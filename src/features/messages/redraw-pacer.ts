import { useSyncExternalStore } from 'react';

/**
 * One clock for everything the message panel redraws while the stream runs: the rows and the
 * counters. At thousands of messages a second every visible row changes every frame; nobody
 * reads 60 screens of rows a second, while the browser pays a layout and a paint of the page
 * for each. Paced, the list costs a third as much and looks the same; on one clock, the rows
 * and the counters change in the same frame, so a redraw costs one layout, not two.
 */
export interface RedrawPacer {
  /** Something changed: the redraw comes now, or `intervalMs` after the last one (never lost). */
  request(): void;
  subscribe(listener: () => void): () => void;
  /** Counts redraws; views re-render when it moves. */
  tick(): number;
}

export function createRedrawPacer(
  intervalMs: number,
  now: () => number = () => performance.now(),
): RedrawPacer {
  const listeners = new Set<() => void>();
  let tick = 0;
  let shownAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const show = () => {
    timer = null;
    shownAt = now();
    tick += 1;
    for (const listener of listeners) listener();
  };
  return {
    request() {
      if (timer !== null) return;
      const wait = shownAt + intervalMs - now();
      if (wait <= 0) show();
      else timer = setTimeout(show, wait);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer !== null) {
          clearTimeout(timer);
          timer = null;
        }
      };
    },
    tick: () => tick,
  };
}

/** Re-renders the calling view on each paced redraw; it then reads what it shows from stores. */
export function usePacedRedraw(pacer: RedrawPacer): number {
  return useSyncExternalStore(pacer.subscribe, pacer.tick);
}
