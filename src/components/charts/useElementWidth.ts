import { useLayoutEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";

/**
 * Track an element's content width with a ResizeObserver (visx ParentSize, as a hook).
 *
 * The width is never read in the commit (`clientWidth` there forces a layout of the whole page,
 * once per figure: on the explainer's long page the largest single cost of hydrating the
 * figures, issue 12). The observer's first report comes after the browser's own layout, before
 * it paints; the update is flushed there and then, so the figure is painted at its real width.
 */
export function useElementWidth<T extends HTMLElement>(fallback = 640) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w) flushSync(() => setWidth(Math.round(w)));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}
