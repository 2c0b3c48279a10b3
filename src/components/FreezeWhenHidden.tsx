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
 * wanted (whenWanted.ts): within a screen of the viewport, used, or printed. Until then it costs
 * no hydration work. Printing hydrates every figure whose code is here and brings it to the
 * current state, within the `beforeprint` event.
 */
import { type ReactNode, useEffect, useRef, useState } from "react";
import { ExplainerContext, useExplainer, useExplainerStore } from "./explainerContext";
import {
  MountedSignal,
  type PartGate,
  useMountedSignal,
  useOpenWhenWanted,
  usePrintCatchUp,
} from "./whenWanted";

export { Mounted } from "./whenWanted";

export function FreezeWhenHidden({ children, gate }: { children: ReactNode; gate?: PartGate }) {
  const live = useExplainer();
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(true);
  const mountedSignal = useMountedSignal();
  const { mounted, mountedNow, signal } = mountedSignal;
  const shown = useRef(live);
  if (visible && mounted) shown.current = live;
  const store = useExplainerStore(shown.current);
  useOpenWhenWanted(ref, gate, mountedNow);
  // Printing shows every figure, each in the current state.
  usePrintCatchUp(ref, gate, mountedSignal, () => setVisible(true));
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
    return () => observer.disconnect();
  }, []);
  return (
    // `data-live` once the part's code has mounted (e2e tests read it).
    <div ref={ref} data-live={mounted ? "" : undefined}>
      <MountedSignal.Provider value={signal}>
        <ExplainerContext.Provider value={store}>{children}</ExplainerContext.Provider>
      </MountedSignal.Provider>
    </div>
  );
}
