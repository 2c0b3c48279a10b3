/**
 * Ranking metrics over scored locations: the precision–recall curve, average precision and
 * recall at a fixed precision. Pure functions over plain arrays; no tfjs.
 *
 * Operating points are the distinct score thresholds t, in decreasing order: a location is
 * predicted positive when its score is ≥ t. Locations with tied scores therefore enter together,
 * as one operating point; no arbitrary order among ties is ever used.
 */
import { descendingOrder } from "./rank";

/** One operating point of a ranking: everything scored ≥ `threshold` is predicted positive. */
export interface OperatingPoint {
  threshold: number;
  truePositives: number;
  falsePositives: number;
  precision: number;
  recall: number;
}

/**
 * The operating points of scores against binary labels, one per distinct score, in decreasing
 * score order: precision = TP/(TP+FP), recall = TP/P. With P = 0 positives recall is NaN.
 * NaN scores are rejected, because a ranking with them is undefined. With `weights`, location
 * i counts w_i times (a histogram bin of w_i examples at one score).
 */
export function operatingPoints(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  weights?: ArrayLike<number>,
): OperatingPoint[] {
  if (scores.length !== labels.length) throw new Error("scores and labels differ in length");
  for (let i = 0; i < scores.length; i++) {
    if (Number.isNaN(scores[i])) throw new Error(`score ${i} is NaN`);
  }
  const order = descendingOrder(scores);
  const weightOf = (i: number) => (weights ? (weights[i] as number) : 1);
  let positives = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === 1) positives += weightOf(i);
  const points: OperatingPoint[] = [];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    if (labels[i] === 1) tp += weightOf(i);
    else fp += weightOf(i);
    const next = order[k + 1];
    const threshold = scores[i] as number;
    if (next !== undefined && scores[next] === threshold) continue;
    points.push({
      threshold,
      truePositives: tp,
      falsePositives: fp,
      precision: tp / (tp + fp),
      recall: tp / positives,
    });
  }
  return points;
}

/**
 * Non-interpolated average precision, AP = Σ_k (R_k − R_{k−1}) · P_k over the operating points
 * k in decreasing threshold order, with R_0 = 0 (the definition of scikit-learn's
 * `average_precision_score`). Without ties this is the mean, over the positives, of the
 * precision at each positive's rank; tied scores share the precision of their operating point.
 * Returns NaN when there are no positives.
 */
export function averagePrecision(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  return averagePrecisionOf(operatingPoints(scores, labels));
}

/** AP (as in `averagePrecision`) from operating points already computed. */
export function averagePrecisionOf(points: readonly OperatingPoint[]): number {
  let ap = 0;
  let previousRecall = 0;
  for (const point of points) {
    if (Number.isNaN(point.recall)) return Number.NaN;
    ap += (point.recall - previousRecall) * point.precision;
    previousRecall = point.recall;
  }
  return points.length === 0 ? Number.NaN : ap;
}

/**
 * The highest recall among operating points whose precision is ≥ `minPrecision`; 0 when no
 * operating point reaches that precision, NaN when there are no positives.
 */
export function recallAtPrecision(points: readonly OperatingPoint[], minPrecision: number): number {
  let best = 0;
  for (const point of points) {
    if (Number.isNaN(point.recall)) return Number.NaN;
    if (point.precision >= minPrecision && point.recall > best) best = point.recall;
  }
  return best;
}

/** A precision–recall curve as parallel arrays, ready to plot or to post to another thread. */
export interface PrCurve {
  recall: Float64Array;
  precision: Float64Array;
  threshold: Float64Array;
}

/**
 * The step PR curve that AP integrates: the operating points at which recall grows (a positive
 * enters), plus the last operating point. At most P + 1 points however many locations there are.
 */
