/**
 * A fixed, fine grid on the logit axis that summarizes millions of scored examples in a few
 * thousand bins, and equal-width histograms for drawing densities. Pure; no tfjs.
 */
import { logit } from "./numeric";

/**
 * Bin width w = ln 9 / 220 ≈ 0.00999 in logit: both x = 0 (p = 0.5, the usual threshold) and
 * x = −ln 9 (a negative's p_t = 0.9, where the paper's "easy" begins) are bin edges.
 */
export const LOGIT_BIN_WIDTH = -logit(0.1) / 220;

/** Bins on each side of 0: the grid covers |x| < 3000 w ≈ 29.96 (p within 1e-13 of 0 or 1). */
export const LOGIT_GRID_HALF = 3000;

/** Bins in all: 2 · 3000 inside, plus an open bin below −L and one at or above L. */
export const LOGIT_GRID_BINS = 2 * LOGIT_GRID_HALF + 2;

/**
 * The bin of logit x: 0 for x < −L, 1 + ⌊x / w⌋ + 3000 for −L ≤ x < L, and the last bin for
 * x ≥ L, with L = 3000 w. NaN has no bin (−1).
 */
export function logitBinIndex(x: number): number {
  if (Number.isNaN(x)) return -1;
  const k = Math.floor(x / LOGIT_BIN_WIDTH);
  if (k < -LOGIT_GRID_HALF) return 0;
  if (k >= LOGIT_GRID_HALF) return LOGIT_GRID_BINS - 1;
  return k + LOGIT_GRID_HALF + 1;
}

/** The lower edge of bin k: (k − 3001) w inside the grid, −∞ for bin 0. */
export function logitBinLower(k: number): number {
  return k === 0 ? Number.NEGATIVE_INFINITY : (k - LOGIT_GRID_HALF - 1) * LOGIT_BIN_WIDTH;
}

/**
 * Examples summarized as weighted samples: sample i stands for `counts[i]` examples of label
 * `labels[i]` whose logits average `logits[i]`.
 */
export interface WeightedLogits {
  logits: Float64Array;
  labels: Uint8Array;
  counts: Float64Array;
}

/**
 * An equal-width histogram of `values` on [lo, hi] with `bins` bins: bin b counts Σ w_i over
 * the values in [lo + b·h, lo + (b+1)·h), h = (hi − lo) / bins; values below lo or at or above
 * hi fall in the first or last bin; NaN values are skipped. Weights default to 1.
 */
export function weightedHistogram(
  values: ArrayLike<number>,
  lo: number,
  hi: number,
  bins: number,
  weights?: ArrayLike<number>,
): Float64Array {
  const out = new Float64Array(bins);
  const scale = bins / (hi - lo);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) continue;
    const b = Math.min(bins - 1, Math.max(0, Math.floor((v - lo) * scale)));
    out[b] = (out[b] as number) + (weights ? (weights[i] as number) : 1);
  }
  return out;
}
