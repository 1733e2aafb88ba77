import { useEffect, useState } from 'react';

/**
 * Whether `element` is on screen (any part of it in the viewport), kept current by an
 * IntersectionObserver. Without one, or before the element mounts, it counts as on screen.
 */
export function useInView(element: Element | null): boolean {
  const [inView, setInView] = useState(true);
  useEffect(() => {
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      const last = entries[entries.length - 1];
      if (last) setInView(last.isIntersecting);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      setInView(true);
    };
  }, [element]);
  return inView;
}
