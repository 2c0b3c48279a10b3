/**
 * The component that draws each chart of the catalogue in an embed. Explainer figures come with
 * the embed page; the training charts load with their own chunk, which neither the explainer's
 * charts nor the Share menu need.
 */
import type { ComponentType } from "react";
import { AlphaBalancedFigure } from "../../components/figures/AlphaBalancedFigure";
import { DownweightFigure } from "../../components/figures/DownweightFigure";
import { FocalStarFigure } from "../../components/figures/FocalStarFigure";
import { GradientFigure } from "../../components/figures/GradientFigure";
import { LossBudgetFigure } from "../../components/figures/LossBudgetFigure";
import { LossVsPtFigure } from "../../components/figures/LossVsPtFigure";
import { type LazyPart, lazyPart } from "../../components/lazyPart";
import type { ChartId } from "../../state/charts";

const trainChart = (name: keyof typeof import("./trainCharts")) =>
  lazyPart(async () => {
    const charts = await import("./trainCharts");
    return { default: charts[name] as ComponentType };
  });

/** A chart of the training page loads with its chunk, and can be loaded again (`retry`). */
type EmbedChart = ComponentType & Partial<Pick<LazyPart<ComponentType>, "retry">>;

export const CHART_COMPONENTS: Record<ChartId, EmbedChart> = {
  "loss-vs-pt": LossVsPtFigure,
  "alpha-balanced": AlphaBalancedFigure,
  "down-weighting": DownweightFigure,
  gradient: GradientFigure,
  "loss-budget": LossBudgetFigure,
  "fl-star": FocalStarFigure,
  "train-loss": trainChart("TrainLossChart"),
  "train-ap": trainChart("TrainMetricsChart"),
  "train-pr": trainChart("TrainPrChart"),
  "train-shares": trainChart("TrainSharesChart"),
  "train-figure4": trainChart("TrainFigure4Chart"),
  "train-methods": trainChart("TrainMethodsChart"),
  "train-heatmaps": trainChart("TrainHeatmapsChart"),
};
