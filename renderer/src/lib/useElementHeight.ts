import { useEffect, useRef, useState } from 'react';

/** Tracks an element's height, for virtual tables that need a pixel scroll height. */
export function useElementHeight<T extends HTMLElement>(fallback: number) {
  const ref = useRef<T>(null);
  const [height, setHeight] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver((entries) => {
      const h = entries[0]?.contentRect.height;
      if (h && h > 0) setHeight(Math.floor(h));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ref, height };
}
