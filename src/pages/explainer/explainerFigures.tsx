/**
 * What the article places by name: typeset equations and the six figures. Figure 1 ships with
 * the page; figures 2–6, below the fold, load right after first paint (prefetched on mount), so
 * the JavaScript needed before first paint stays small. Every figure follows the shared state
 * only while it is near the viewport.
 */
import { type ComponentType, Suspense } from "react";
import { FreezeWhenHidden } from "../../components/FreezeWhenHidden";
import { LossVsPtFigure } from "../../components/figures/LossVsPtFigure";
import { ChunkBoundary, lazyPart } from "../../components/lazyPart";
import { Tex } from "../../components/Tex";
import { Try } from "../../components/Try";
import { CHARTS, type ExplainerChartId } from "../../state/charts";

const LOADERS = {
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

/** Start loading figures 2–6 now (the module loader caches them for React.lazy). */
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

/** Retrying a failed figure loads its chunk again (figure 1 ships with the page: nothing to do). */
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
  LossVsPtFigure: followWhenVisible(LossVsPtFigure, "LossVsPtFigure", "loss-vs-pt"),
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
