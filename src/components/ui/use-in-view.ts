import { useEffect } from 'react';

/**
 * Calls `onChange` with whether `element` is on screen (any part of it in the viewport), once
 * at the start and on every change. Without IntersectionObserver it is always on screen.
 */
export function useInView(element: Element | null, onChange: (inView: boolean) => void): void {
  useEffect(() => {
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      const last = entries[entries.length - 1];
      if (last) onChange(last.isIntersecting);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      onChange(true);
    };
  }, [element, onChange]);
}
