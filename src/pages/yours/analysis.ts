/**
 * What the page draws for a reader's data at given γ and α, computed from the fixed-size
 * summary (so each slider move costs the same for any file size). Pure; every formula is a
 * src/math function.
 */

import {
  expectedCalibrationError,
  focalOptimalScore,
  meanProbabilityGap,
  mergeReliabilityBins,
  type ReliabilityBin,
} from "../../math/calibration";
import type { Point } from "../../math/curves";
import { type LossCdf, normalizedLossCdf } from "../../math/figure4";
import { weightedHistogram } from "../../math/logitGrid";
import {
  bestF1Point,
  f1Of,
  type OperatingPoint,
  operatingPointAt,
  operatingPoints,
} from "../../math/metrics";
import { sigmoid } from "../../math/numeric";
import { type LossShares, lossShares } from "../../math/shares";
import type { PredictionSummary } from "../../userdata/types";

/** The three losses of the explainer's Figure 5, with the reader's γ and α (α-CE with its own α). */
export interface LossComparison {
  id: "ce" | "alpha-ce" | "alpha-fl";
  label: string;
  shares: LossShares;
}

export function compareLosses(
  s: PredictionSummary,
  gamma: number,
  alpha: number,
  ceAlpha: number,
): LossComparison[] {
  const { logits, labels, counts } = s.samples;
  return [
    { id: "ce", label: "CE", opts: { gamma: 0, alpha: null } },
    { id: "alpha-ce", label: "α-CE", opts: { gamma: 0, alpha: ceAlpha } },
    { id: "alpha-fl", label: "α-FL", opts: { gamma, alpha } },
  ].map(({ id, label, opts }) => ({
    id: id as LossComparison["id"],
    label,
    shares: lossShares(logits, labels, opts, counts),
  }));
}

/** The paper's Figure 4 for the reader's positives and negatives at γ. */
export function lossCdfs(
  s: PredictionSummary,
  gamma: number,
): { positives: LossCdf; negatives: LossCdf } {
  const { logits, labels, counts } = s.samples;
  return {
    positives: normalizedLossCdf(logits, labels, 1, gamma, 101, counts),
    negatives: normalizedLossCdf(logits, labels, 0, gamma, 101, counts),
  };
}

/** Share of each class's examples in `bins` equal bins of p_t on [0, 1]: the density rug. */
export function ptDensity(
  s: PredictionSummary,
  bins: number,
): { positives: Float64Array; negatives: Float64Array } {
  const { logits, labels, counts } = s.samples;
  const of = (y: 0 | 1) => {
    const pts: number[] = [];
    const ws: number[] = [];
    labels.forEach((label, i) => {
      if (label !== y) return;
      pts.push(sigmoid(y === 1 ? (logits[i] as number) : -(logits[i] as number)));
      ws.push(counts[i] as number);
    });
    const h = weightedHistogram(pts, 0, 1, bins, ws);
    const total = ws.reduce((a, b) => a + b, 0);
    return h.map((v) => (total > 0 ? v / total : 0));
  };
  return { positives: of(1), negatives: of(0) };
}

export interface Calibration {
  bins: ReliabilityBin[];
  ece: number;
  /** Mean predicted probability minus the rate of positives. */
  gap: number;
  baseRate: number;
}

/** The reliability diagram in `binCount` bins (a divisor of the summary's 120). */
export function calibrationOf(s: PredictionSummary, binCount: number): Calibration {
  const bins = mergeReliabilityBins(s.reliability, s.reliability.length / binCount);
  return {
    bins,
    ece: expectedCalibrationError(bins),
    gap: meanProbabilityGap(bins),
    baseRate: s.positives / s.rows,
  };
}

export interface ThresholdView {
  /** What a fixed p ≥ 0.5 flags. */
  atHalf: OperatingPoint | null;
  /** The threshold of highest F1 on the 0.01-logit grid, as a probability. */
  best: (OperatingPoint & { probability: number; f1: number }) | null;
  positives: number;
}

/** Thresholds on the summary's logit grid (bin means): p ≥ 0.5 against the best F1. */
export function thresholdView(s: PredictionSummary): ThresholdView {
  const { logits, labels, counts } = s.samples;
  const points = operatingPoints(logits, labels, counts);
  const best = bestF1Point(points);
  return {
    atHalf: operatingPointAt(points, 0),
    best: best ? { ...best, probability: sigmoid(best.threshold), f1: f1Of(best) } : null,
    positives: s.positives,
  };
}

/**
 * Where an ideal model trained with α-FL(γ, α) would sit on the reliability diagram: for each
 * true rate of positives q, its score is focalOptimalScore(q), plotted as (score, q).
 */
export function idealFocalCurve(gamma: number, alpha: number): Point[] {
  const rates = Array.from({ length: 49 }, (_, i) => (i + 1) / 50);
  return [0.001, 0.005, ...rates, 0.995, 0.999].map((q) => ({
    x: focalOptimalScore(q, { gamma, alpha }),
    y: q,
  }));
}
