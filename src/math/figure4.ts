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
 * With `weights`, sample i stands for w_i examples of equal loss: the fraction counts examples
 * (Σ w) and the cumulative loss grows by FL_i per example across sample i's span; all-ones
 * weights give exactly the unweighted curve. Empty class or zero total loss gives NaN shares.
 */
export function normalizedLossCdf(
  logits: ArrayLike<number>,
  labels: ArrayLike<number>,
  y: 0 | 1,
  gamma: number,
  points = 101,
  weights?: ArrayLike<number>,
): LossCdf {
  const losses: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < logits.length; i++) {
    const w = weights ? (weights[i] as number) : 1;
    if ((labels[i] === 1 ? 1 : 0) === y && w > 0) {
      losses.push(sigmoidFocalLoss(logits[i] as number, y, { gamma, alpha: null }));
      counts.push(w);
    }
  }
  const order = Array.from(losses.keys()).sort(
    (a, b) => (losses[a] as number) - (losses[b] as number),
  );
  // cumulativeCount[k] examples (the first k samples) carry cumulativeLoss[k] of the loss.
  const cumulativeCount = new Float64Array(order.length + 1);
  const cumulative = new Float64Array(order.length + 1);
  order.forEach((i, k) => {
    cumulativeCount[k + 1] = (cumulativeCount[k] as number) + (counts[i] as number);
    cumulative[k + 1] = (cumulative[k] as number) + (counts[i] as number) * (losses[i] as number);
  });
  const totalCount = cumulativeCount[order.length] as number;
  const total = cumulative[order.length] as number;
  const fraction = new Float64Array(points);
  const cumulativeLoss = new Float64Array(points);
  let k = 0;
  for (let j = 0; j < points; j++) {
    const f = points === 1 ? 1 : j / (points - 1);
    fraction[j] = f;
    const pos = f * totalCount;
    while (k < order.length - 1 && (cumulativeCount[k + 1] as number) <= pos) k++;
    const below = cumulative[k] as number;
    const loss = order.length === 0 ? 0 : (losses[order[k] as number] as number);
    const interpolated = below + Math.max(0, pos - (cumulativeCount[k] as number)) * loss;
    cumulativeLoss[j] = total > 0 ? Math.min(1, interpolated / total) : Number.NaN;
  }
  return { fraction, cumulativeLoss };
}

/**
 * The logits of class `y` in ascending order of their loss, valid for every γ at once: FL_γ is
 * decreasing in p_t for any γ ≥ 0, so negatives rank by ascending x and positives by descending
 * x. Longer than `maxCount`, the ranking is thinned to evenly spaced ranks (first and last
 * kept), which keeps the shape of the CDF while bounding the work of each γ change. With
 * `order` (`descendingOrder(logits)`, already computed for the AP) no sort is needed and the
 * result is the same array bit for bit, −0 and +0 included (tested); logits must not be NaN.
 */
export function lossRankedLogits(
  logits: ArrayLike<number>,
  labels: ArrayLike<number>,
  y: 0 | 1,
  maxCount = Number.POSITIVE_INFINITY,
  order?: Uint32Array,
): Float32Array {
  const sorted = order ? fromOrder(logits, labels, y, order) : sortedClass(logits, labels, y);
  if (sorted.length <= maxCount) return sorted;
  const count = Math.max(2, Math.floor(maxCount));
  return Float32Array.from(
    { length: count },
    (_, k) => sorted[Math.round((k * (sorted.length - 1)) / (count - 1))] as number,
  );
}

/** Class `y`'s logits sorted ascending (y = 0) or descending (y = 1), as a Float32Array sorts. */
function sortedClass(logits: ArrayLike<number>, labels: ArrayLike<number>, y: 0 | 1): Float32Array {
  const own: number[] = [];
  for (let i = 0; i < logits.length; i++) {
    if ((labels[i] === 1 ? 1 : 0) === y) own.push(logits[i] as number);
  }
  const sorted = Float32Array.from(own).sort();
  if (y === 1) sorted.reverse();
  return sorted;
}

/**
 * `sortedClass` read off the descending order of all logits: positives in that order, negatives
 * in reverse. The order ties −0 with +0 (by index) where the typed-array sort puts −0 first, so
 * the block of zeros is rewritten: −0 first ascending, +0 first descending.
 */
function fromOrder(
  logits: ArrayLike<number>,
  labels: ArrayLike<number>,
  y: 0 | 1,
  order: Uint32Array,
): Float32Array {
  if (order.length !== logits.length) throw new Error("order and logits differ in length");
  const inClass = (i: number) => (labels[i] === 1 ? 1 : 0) === y;
  let count = 0;
  for (let i = 0; i < logits.length; i++) if (inClass(i)) count += 1;
  const sorted = new Float32Array(count);
  let k = 0;
  const n = order.length;
  for (let j = 0; j < n; j++) {
    const i = order[y === 1 ? j : n - 1 - j] as number;
    if (inClass(i)) sorted[k++] = logits[i] as number;
  }
  const first = sorted.indexOf(0); // finds −0 too
  if (first >= 0) {
    let end = first;
    let negative = 0;
    while (end < count && sorted[end] === 0) {
      if (Object.is(sorted[end], -0)) negative += 1;
      end += 1;
    }
    const positive = end - first - negative;
    const [a, an, b] = y === 0 ? [-0, negative, 0] : [0, positive, -0];
    sorted.fill(a, first, first + an);
    sorted.fill(b, first + an, end);
  }
  return sorted;
}

/**
 * The share of a class's FL_γ loss carried by its hardest `fraction` of examples, from that
 * class's logits ranked by ascending loss (as `lossRankedLogits` gives them, thinned or not:
 * each sample stands for an equal share of the class). Exact where the CDF's 101 points are too
 * coarse, e.g. for the 0.04% of negatives OHEM keeps; the last sample may count in part. NaN for
 * an empty class or a zero total.
 */
export function hardestLossShare(
  ranked: ArrayLike<number>,
  y: 0 | 1,
  gamma: number,
  fraction: number,
): number {
  const n = ranked.length;
  const losses = Array.from({ length: n }, (_, i) =>
    sigmoidFocalLoss(ranked[i] as number, y, { gamma, alpha: null }),
  );
  const total = losses.reduce((a, b) => a + b, 0);
  if (n === 0 || !(total > 0)) return Number.NaN;
  let left = Math.min(1, Math.max(0, fraction)) * n;
  let top = 0;
  for (let i = n - 1; i >= 0 && left > 0; i--) {
    top += Math.min(1, left) * (losses[i] as number);
    left -= 1;
  }
  return Math.min(1, top / total);
}
