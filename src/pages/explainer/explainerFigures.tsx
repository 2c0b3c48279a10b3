/**
 * What the article places by name: typeset equations and the six figures. The page's HTML holds
 * every figure prerendered at the default state (build/prerender.ts); their code loads right
 * after the page's own (prefetched on mount) and hydrates them, so the JavaScript needed before
 * the page is interactive stays small. Until a figure's code has mounted it keeps the state it
 * was drawn at (FreezeWhenHidden); every figure follows the shared state only while it is near
 * the viewport.
 */
import { type ComponentType, Suspense } from "react";
import { FreezeWhenHidden, Mounted } from "../../components/FreezeWhenHidden";
import { ChunkBoundary, lazyPart } from "../../components/lazyPart";
import { Tex } from "../../components/Tex";
import { Try } from "../../components/Try";
import { CHARTS, type ExplainerChartId } from "../../state/charts";

const LOADERS = {
  LossVsPtFigure: () =>
    import("../../components/figures/LossVsPtFigure").then((m) => ({ default: m.LossVsPtFigure })),
  AlphaBalancedFigure: () =>
    import("../../components/figures/AlphaBalancedFigure").then((m) => ({
      default: m.AlphaBalancedFigure,
    })),
  DownweightFigure: () =>
    import("../../components/figures/DownweightFigure").then((m) => ({
      default: m.DownweightFigure,
    })),
  GradientFigure: () =>
    import("../../components/figures/GradientFigure").then((m) => ({ default: m.GradientFigure })),
  LossBudgetFigure: () =>
    import("../../components/figures/LossBudgetFigure").then((m) => ({
      default: m.LossBudgetFigure,
    })),
  FocalStarFigure: () =>
    import("../../components/figures/FocalStarFigure").then((m) => ({
      default: m.FocalStarFigure,
    })),
};

/** Start loading the figures now (the module loader caches them for React.lazy). */
export function prefetchFigures(): void {
  for (const load of Object.values(LOADERS)) void load();
}

function FigurePlaceholder() {
  return (
    <div
      aria-busy="true"
      className="my-8 h-[560px] rounded-xl border border-[var(--grid)] bg-[var(--panel)]"
    />
  );
}

/** Retrying a failed figure loads its chunk again. */
function followWhenVisible(
  Component: ComponentType & { retry?: () => void },
  name: string,
  chart: ExplainerChartId,
) {
  const retry = () => Component.retry?.();
  const what = `Figure ${CHARTS[chart].number} (${CHARTS[chart].title})`;
  const Wrapped = () => (
    <FreezeWhenHidden>
      <ChunkBoundary what={what} retry={retry}>
        <Suspense fallback={<FigurePlaceholder />}>
          <Mounted />
          <Component />
        </Suspense>
      </ChunkBoundary>
    </FreezeWhenHidden>
  );
  Wrapped.displayName = `FollowWhenVisible(${name})`;
  return Wrapped;
}

export const ARTICLE_COMPONENTS = {
  Tex,
  Try,
  LossVsPtFigure: followWhenVisible(
    lazyPart(LOADERS.LossVsPtFigure),
    "LossVsPtFigure",
    "loss-vs-pt",
  ),
  AlphaBalancedFigure: followWhenVisible(
    lazyPart(LOADERS.AlphaBalancedFigure),
    "AlphaBalancedFigure",
    "alpha-balanced",
  ),
  DownweightFigure: followWhenVisible(
    lazyPart(LOADERS.DownweightFigure),
    "DownweightFigure",
    "down-weighting",
  ),
  GradientFigure: followWhenVisible(lazyPart(LOADERS.GradientFigure), "GradientFigure", "gradient"),
  LossBudgetFigure: followWhenVisible(
    lazyPart(LOADERS.LossBudgetFigure),
    "LossBudgetFigure",
    "loss-budget",
  ),
  FocalStarFigure: followWhenVisible(
    lazyPart(LOADERS.FocalStarFigure),
    "FocalStarFigure",
    "fl-star",
  ),
};
