/**
 * Figures out of view keep the state they last showed and skip re-rendering while a slider
 * moves; they catch up as soon as they scroll near the viewport, or when the page is printed.
 *
 * A figure also keeps its first state until its own code has loaded and mounted (`Mounted`
 * inside its Suspense boundary says so). On a prerendered page a lazily loaded figure stays as
 * the server drew it until its chunk arrives; a state change reaching it before then would make
 * React drop that HTML and show the loading fallback instead (a layout jump).
 *
 * With a `gate` (gatedLoader.ts), the figure's code is handed to React only once the figure is
 * wanted: when it comes within a screen of the viewport, when the reader presses, focuses or types
 * in it (seen at the window, before React's own listener, which then hydrates it synchronously),
 * or when the page is printed. Until then it costs no hydration work. Printing hydrates every
 * figure whose code is here and brings it to the current state, within the `beforeprint` event.
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

/** What FreezeWhenHidden needs of a gatedLoader. */
export interface FigureGate {
  open: () => void;
  loaded: () => boolean;
}

/** Events that mean the reader is using the figure: its code is wanted now. */
const USING = ["pointerdown", "focusin", "keydown"] as const;

/**
 * Has React hydrate the prerendered figure inside `el` now, synchronously. React does that for a
 * discrete event whose target is inside a boundary it has not hydrated yet, when that boundary's
 * code is ready ("selective hydration"); `pointercancel` is such an event that nothing here
 * handles. (An update reaching the boundary first would not do: React would hydrate it later, or
 * drop the server's HTML.) Used only for printing, which cannot wait.
 */
function hydrateNow(el: HTMLElement) {
  el.firstElementChild?.dispatchEvent(new PointerEvent("pointercancel", { bubbles: true }));
}

export function FreezeWhenHidden({ children, gate }: { children: ReactNode; gate?: FigureGate }) {
  const live = useExplainer();
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(true);
  const [mounted, setMounted] = useState(false);
  // Set by the figure's first effect, which may run inside an event (printing reads it there).
  const mountedNow = useRef(false);
  const shown = useRef(live);
  if (visible && mounted) shown.current = live;
  const store = useExplainerStore(shown.current);
  const [signal] = useState(() => () => {
    mountedNow.current = true;
    setMounted(true);
  });
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
    // A screen ahead, the figure's code is handed over, so it hydrates before it is seen.
    const near =
      gate &&
      new IntersectionObserver(
        (entries) => {
          if (entries.some((e) => e.isIntersecting)) gate.open();
        },
        { rootMargin: "100% 0px" },
      );
    near?.observe(el);
    const using = (e: Event) => {
      if (e.target instanceof Node && el.contains(e.target)) gate?.open();
    };
    if (gate) for (const type of USING) window.addEventListener(type, using, { capture: true });
    // Printing shows every figure: bring them all up to date first, synchronously (the page is
    // laid out for print right after this event). A figure whose code has not arrived stays as
    // the server drew it.
    const catchUp = () => {
      if (gate && !mountedNow.current && gate.loaded()) {
        gate.open();
        hydrateNow(el);
      }
      flushSync(() => {
        setVisible(true);
        if (mountedNow.current) setMounted(true);
      });
    };
    window.addEventListener("beforeprint", catchUp);
    return () => {
      observer.disconnect();
      near?.disconnect();
      for (const type of USING) window.removeEventListener(type, using, { capture: true });
      window.removeEventListener("beforeprint", catchUp);
    };
  }, [gate]);
  return (
    // `data-live` once the part's code has mounted (e2e waits for it before using a figure).
    <div ref={ref} data-live={mounted ? "" : undefined}>
      <MountedSignal.Provider value={signal}>
        <ExplainerContext.Provider value={store}>{children}</ExplainerContext.Provider>
      </MountedSignal.Provider>
    </div>
  );
}
