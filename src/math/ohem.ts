/**
 * Online hard example mining (OHEM; Shrivastava et al. 2016), as the focal-loss paper's Table 1d
 * uses it for a one-stage detector: score every location by its cross-entropy, keep only the
 * highest-loss ones and train on those. Two variants: no ratio (the `keep` highest-loss locations
 * of either class) and "1:3" (the SSD variant: at most one positive per three negatives). Pure:
 * the engine does the same selection in tfjs and its tests compare against this.
 */

/** How the kept set is split between the classes. */
export type OhemRatio = "none" | "1:3";

/** How many of each class OHEM keeps. `null` positives: no ratio (the classes compete). */
export interface OhemQuota {
  /** Positives kept (1:3) or null (no ratio: the top `total` of both classes). */
  positives: number | null;
  /** Negatives kept (1:3) or null (no ratio). */
  negatives: number | null;
  /** Locations kept in all. */
  total: number;
}

/**
 * The kept counts of a batch with `positives` and `negatives` locations (counts may be
 * fractional weights). No ratio: min(keep, all). 1:3: the ⌊keep / 4⌋ hardest positives at most,
 * and three negatives per kept positive (so a batch without positives keeps nothing, and a
 * batch with few positives keeps fewer than `keep`).
 */
export function ohemQuota(
  keep: number,
  ratio: OhemRatio,
  positives: number,
  negatives: number,
): OhemQuota {
  if (ratio === "none") {
    return { positives: null, negatives: null, total: Math.min(keep, positives + negatives) };
  }
  const p = Math.min(positives, Math.floor(keep / 4));
  const n = Math.min(negatives, 3 * p);
  return { positives: p, negatives: n, total: p + n };
}

/**
 * How much of each sample OHEM keeps, in [0, w_i]: samples ranked by `losses` from highest to
 * lowest (ties: lower index first, as tfjs's topk) are taken until the quota is filled, within
 * each class for 1:3 and over both classes without a ratio. With unit weights and an integer
 * quota that is exactly a 0/1 mask of the top-k; with weights (one sample standing for w_i
 * examples of equal loss) the last sample taken may be taken in part.
 */
export function ohemKept(
  losses: ArrayLike<number>,
  labels: ArrayLike<number>,
  keep: number,
  ratio: OhemRatio,
  weights?: ArrayLike<number>,
): Float64Array {
  const n = losses.length;
  const w = (i: number) => (weights ? (weights[i] as number) : 1);
  let positives = 0;
  let negatives = 0;
  for (let i = 0; i < n; i++) {
    if (labels[i] === 1) positives += w(i);
    else negatives += w(i);
  }
  const quota = ohemQuota(keep, ratio, positives, negatives);
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (losses[b] as number) - (losses[a] as number) || a - b,
  );
  const kept = new Float64Array(n);
  const byRatio = quota.positives !== null;
  // What is left to take: of both classes together (no ratio), or of each class (1:3).
  const left = byRatio
    ? { 1: quota.positives ?? 0, 0: quota.negatives ?? 0 }
    : { 1: quota.total, 0: quota.total };
  for (const i of order) {
    const y = labels[i] === 1 ? 1 : 0;
    const take = Math.min(w(i), left[y]);
    if (take <= 0) continue;
    kept[i] = take;
    if (byRatio) left[y] -= take;
    else {
      left[0] -= take;
      left[1] -= take;
    }
  }
  return kept;
}
