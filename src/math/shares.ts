/**
 * Where the loss and its gradient come from: positives, hard negatives and easy negatives
 * (p_t > 0.9: our cut-off). Pure functions over logits and labels; no tfjs.
 */
import {
  type FocalOptions,
  probabilityOfTruth,
  sigmoidFocalLoss,
  sigmoidFocalLossGrad,
} from "./focal";

/**
 * A negative counts as easy when its p_t exceeds this. Our cut-off, not the paper's: the paper
 * calls examples with p_t ≫ 0.5 easy ("well-classified", Figure 1: p_t > .5) and sets no threshold.
 */
export const EASY_PT = 0.9;

/** Sums (or shares) over the three groups of locations. */
export interface GroupTotals {
  positives: number;
  hardNegatives: number;
  easyNegatives: number;
}

/** Shares of the total loss and of the total |∂L/∂x|, plus how many locations each group has. */
export interface LossShares {
  loss: GroupTotals;
  gradient: GroupTotals;
  counts: GroupTotals;
}

/** The group of a location: positives, negatives with p_t ≤ 0.9, negatives with p_t > 0.9. */
export function groupOf(x: number, y: 0 | 1): keyof GroupTotals {
  if (y === 1) return "positives";
  return probabilityOfTruth(x, 0) > EASY_PT ? "easyNegatives" : "hardNegatives";
}

/**
 * Shares of Σ w_i FL(x_i, y_i) and of Σ w_i |dFL/dx_i| per group (each set sums to 1; all NaN
 * when the total is 0), with counts Σ w_i. Shares do not depend on how the loss is normalized,
 * so they hold for the positive-normalized training loss as well. `weights` (default: all 1)
 * lets one sample stand for w_i identical examples, as a histogram bin does.
 */
export function lossShares(
  logits: ArrayLike<number>,
  labels: ArrayLike<number>,
  opts: FocalOptions,
  weights?: ArrayLike<number>,
): LossShares {
  const loss = emptyTotals();
  const gradient = emptyTotals();
  const counts = emptyTotals();
  for (let i = 0; i < logits.length; i++) {
    const x = logits[i] as number;
    const y: 0 | 1 = labels[i] === 1 ? 1 : 0;
    const w = weights ? (weights[i] as number) : 1;
    const group = groupOf(x, y);
    loss[group] += w * sigmoidFocalLoss(x, y, opts);
    gradient[group] += w * Math.abs(sigmoidFocalLossGrad(x, y, opts));
    counts[group] += w;
  }
  return { loss: normalize(loss), gradient: normalize(gradient), counts };
}

function emptyTotals(): GroupTotals {
  return { positives: 0, hardNegatives: 0, easyNegatives: 0 };
}

function normalize(t: GroupTotals): GroupTotals {
  const total = t.positives + t.hardNegatives + t.easyNegatives;
  return {
    positives: t.positives / total,
    hardNegatives: t.hardNegatives / total,
    easyNegatives: t.easyNegatives / total,
  };
}
