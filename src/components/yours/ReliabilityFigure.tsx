/**
 * A reliability diagram of the reader's scores with the expected calibration error, and what a
 * fixed 0.5 threshold does on imbalanced data next to the threshold of best F1.
 */
import { memo } from "react";
import type { ReliabilityBin } from "../../math/calibration";
import { formatCount, formatShare, formatValue } from "../../math/format";
import type { OperatingPoint } from "../../math/metrics";
import { DensityRug } from "../charts/DensityRug";
import { Legend } from "../charts/Legend";
import { LineChart, type Series } from "../charts/LineChart";
import { COLORS } from "../charts/palette";
import { Toggle } from "../controls/Toggle";
import { Figure } from "../Figure";

export interface CalibrationView {
  bins: readonly ReliabilityBin[];
  ece: number;
  gap: number;
  baseRate: number;
}

export interface ThresholdSummary {
  atHalf: OperatingPoint | null;
  best: (OperatingPoint & { probability: number; f1: number }) | null;
  positives: number;
}

const BIN_CHOICES = ["10", "15", "20"] as const;
export type BinChoice = (typeof BIN_CHOICES)[number];

function thresholdText(t: ThresholdSummary): string {
  const half = t.atHalf;
  const flagged = half ? half.truePositives + half.falsePositives : 0;
  const halfText = half
    ? `A fixed threshold of 0.5 flags ${formatCount(flagged)} examples: precision ${formatShare(half.precision)}, recall ${formatShare(half.recall)} of your ${formatCount(t.positives)} positives.`
    : `A fixed threshold of 0.5 flags nothing: no score reaches 0.5, so recall is 0 of your ${formatCount(t.positives)} positives.`;
  const best = t.best
    ? ` The threshold of best F1 is p ≈ ${formatValue(t.best.probability)} (F1 ${formatValue(t.best.f1)}: precision ${formatShare(t.best.precision)}, recall ${formatShare(t.best.recall)}).`
    : "";
  return halfText + best;
}

export const YoursReliabilityFigure = memo(function YoursReliabilityFigure({
  calibration,
  thresholds,
  ideal,
  idealLabel,
  idealIsRate,
  bins,
  onBins,
  number,
}: {
  calibration: CalibrationView;
  thresholds: ThresholdSummary;
  /** Where an ideal α-FL model with the page's γ and α would sit: (score, rate) points. */
  ideal: readonly { x: number; y: number }[];
  idealLabel: string;
  /** True when the ideal scores are the rates themselves (γ = 0, α = 0.5). */
  idealIsRate: boolean;
  bins: BinChoice;
  onBins: (b: BinChoice) => void;
  number: number;
}) {
  const filled = calibration.bins.filter((b) => b.count > 0);
  const series: Series[] = [
    {
      id: "ideal",
      label: "perfectly calibrated",
      color: "var(--muted)",
      dash: "4 4",
      points: [
        { x: 0, y: 0 },
        { x: 1, y: 1 },
      ],
      evaluate: (p) => p,
    },
    { id: "ideal-fl", label: idealLabel, color: COLORS.ce, dash: "2 3", points: ideal },
    {
      id: "observed",
      label: "your model: rate of positives per bin",
      color: COLORS.fl,
      emphasis: "strong",
      points: filled.map((b) => ({ x: b.sumProbability / b.count, y: b.positives / b.count })),
    },
  ];
  const idealText = idealIsRate
    ? "At these settings (γ = 0, α = 0.5) the loss is plain CE up to a factor: the score that minimizes its expected value for a true rate q is q itself (dotted diagonal)."
    : `Focal loss changes the scale of scores: the score that minimizes the expected loss of a true rate q is not q (γ > 0 pulls it towards 0.5, α ≠ 0.5 shifts it; dotted: ${idealLabel}), so a model trained with it does not output calibrated probabilities.`;
  const total = calibration.bins.reduce((s, b) => s + b.count, 0);
  const gap = calibration.gap;
  return (
    <Figure
      id="yours-reliability"
      number={number}
      title="Are your scores probabilities? Reliability and the 0.5 threshold"
      controls={
        <Toggle
          label="Bins"
          value={bins}
          options={BIN_CHOICES.map((b) => ({ value: b, label: b }))}
          onChange={onBins}
        />
      }
      caption={
        <>
          Expected calibration error <strong>ECE = {formatValue(calibration.ece)}</strong> over{" "}
          {bins} equal bins: the gap between each bin's mean score and its rate of positives,
          weighted by the bin's share of examples. On average your scores are{" "}
          {formatValue(Math.abs(gap))} {gap >= 0 ? "above" : "below"} the rate of positives (
          {formatShare(calibration.baseRate)}). {idealText} {thresholdText(thresholds)} On
          imbalanced data, choose the threshold from the precision and recall you need, not 0.5.
        </>
      }
      data={() =>
        calibration.bins.map((b) => [
          b.lower,
          b.upper,
          b.count,
          b.positives,
          b.count > 0 ? b.sumProbability / b.count : "",
        ])
      }
      table={{
        columns: ["bin", "examples", "mean score", "rate of positives"],
        rows: calibration.bins.map((b) => [
          `${formatValue(b.lower)}–${formatValue(b.upper)}`,
          formatCount(b.count),
          b.count > 0 ? formatValue(b.sumProbability / b.count) : "–",
          b.count > 0 ? formatValue(b.positives / b.count) : "–",
        ]),
      }}
    >
      {(width) => (
        <>
          <Legend items={series} />
          <LineChart
            width={width}
            height={240}
            series={series}
            xName="mean score"
            markers={[{ x: 0.5, label: "0.5" }]}
            title="Reliability diagram: rate of positives against mean predicted probability per bin"
            x={{ domain: [0, 1], label: "predicted probability (bin mean)", format: formatValue }}
            y={{ domain: [0, 1], label: "rate of positives", format: formatValue }}
          />
          <DensityRug
            width={width}
            title="Share of your examples in each probability bin"
            rows={[
              {
                id: "examples",
                label: "examples",
                color: COLORS.fl,
                shares: calibration.bins.map((b) => (total > 0 ? b.count / total : 0)),
              },
            ]}
          />
        </>
      )}
    </Figure>
  );
});
