/**
 * The explainer's six figures by chart id, imported directly: for present mode and the
 * handout, which are loaded on use and need every figure drawn at once (the article loads
 * figures 2–6 lazily instead).
 */
import type { ComponentType } from "react";
import { AlphaBalancedFigure } from "../../components/figures/AlphaBalancedFigure";
import { DownweightFigure } from "../../components/figures/DownweightFigure";
import { FocalStarFigure } from "../../components/figures/FocalStarFigure";
import { GradientFigure } from "../../components/figures/GradientFigure";
import { LossBudgetFigure } from "../../components/figures/LossBudgetFigure";
import { LossVsPtFigure } from "../../components/figures/LossVsPtFigure";
import type { ExplainerChartId } from "../../state/charts";

export const FIGURES: Record<ExplainerChartId, ComponentType> = {
  "loss-vs-pt": LossVsPtFigure,
  "alpha-balanced": AlphaBalancedFigure,
  "down-weighting": DownweightFigure,
  gradient: GradientFigure,
  "loss-budget": LossBudgetFigure,
  "fl-star": FocalStarFigure,
};
