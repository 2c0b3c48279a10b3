/**
 * The training page's seven figures as embeddable charts: each draws the recorded run from
 * `TrainEmbedContext` (provided by TrainEmbed) with the page's own figure component.
 */
import { Figure4Figure } from "../../components/training/Figure4Figure";
import { HeatmapsFigure } from "../../components/training/HeatmapsFigure";
import { LossHistoryFigure } from "../../components/training/LossHistoryFigure";
import { MethodsFigure } from "../../components/training/MethodsFigure";
import { MetricsFigure } from "../../components/training/MetricsFigure";
import { PrFigure } from "../../components/training/PrFigure";
import { SharesFigure } from "../../components/training/SharesFigure";
import { describeLoss } from "../../experiment/labels";
import { RUN_IDS } from "../../experiment/protocol";
import { useTrainEmbed } from "./trainEmbedContext";

export function TrainLossChart() {
  const { runs, configs } = useTrainEmbed();
  const ohemRuns = RUN_IDS.filter((id) => configs[id].loss === "ohem");
  return <LossHistoryFigure runs={runs} ohemRuns={ohemRuns} />;
}

export function TrainMetricsChart() {
  return <MetricsFigure runs={useTrainEmbed().runs} />;
}

export function TrainPrChart() {
  return <PrFigure runs={useTrainEmbed().runs} />;
}

export function TrainSharesChart() {
  return <SharesFigure runs={useTrainEmbed().runs} />;
}

export function TrainFigure4Chart() {
  const { runs, f4gamma, setF4gamma } = useTrainEmbed();
  return <Figure4Figure runs={runs} gamma={f4gamma} onGamma={setF4gamma} />;
}

export function TrainMethodsChart() {
  const { runs, configs } = useTrainEmbed();
  return (
    <MethodsFigure
      runs={runs}
      losses={{ a: describeLoss(configs.a), b: describeLoss(configs.b) }}
    />
  );
}

export function TrainHeatmapsChart() {
  const { runs, configs } = useTrainEmbed();
  return <HeatmapsFigure runs={runs} configs={configs} />;
}
