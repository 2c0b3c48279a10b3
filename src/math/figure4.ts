/**
 * The paper's Figure 4: the cumulative distribution of the normalized focal loss over positives
 * and over negatives, for any γ, from a model's logits (no retraining). Pure; no tfjs.
 */
import { sigmoidFocalLoss } from "./focal";

/** A CDF sampled at evenly spaced fractions of the samples. */
export interface LossCdf {
  /** Fraction of samples, sorted by loss from lowest to highest, in [0, 1]. */
  fraction: Float64Array;
  /** Cumulative share of the total loss carried by that fraction of samples, in [0, 1]. */
  cumulativeLoss: Float64Array;
}

/**
 * Figure 4 for one class: the losses FL_γ(x_i, y) of the samples with label `y` (no α: it is a
 * constant within a class and cancels), sorted ascending and normalized to sum to one; returns
 * the cumulative sum at `points` evenly spaced fractions from 0 to 1 (linear between samples).
 * Empty class or zero total loss gives NaN shares.
 */
export function normalizedLossCdf(
  logits: ArrayLike<number>,
  labels: ArrayLike<number>,
  y: 0 | 1,
  gamma: number,
  points = 101,
): LossCdf {
  const losses: number[] = [];
  for (let i = 0; i < logits.length; i++) {
    if ((labels[i] === 1 ? 1 : 0) === y) {
      losses.push(sigmoidFocalLoss(logits[i] as number, y, { gamma, alpha: null }));
    }
  }
  losses.sort((a, b) => a - b);
  const cumulative = new Float64Array(losses.length + 1);
  for (let k = 0; k < losses.length; k++) {
    cumulative[k + 1] = (cumulative[k] as number) + (losses[k] as number);
  }
  const total = cumulative[losses.length] as number;
  const fraction = new Float64Array(points);
  const cumulativeLoss = new Float64Array(points);
  for (let j = 0; j < points; j++) {
    const f = points === 1 ? 1 : j / (points - 1);
    fraction[j] = f;
    const pos = f * losses.length;
    const lo = Math.floor(pos);
    const hi = Math.min(lo + 1, losses.length);
    const below = cumulative[lo] as number;
    const interpolated = below + (pos - lo) * ((cumulative[hi] as number) - below);
    cumulativeLoss[j] = total > 0 ? interpolated / total : Number.NaN;
  }
  return { fraction, cumulativeLoss };
}

/**
 * The logits of class `y` in ascending order of their loss, valid for every γ at once: FL_γ is
 * decreasing in p_t for any γ ≥ 0, so negatives rank by ascending x and positives by descending
 * x. Longer than `maxCount`, the ranking is thinned to evenly spaced ranks (first and last
 * kept), which keeps the shape of the CDF while bounding the work of each γ change.
 */
export function lossRankedLogits(
  logits: ArrayLike<number>,
  labels: ArrayLike<number>,
  y: 0 | 1,
  maxCount = Number.POSITIVE_INFINITY,
): Float32Array {
  const own: number[] = [];
  for (let i = 0; i < logits.length; i++) {
    if ((labels[i] === 1 ? 1 : 0) === y) own.push(logits[i] as number);
  }
  const sorted = Float32Array.from(own).sort();
  if (y === 1) sorted.reverse();
  if (sorted.length <= maxCount) return sorted;
  const count = Math.max(2, Math.floor(maxCount));
  return Float32Array.from(
    { length: count },
    (_, k) => sorted[Math.round((k * (sorted.length - 1)) / (count - 1))] as number,
  );
}