export function prCurve(points: readonly OperatingPoint[]): PrCurve {
  const kept: OperatingPoint[] = [];
  let previousTp = 0;
  points.forEach((point, k) => {
    if (point.truePositives > previousTp || k === points.length - 1) kept.push(point);
    previousTp = point.truePositives;
  });
  return {
    recall: Float64Array.from(kept, (p) => p.recall),
    precision: Float64Array.from(kept, (p) => p.precision),
    threshold: Float64Array.from(kept, (p) => p.threshold),
  };
}

/** AP, recall at a precision and the PR curve of one ranking (see `rankingMetrics`). */
export interface RankingMetrics {
  averagePrecision: number;
  recallAtPrecision: number;
  pr: PrCurve;
}

/**
 * `averagePrecisionOf`, `recallAtPrecision(·, minPrecision)` and `prCurve` of the unweighted
 * `operatingPoints(scores, labels)`, in one pass over the ranking without an object per operating
 * point: the same arithmetic in the same order, so the same floats bit for bit (tested). The
 * held-out set has up to 655,360 distinct scores, where the objects cost more than the sort.
 * `order` is `descendingOrder(scores)`, passed by a caller that already has it.
 */
export function rankingMetrics(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  minPrecision: number,
  order?: Uint32Array,
): RankingMetrics {
  if (scores.length !== labels.length) throw new Error("scores and labels differ in length");
  for (let i = 0; i < scores.length; i++) {
    if (Number.isNaN(scores[i])) throw new Error(`score ${i} is NaN`);
  }
  const ranked = order ?? descendingOrder(scores);
  if (ranked.length !== scores.length) throw new Error("order and scores differ in length");
  let positives = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === 1) positives += 1;
  const recall: number[] = [];
  const precision: number[] = [];
  const threshold: number[] = [];
  let tp = 0;
  let fp = 0;
  let ap = 0;
  let previousRecall = 0;
  let best = 0;
  let previousTp = 0;
  const last = ranked.length - 1;
  for (let k = 0; k <= last; k++) {
    const i = ranked[k] as number;
    if (labels[i] === 1) tp += 1;
    else fp += 1;
    const t = scores[i] as number;
    if (k < last && scores[ranked[k + 1] as number] === t) continue;
    const p = tp / (tp + fp);
    const r = tp / positives;
    ap += (r - previousRecall) * p;
    previousRecall = r;
    if (p >= minPrecision && r > best) best = r;
    if (tp > previousTp || k === last) {
      recall.push(r);
      precision.push(p);
      threshold.push(t);
    }
    previousTp = tp;
  }
  const none = positives === 0;
  return {
    averagePrecision: none || ranked.length === 0 ? Number.NaN : ap,
    recallAtPrecision: none && ranked.length > 0 ? Number.NaN : best,
    pr: {
      recall: Float64Array.from(recall),
      precision: Float64Array.from(precision),
      threshold: Float64Array.from(threshold),
    },
  };
}

/**
 * The operating point that predicts positive every location scored ≥ `threshold`: the last
 * point whose threshold is ≥ it; null when nothing scores that high (no location flagged).
 */
export function operatingPointAt(
  points: readonly OperatingPoint[],
  threshold: number,
): OperatingPoint | null {
  let found: OperatingPoint | null = null;
  for (const point of points) {
    if (point.threshold >= threshold) found = point;
    else break;
  }
  return found;
}

/**
 * The operating point of highest F1 = 2PR / (P + R) = 2TP / (TP + FP + P); the first (highest
 * threshold) among ties; null when no point has a positive F1.
 */
export function bestF1Point(points: readonly OperatingPoint[]): OperatingPoint | null {
  let best: OperatingPoint | null = null;
  let bestF1 = 0;
  for (const point of points) {
    const f1 = f1Of(point);
    if (f1 > bestF1) {
      best = point;
      bestF1 = f1;
    }
  }
  return best;
}

/** F1 = 2PR / (P + R) of an operating point; 0 when P + R = 0, NaN without positives. */
export function f1Of(point: OperatingPoint): number {
  const { precision: p, recall: r } = point;
  if (Number.isNaN(r)) return Number.NaN;
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}
