/**
 * When a prerendered, lazily loaded part is wanted (gatedLoader.ts holds its code back until
 * then): when it comes within a screen of the viewport, when the reader presses, focuses or types
 * in it, or when the page is printed. Used by the explainer's figures (FreezeWhenHidden) and the
 * training page's (pages/train/trainingFigures.tsx).
 */
import { createContext, type RefObject, useContext, useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { type GatedLoader, prefetchInTurn } from "./gatedLoader";

/** What a part's wrapper needs of a gatedLoader. */
export interface PartGate {
  open: () => void;
  loaded: () => boolean;
}

/**
 * Events that mean the reader is using the part: its code is wanted now, and the part is hydrated
 * at once if the code is here. `pointerover` (a hover shows a figure's crosshair), `focusin` (an
 * input must be hydrated before it is typed in: React builds an input's change tracking from the
 * value it finds when hydrating), a press, a key, and a click that comes alone (`element.click()`,
 * a screen reader's activation), which React would otherwise drop while the code is held back.
 */
const USING = ["pointerover", "pointerdown", "focusin", "keydown", "click"] as const;

/**
 * Opens `gate` once the element in `ref` comes within a screen of the viewport (the part then
 * hydrates before it is seen, as React schedules it), and hydrates the part synchronously
 * (`hydrateNow`) when an event of the reader's reaches it before it has mounted (`mountedNow`,
 * from useMountedSignal). The events are caught at the window, before React's own listener, which
 * then finds the part hydrated and handles the event as usual. Watching stops once mounted.
 */
export function useOpenWhenWanted(
  ref: RefObject<HTMLElement | null>,
  gate: PartGate | undefined,
  mountedNow: RefObject<boolean>,
) {
  useEffect(() => {
    const el = ref.current;
    if (!el || !gate) return;
    if (typeof IntersectionObserver === "undefined") {
      gate.open();
      return;
    }
    const near = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        gate.open();
        near.disconnect();
      },
      { rootMargin: "100% 0px" },
    );
    const stopUsing = () => {
      for (const type of USING) window.removeEventListener(type, using, { capture: true });
    };
    function using(e: Event) {
      if (mountedNow.current) return stopUsing();
      if (!(e.target instanceof Node && el?.contains(e.target))) return;
      gate?.open();
      if (gate) hydrateNow(el, gate);
    }
    near.observe(el);
    for (const type of USING) window.addEventListener(type, using, { capture: true });
    return () => {
      near.disconnect();
      stopUsing();
    };
  }, [ref, gate, mountedNow]);
}

/**
 * Has React hydrate the prerendered part inside `el` now, synchronously, if its code is here
 * (opening its gate first). React does that for a discrete event whose target is inside a
 * boundary it has not hydrated yet, when that boundary's code is ready ("selective hydration");
 * `pointercancel` is such an event that nothing here handles. (Pushing the new state into the
 * figure instead was tried: React hydrated it only after the event, with the new state, and
 * reported a mismatch, #418.) Used when the reader reaches a part first, and for printing, which
 * cannot wait: the page is laid out for print right after `beforeprint`.
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

/**
 * A page's gates, open at once in the build-time renderer: it waits for every part, so a gate
 * left closed there would hang the build.
 */
export function pageGates<G extends Record<string, Pick<GatedLoader<unknown>, "open">>>(
  gates: G,
): G {
  if (import.meta.env.SSR) for (const gate of Object.values(gates)) gate.open();
  return gates;
}

/**
 * Start fetching every gate's code now, one gate per task (prefetchInTurn). Once all of it has
 * arrived (or failed), `<html data-figures-fetched>` says so (e2e tests wait for it).
 */
export function prefetchAll(gates: Record<string, Pick<GatedLoader<unknown>, "prefetch">>): void {
  void prefetchInTurn(Object.values(gates)).finally(() => {
    document.documentElement.dataset.figuresFetched = "";
  });
}

/**
 * Printing: within `beforeprint` the part in `ref` is hydrated where its code is here
 * (hydrateNow), then marked mounted and `alsoOnPrint` run, in one synchronous render, so it is
 * drawn in the current state before the page is laid out for print. A part whose code has not
 * arrived stays as the server drew it.
 */
export function usePrintCatchUp(
  ref: RefObject<HTMLElement | null>,
  gate: PartGate | undefined,
  {
    mountedNow,
    setMounted,
  }: Pick<ReturnType<typeof useMountedSignal>, "mountedNow" | "setMounted">,
  alsoOnPrint?: () => void,
) {
  const also = useRef(alsoOnPrint);
  also.current = alsoOnPrint;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const catchUp = () => {
      if (gate && !mountedNow.current) hydrateNow(el, gate);
      flushSync(() => {
        also.current?.();
        if (mountedNow.current) setMounted(true);
      });
    };
    window.addEventListener("beforeprint", catchUp);
    return () => window.removeEventListener("beforeprint", catchUp);
  }, [ref, gate, mountedNow, setMounted]);
}
