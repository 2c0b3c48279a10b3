/**
 * Calibration of predicted probabilities: the reliability diagram and the expected calibration
 * error (ECE) of Naeini, Cooper & Hauskrecht (2015) in the binned form used by Guo et al. (2017,
 * "On Calibration of Modern Neural Networks", eq. 3), here for the probability of the positive
 * class of a binary task. Pure; no tfjs.
 */
import { type FocalOptions, sigmoidFocalLoss } from "./focal";
import { sigmoid } from "./numeric";

/** One bin of a reliability diagram over predicted probabilities in [lower, upper). */
export interface ReliabilityBin {
  lower: number;
  upper: number;
  /** Examples whose predicted probability falls in the bin. */
  count: number;
  /** How many of them are positives. */
  positives: number;
  /** Σ p over them (mean confidence = sumProbability / count). */
  sumProbability: number;
}

/** The bin of probability p among `bins` equal bins of [0, 1]: ⌊p · bins⌋, with p = 1 in the last. */
export function reliabilityBinIndex(p: number, bins: number): number {
  return Math.min(bins - 1, Math.max(0, Math.floor(p * bins)));
}

/** `bins` empty equal-width bins covering [0, 1]. */
export function emptyReliabilityBins(bins: number): ReliabilityBin[] {
  return Array.from({ length: bins }, (_, b) => ({
    lower: b / bins,
    upper: (b + 1) / bins,
    count: 0,
    positives: 0,
    sumProbability: 0,
  }));
}

/** Reliability bins of probabilities p_i ∈ [0, 1] against 0/1 labels (weights default to 1). */
export function reliabilityBins(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<number>,
  bins: number,
  weights?: ArrayLike<number>,
): ReliabilityBin[] {
  const out = emptyReliabilityBins(bins);
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i] as number;
    const w = weights ? (weights[i] as number) : 1;
    const bin = out[reliabilityBinIndex(p, bins)] as ReliabilityBin;
    bin.count += w;
    bin.sumProbability += w * p;
    if (labels[i] === 1) bin.positives += w;
  }
  return out;
}

/** Merge runs of `factor` neighbouring bins (the bin count must be a multiple of `factor`). */
export function mergeReliabilityBins(
  bins: readonly ReliabilityBin[],
  factor: number,
): ReliabilityBin[] {
  if (!Number.isInteger(factor) || factor < 1 || bins.length % factor !== 0) {
    throw new Error(`cannot merge ${bins.length} bins in groups of ${factor}`);
  }
  const out: ReliabilityBin[] = [];
  for (let start = 0; start < bins.length; start += factor) {
    const group = bins.slice(start, start + factor);
    out.push({
      lower: (group[0] as ReliabilityBin).lower,
      upper: (group[group.length - 1] as ReliabilityBin).upper,
      count: group.reduce((s, b) => s + b.count, 0),
      positives: group.reduce((s, b) => s + b.positives, 0),
      sumProbability: group.reduce((s, b) => s + b.sumProbability, 0),
    });
  }
  return out;
}

/**
 * ECE = Σ_b (n_b / N) · |pos_b / n_b − conf_b| = Σ_b |pos_b − Σ_{i∈b} p_i| / N: the gap between
 * the observed frequency of positives and the mean predicted probability in each bin, weighted
 * by the bin's share of the examples. In [0, 1]; NaN when there are no examples.
 */
export function expectedCalibrationError(bins: readonly ReliabilityBin[]): number {
  let total = 0;
  let gap = 0;
  for (const b of bins) {
    total += b.count;
    gap += Math.abs(b.positives - b.sumProbability);
  }
  return total > 0 ? gap / total : Number.NaN;
}

/**
 * Calibration in the large: the mean predicted probability minus the observed rate of
 * positives (> 0: the scores overstate how often positives occur). NaN without examples.
 */
export function meanProbabilityGap(bins: readonly ReliabilityBin[]): number {
  let n = 0;
  let positives = 0;
  let sum = 0;
  for (const b of bins) {
    n += b.count;
    positives += b.positives;
    sum += b.sumProbability;
  }
  return n > 0 ? (sum - positives) / n : Number.NaN;
}

/**
 * The score p* = σ(z*) that minimizes the expected loss of an example that is positive with
 * probability `rate` (q): E(z) = q·FL(z, 1) + (1 − q)·FL(z, 0), with FL = α_t (1 − p_t)^γ (−ln p_t).
 * For CE (γ = 0, no α) p* = q: CE's scores are calibrated at its optimum. For γ > 0, p* lies
 * between q and 0.5, and α ≠ 0.5 shifts it further: an ideal focal-loss model's scores are not
 * the rates of positives. Golden-section search on the logit z ∈ [−40, 40] (E is unimodal in z).
 */
export function focalOptimalScore(rate: number, opts: FocalOptions): number {
  const expected = (z: number) =>
    rate * sigmoidFocalLoss(z, 1, opts) + (1 - rate) * sigmoidFocalLoss(z, 0, opts);
  const phi = (Math.sqrt(5) - 1) / 2;
  let lo = -40;
  let hi = 40;
  let a = hi - phi * (hi - lo);
  let b = lo + phi * (hi - lo);
  let fa = expected(a);
  let fb = expected(b);
  for (let i = 0; i < 120 && hi - lo > 1e-10; i++) {
    if (fa <= fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - phi * (hi - lo);
      fa = expected(a);
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + phi * (hi - lo);
      fb = expected(b);
    }
  }
  return sigmoid((lo + hi) / 2);
}
