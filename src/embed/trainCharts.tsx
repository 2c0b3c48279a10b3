/**
 * The training page's six figures as embeddable charts: each draws the recorded run from
 * `TrainEmbedContext` (provided by TrainEmbed) with the page's own figure component.
 */
import { Figure4Figure } from "../components/train/Figure4Figure";
import { HeatmapsFigure } from "../components/train/HeatmapsFigure";
import { LossHistoryFigure } from "../components/train/LossHistoryFigure";
import { MetricsFigure } from "../components/train/MetricsFigure";
import { PrFigure } from "../components/train/PrFigure";
import { SharesFigure } from "../components/train/SharesFigure";
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
