/**
 * Figures out of view keep the state they last showed and skip re-rendering while a slider
 * moves; they catch up as soon as they scroll near the viewport, or when the page is printed.
 */
import { type ReactNode, useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { ExplainerContext, useExplainer } from "./explainerContext";

export function FreezeWhenHidden({ children }: { children: ReactNode }) {
  const live = useExplainer();
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(true);
  const shown = useRef(live);
  if (visible) shown.current = live;
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(
      (entries) => setVisible(entries.some((e) => e.isIntersecting)),
      {
        rootMargin: "200px 0px",
      },
    );
    observer.observe(el);
    // Printing shows every figure: bring them all up to date first, synchronously.
    const catchUp = () => flushSync(() => setVisible(true));
    window.addEventListener("beforeprint", catchUp);
    return () => {
      observer.disconnect();
      window.removeEventListener("beforeprint", catchUp);
    };
  }, []);
  return (
    <div ref={ref}>
      <ExplainerContext.Provider value={shown.current}>{children}</ExplainerContext.Provider>
    </div>
  );
}
