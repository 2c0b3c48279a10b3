/**
 * The training page's seven figures, each hydrated only when it is wanted. The page's HTML holds
 * them prerendered (build/prerender.ts); their code is fetched right after the page's own, but
 * each is handed to React (gatedLoader.ts) only when the figure comes within a screen of the
 * viewport, is used, or is printed (whenWanted.ts). Until its code has mounted a figure keeps the
 * element it was drawn with: new props reaching a boundary React has not hydrated would make it
 * drop the server's HTML. Embeds draw the same figure components directly (pages/embed/trainCharts.tsx).
 */
import { type ComponentProps, type ReactElement, Suspense, useMemo, useRef, useState } from "react";
import { gatedLoader } from "../../components/gatedLoader";
import { ChunkBoundary, lazyPart } from "../../components/lazyPart";
import {
  Mounted,
  MountedSignal,
  pageGates,
  prefetchAll,
  useMountedSignal,
  useOpenWhenWanted,
  usePrintCatchUp,
} from "../../components/whenWanted";
import { isRootHydrating } from "../../state/hydration";

const GATES = pageGates({
  "loss-history": gatedLoader(() =>
    import("../../components/training/LossHistoryFigure").then((m) => ({
      default: m.LossHistoryFigure,
    })),
  ),
  metrics: gatedLoader(() =>
    import("../../components/training/MetricsFigure").then((m) => ({ default: m.MetricsFigure })),
  ),
  pr: gatedLoader(() =>
    import("../../components/training/PrFigure").then((m) => ({ default: m.PrFigure })),
  ),
  shares: gatedLoader(() =>
    import("../../components/training/SharesFigure").then((m) => ({ default: m.SharesFigure })),
  ),
  figure4: gatedLoader(() =>
    import("../../components/training/Figure4Figure").then((m) => ({ default: m.Figure4Figure })),
  ),
  methods: gatedLoader(() =>
    import("../../components/training/MethodsFigure").then((m) => ({ default: m.MethodsFigure })),
  ),
  heatmaps: gatedLoader(() =>
    import("../../components/training/HeatmapsFigure").then((m) => ({
      default: m.HeatmapsFigure,
    })),
  ),
});

const PARTS = {
  "loss-history": lazyPart(GATES["loss-history"].load),
  metrics: lazyPart(GATES.metrics.load),
  pr: lazyPart(GATES.pr.load),
  shares: lazyPart(GATES.shares.load),
  figure4: lazyPart(GATES.figure4.load),
  methods: lazyPart(GATES.methods.load),
  heatmaps: lazyPart(GATES.heatmaps.load),
};

export type TrainingFigureId = keyof typeof PARTS;

/** Each figure's props, as its component takes them. */
type FigureProps<K extends TrainingFigureId> = ComponentProps<(typeof PARTS)[K]>;

/** Whose figure, for the message when its code cannot be loaded. */
const NAMES: Record<TrainingFigureId, string> = {
  "loss-history": "The loss history",
  metrics: "The held-out metrics",
  pr: "The precision–recall curves",
  shares: "The loss and gradient shares",
  figure4: "The ranked losses (the paper's Figure 4)",
  methods: "The methods panel",
  heatmaps: "The heatmaps",
};

/** Start fetching the figures' code now (see prefetchAll). */
export function prefetchTrainingFigures(): void {
  prefetchAll(GATES);
}

function FigurePlaceholder() {
  return (
    <div
      aria-busy="true"
      className="my-2 h-[360px] rounded-xl border border-[var(--grid)] bg-[var(--panel)]"
    />
  );
}

/** One training figure in its place: hydrated when wanted, with its props held until then. */
export function TrainingFigure<K extends TrainingFigureId>({
  figure,
  props,
}: {
  figure: K;
  props: FigureProps<K>;
}) {
  const gate = GATES[figure];
  // Rendered in the browser (not hydrated): nothing to hold back, the code is wanted at once.
  useState(() => {
    if (!import.meta.env.SSR && !isRootHydrating()) gate.open();
  });
  // The call site's props are checked against the figure's (FigureProps<K>); TypeScript cannot
  // relate PARTS[K] to them inside this generic function, so the part takes them as they are.
  const Part = PARTS[figure] as unknown as ((props: object) => ReactElement) & {
    retry: () => void;
  };
  const ref = useRef<HTMLDivElement>(null);
  const mountedSignal = useMountedSignal();
  const { mounted, mountedNow, signal } = mountedSignal;
  // Until the figure's code has mounted, the boundary gets the very element it was hydrated
  // with (React then leaves it alone); a new one, even with the same props, would count as an
  // update, and an update on a boundary React has not hydrated drops the server's HTML.
  const [first] = useState(props);
  const shown = mounted ? props : first;
  const content = useMemo(
    () => (
      <ChunkBoundary what={NAMES[figure]} retry={Part.retry}>
        <Suspense fallback={<FigurePlaceholder />}>
          <Mounted />
          <Part {...(shown as object)} />
        </Suspense>
      </ChunkBoundary>
    ),
    [figure, Part, shown],
  );
  useOpenWhenWanted(ref, gate, mountedNow);
  usePrintCatchUp(ref, gate, mountedSignal);
  return (
    // `data-live` once the figure's code has mounted.
    <div ref={ref} data-training-figure={figure} data-live={mounted ? "" : undefined}>
      <MountedSignal.Provider value={signal}>{content}</MountedSignal.Provider>
    </div>
  );
}
