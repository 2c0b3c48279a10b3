/**
 * The article's six figures, live. The page's HTML holds every figure prerendered at the
 * default state (build/prerender.ts), each in a `data-figure-slot` element between the static
 * parts of the article (ArticleBody.tsx); their code loads right after the page's own and
 * hydrates them in place. Until a figure's code has mounted it keeps the state it was drawn at
 * (FreezeWhenHidden); every figure follows the shared state only while it is near the viewport.
 */
import { Suspense } from "react";
import { FreezeWhenHidden, Mounted } from "../../components/FreezeWhenHidden";
import { ChunkBoundary, lazyPart } from "../../components/lazyPart";
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

const PARTS = {
  "loss-vs-pt": lazyPart(LOADERS["loss-vs-pt"]),
  "alpha-balanced": lazyPart(LOADERS["alpha-balanced"]),
  "down-weighting": lazyPart(LOADERS["down-weighting"]),
  gradient: lazyPart(LOADERS.gradient),
  "loss-budget": lazyPart(LOADERS["loss-budget"]),
  "fl-star": lazyPart(LOADERS["fl-star"]),
};

/** Start loading the figures now (the module loader caches them for React.lazy). */
export function prefetchFigures(): void {
  for (const load of Object.values(LOADERS)) void load();
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

/** A figure in its slot, as the article places it (the server's markup and the browser's alike). */
export function FigureSlot({ chart }: { chart: ExplainerChartId }) {
  const Part = PARTS[chart];
  return (
    <div data-figure-slot={chart}>
      <FreezeWhenHidden>
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
}
