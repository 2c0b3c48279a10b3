/**
 * Figures out of view keep the state they last showed and skip re-rendering while a slider
 * moves; they catch up as soon as they scroll near the viewport, or when the page is printed.
 *
 * A figure also keeps its first state until its own code has loaded and mounted (`Mounted`
 * inside its Suspense boundary says so). On a prerendered page a lazily loaded figure stays as
 * the server drew it until its chunk arrives; a state change reaching it before then would make
 * React drop that HTML and show the loading fallback instead (a layout jump).
 */
import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { ExplainerContext, useExplainer, useExplainerStore } from "./explainerContext";

const MountedSignal = createContext<(() => void) | null>(null);

/** Put inside the figure's Suspense boundary: tells FreezeWhenHidden the figure is live. */
export function Mounted() {
  const signal = useContext(MountedSignal);
  useEffect(() => signal?.(), [signal]);
  return null;
}

export function FreezeWhenHidden({ children }: { children: ReactNode }) {
  const live = useExplainer();
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(true);
  const [mounted, setMounted] = useState(false);
  const shown = useRef(live);
  if (visible && mounted) shown.current = live;
  const store = useExplainerStore(shown.current);
  const [signal] = useState(() => () => setMounted(true));
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
    // `data-live` once the part's code has mounted (e2e waits for it before using a figure).
    <div ref={ref} data-live={mounted ? "" : undefined}>
      <MountedSignal.Provider value={signal}>
        <ExplainerContext.Provider value={store}>{children}</ExplainerContext.Provider>
      </MountedSignal.Provider>
    </div>
  );
}
