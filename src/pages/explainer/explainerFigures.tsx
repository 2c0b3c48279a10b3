/**
 * The article's six figures, live. The page's HTML holds every figure prerendered at the
 * default state (build/prerender.ts), each in a `data-figure-slot` element between the static
 * parts of the article (ArticleBody.tsx). Their code is fetched right after the page's own, but
 * each figure hydrates only when it is wanted: within a screen of the viewport, used, or printed
 * (a gate per figure, gatedLoader.ts, opened by FreezeWhenHidden). Until a figure's code has
 * mounted it keeps the state it was drawn at; every figure follows the shared state only while it
 * is near the viewport.
 */
import { memo, Suspense } from "react";
import { FreezeWhenHidden, Mounted } from "../../components/FreezeWhenHidden";
import { gatedLoader } from "../../components/gatedLoader";
import { ChunkBoundary, lazyPart } from "../../components/lazyPart";
import { pageGates, prefetchAll } from "../../components/whenWanted";
import { CHARTS, type ExplainerChartId } from "../../state/charts";

const LOADERS = {
  "loss-vs-pt": () =>
    import("../../components/figures/LossVsPtFigure").then((m) => ({ default: m.LossVsPtFigure })),
  "alpha-balanced": () =>
    import("../../components/figures/AlphaBalancedFigure").then((m) => ({
      default: m.AlphaBalancedFigure,
    })),
  "down-weighting": () =>
    import("../../components/figures/DownweightFigure").then((m) => ({
      default: m.DownweightFigure,
    })),
  gradient: () =>
    import("../../components/figures/GradientFigure").then((m) => ({ default: m.GradientFigure })),
  "loss-budget": () =>
    import("../../components/figures/LossBudgetFigure").then((m) => ({
      default: m.LossBudgetFigure,
    })),
  "fl-star": () =>
    import("../../components/figures/FocalStarFigure").then((m) => ({
      default: m.FocalStarFigure,
    })),
} satisfies Record<ExplainerChartId, unknown>;

/** One gate per figure: its code is fetched early and handed to React when the figure is wanted. */
const GATES = pageGates({
  "loss-vs-pt": gatedLoader(LOADERS["loss-vs-pt"]),
  "alpha-balanced": gatedLoader(LOADERS["alpha-balanced"]),
  "down-weighting": gatedLoader(LOADERS["down-weighting"]),
  gradient: gatedLoader(LOADERS.gradient),
  "loss-budget": gatedLoader(LOADERS["loss-budget"]),
  "fl-star": gatedLoader(LOADERS["fl-star"]),
});

const PARTS = {
  "loss-vs-pt": lazyPart(GATES["loss-vs-pt"].load),
  "alpha-balanced": lazyPart(GATES["alpha-balanced"].load),
  "down-weighting": lazyPart(GATES["down-weighting"].load),
  gradient: lazyPart(GATES.gradient.load),
  "loss-budget": lazyPart(GATES["loss-budget"].load),
  "fl-star": lazyPart(GATES["fl-star"].load),
};

/**
 * Hand every figure its code as soon as it arrives: for an article rendered in the browser (not
 * adopted from the server's HTML), where a figure held back would be an empty placeholder.
 */
export function openFigures(): void {
  for (const gate of Object.values(GATES)) gate.open();
}

/** Start fetching the figures' code now; each hydrates when its gate opens (see prefetchAll). */
export function prefetchFigures(): void {
  prefetchAll(GATES);
}

export function isFigureSlot(id: string | undefined): id is ExplainerChartId {
  return id !== undefined && Object.hasOwn(LOADERS, id);
}

function FigurePlaceholder() {
  return (
    <div
      aria-busy="true"
      className="my-8 h-[560px] rounded-xl border border-[var(--grid)] bg-[var(--panel)]"
    />
  );
}

/**
 * A figure in its slot, as the article places it (the server's markup and the browser's alike).
 * Memoized: a re-render of the article must not hand a figure that has not hydrated a new
 * element (React would count it as an update and drop the server's HTML).
 */
export const FigureSlot = memo(function FigureSlot({ chart }: { chart: ExplainerChartId }) {
  const Part = PARTS[chart];
  return (
    <div data-figure-slot={chart}>
      <FreezeWhenHidden gate={GATES[chart]}>
        <ChunkBoundary
          what={`Figure ${CHARTS[chart].number} (${CHARTS[chart].title})`}
          retry={Part.retry}
        >
          <Suspense fallback={<FigurePlaceholder />}>
            <Mounted />
            <Part />
          </Suspense>
        </ChunkBoundary>
      </FreezeWhenHidden>
    </div>
  );
});
