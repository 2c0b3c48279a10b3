/**
 * The training page's six figures as embeddable charts: each draws the recorded run from
 * `TrainEmbedContext` (provided by TrainEmbed) with the page's own figure component.
 */
import { Figure4Figure } from "../../components/training/Figure4Figure";
import { HeatmapsFigure } from "../../components/training/HeatmapsFigure";
import { LossHistoryFigure } from "../../components/training/LossHistoryFigure";
import { MetricsFigure } from "../../components/training/MetricsFigure";
import { PrFigure } from "../../components/training/PrFigure";
import { SharesFigure } from "../../components/training/SharesFigure";
import { useTrainEmbed } from "./trainEmbedContext";

export function TrainLossChart() {
  return <LossHistoryFigure view={useTrainEmbed().view} number={1} />;
}

export function TrainMetricsChart() {
  return <MetricsFigure view={useTrainEmbed().view} number={2} />;
}

export function TrainPrChart() {
  return <PrFigure view={useTrainEmbed().view} number={3} />;
}

export function TrainSharesChart() {
  return <SharesFigure view={useTrainEmbed().view} number={4} />;
}

export function TrainFigure4Chart() {
  const { view, f4gamma, setF4gamma } = useTrainEmbed();
  return <Figure4Figure view={view} number={5} gamma={f4gamma} onGamma={setF4gamma} />;
}

export function TrainHeatmapsChart() {
  const { view, configs } = useTrainEmbed();
  return <HeatmapsFigure view={view} number={6} configs={configs} />;
}
