/**
 * What the article places by name: typeset equations and the six figures. Figure 1 ships with
 * the page; figures 2–6, below the fold, load right after first paint (prefetched on mount), so
 * the JavaScript needed before first paint stays small. Every figure follows the shared state
 * only while it is near the viewport.
 */
import { type ComponentType, lazy, Suspense } from "react";
import { FreezeWhenHidden } from "../../components/FreezeWhenHidden";
import { LossVsPtFigure } from "../../components/figures/LossVsPtFigure";
import { Tex } from "../../components/Tex";
import { Try } from "../../components/Try";

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

function followWhenVisible(Component: ComponentType, name: string) {
  const Wrapped = () => (
    <FreezeWhenHidden>
      <Suspense fallback={<FigurePlaceholder />}>
        <Component />
      </Suspense>
    </FreezeWhenHidden>
  );
  Wrapped.displayName = `FollowWhenVisible(${name})`;
  return Wrapped;
}

export const ARTICLE_COMPONENTS = {
  Tex,
  Try,
  LossVsPtFigure: followWhenVisible(LossVsPtFigure, "LossVsPtFigure"),
  AlphaBalancedFigure: followWhenVisible(lazy(LOADERS.AlphaBalancedFigure), "AlphaBalancedFigure"),
  DownweightFigure: followWhenVisible(lazy(LOADERS.DownweightFigure), "DownweightFigure"),
  GradientFigure: followWhenVisible(lazy(LOADERS.GradientFigure), "GradientFigure"),
  LossBudgetFigure: followWhenVisible(lazy(LOADERS.LossBudgetFigure), "LossBudgetFigure"),
  FocalStarFigure: followWhenVisible(lazy(LOADERS.FocalStarFigure), "FocalStarFigure"),
};
