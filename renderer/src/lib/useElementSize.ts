import { useEffect, useLayoutEffect, useRef, useState } from 'react';

/** Tracks one side of an element's box in whole pixels; `fallback` until it is first measured. */
function useElementSide<T extends HTMLElement>(side: 'width' | 'height', fallback: number) {
  const ref = useRef<T>(null);
  const [size, setSize] = useState(fallback);
  // Measured once as it is mounted, too: a page built ahead and then kept hidden
  // (layout/keptPages.tsx) gets no resize notification until it is shown, and the size it
  // was built at must be the one it is shown at (the 附件 preview loads its pages for a zoom).
  useLayoutEffect(() => {
    const px = ref.current?.getBoundingClientRect()[side];
    if (px && px > 0) setSize(Math.floor(px));
  }, [side]);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver((entries) => {
      const px = entries[0]?.contentRect[side];
      if (px && px > 0) setSize(Math.floor(px));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [side]);
  return { ref, size };
}

/** For virtual tables that need a pixel scroll height. */
export function useElementHeight<T extends HTMLElement>(fallback: number) {
  const { ref, size } = useElementSide<T>('height', fallback);
  return { ref, height: size };
}

/** For content scaled to fit its panel. */
export function useElementWidth<T extends HTMLElement>(fallback: number) {
  const { ref, size } = useElementSide<T>('width', fallback);
  return { ref, width: size };
}
