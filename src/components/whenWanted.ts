/**
 * When a prerendered, lazily loaded part is wanted (gatedLoader.ts holds its code back until
 * then): when it comes within a screen of the viewport, when the reader presses, focuses or types
 * in it, or when the page is printed. Used by the explainer's figures (FreezeWhenHidden) and the
 * training page's (pages/train/trainingFigures.tsx).
 */
import { createContext, type RefObject, useContext, useEffect, useRef, useState } from "react";

/** What a part's wrapper needs of a gatedLoader. */
export interface PartGate {
  open: () => void;
  loaded: () => boolean;
}

/**
 * Events that mean the reader is using the part: its code is wanted now. `click` too, for a click
 * that comes without a press before it (`element.click()`, a screen reader's activation): React
 * would otherwise find the code held back and drop the click.
 */
const USING = ["pointerdown", "focusin", "keydown", "click"] as const;

/**
 * Opens `gate` once the element in `ref` comes within a screen of the viewport (so the part
 * hydrates before it is seen) or an event of the reader's reaches it. The events are caught at
 * the window, before React's own listener: for a press, a key or a click React then finds the
 * part's code ready, hydrates it synchronously within the event and handles the event; a focus
 * is queued by React and replayed once the part has hydrated, soon after. Once the gate is open,
 * nothing more is watched.
 */
export function useOpenWhenWanted(ref: RefObject<HTMLElement | null>, gate: PartGate | undefined) {
  useEffect(() => {
    const el = ref.current;
    if (!el || !gate) return;
    if (typeof IntersectionObserver === "undefined") {
      gate.open();
      return;
    }
    const using = (e: Event) => {
      if (e.target instanceof Node && el.contains(e.target)) open();
    };
    const near = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) open();
      },
      { rootMargin: "100% 0px" },
    );
    const stop = () => {
      near.disconnect();
      for (const type of USING) window.removeEventListener(type, using, { capture: true });
    };
    function open() {
      gate?.open();
      stop();
    }
    near.observe(el);
    for (const type of USING) window.addEventListener(type, using, { capture: true });
    return stop;
  }, [ref, gate]);
}

/**
 * Has React hydrate the prerendered part inside `el` now, synchronously, if its code is here
 * (opening its gate first). React does that for a discrete event whose target is inside a
 * boundary it has not hydrated yet, when that boundary's code is ready ("selective hydration");
 * `pointercancel` is such an event that nothing here handles. (Pushing the new state into the
 * figure instead was tried: React hydrated it only after the event, with the new state, and
 * reported a mismatch, #418.) Used for printing, which cannot wait: the page is laid out for
 * print right after `beforeprint`.
 */
export function hydrateNow(el: HTMLElement, gate: PartGate): void {
  if (!gate.loaded()) return;
  gate.open();
  el.firstElementChild?.dispatchEvent(new PointerEvent("pointercancel", { bubbles: true }));
}

/** Given to a part's Suspense boundary by its wrapper: `Mounted` calls it once the part is live. */
export const MountedSignal = createContext<(() => void) | null>(null);

/** Put inside the part's Suspense boundary: tells the wrapper the part's code has mounted. */
export function Mounted() {
  const signal = useContext(MountedSignal);
  useEffect(() => signal?.(), [signal]);
  return null;
}

/**
 * For a part's wrapper: `mounted` (state) and `mountedNow` (a ref, set inside the part's first
 * effect, which may run within an event: printing reads it there), and the `signal` to provide
 * through MountedSignal.
 */
export function useMountedSignal() {
  const [mounted, setMounted] = useState(false);
  const mountedNow = useRef(false);
  const [signal] = useState(() => () => {
    mountedNow.current = true;
    setMounted(true);
  });
  return { mounted, setMounted, mountedNow, signal };
}
