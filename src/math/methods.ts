/**
 * Where each way of training spends the loss and the gradient: CE, α-CE and FL (all
 * α_t (1 − p_t)^γ CE), FL* (the paper's appendix A) and OHEM (CE on the hardest locations only).
 * Pure functions over logits and labels, so the same numbers come from a run's full held-out
 * predictions and from a thinned, loss-ranked sample of them (with weights).
 */
import {
  alphaT,
  focalLossStar,
  focalLossStarGrad,
  sigmoidFocalLoss,
  sigmoidFocalLossAndGradInto,
  sigmoidFocalLossGrad,
} from "./focal";
import { type OhemRatio, ohemKept } from "./ohem";
import { EASY_PT, type GroupTotals, groupOf, type LossShares } from "./shares";

/** A way to turn per-location logits into a training loss. */
export type LossMethod =
  /** α_t (1 − p_t)^γ (−ln p_t): CE (γ = 0, no α), α-CE, FL, α-FL. */
  | { kind: "focal"; gamma: number; alpha: number | null }
  /** α_t · FL*, FL* = −ln σ(γ x_t + β) / γ (appendix A; the paper trained it with α = 0.25). */
  | { kind: "focal-star"; gamma: number; beta: number; alpha: number | null }
  /** CE on the `keep` highest-CE locations only (split 1:3 between classes, or not). */
  | { kind: "ohem"; ratio: OhemRatio; keep: number };

/** Loss and gradient shares per group, and how many examples of each group the method trains on. */
export interface MethodShares extends LossShares {
  /** Σ w_i over the examples that get any gradient (OHEM: its kept set; others: all). */
  trained: GroupTotals;
}

const CE = { gamma: 0, alpha: null } as const;

/**
 * Shares of the method's total loss and of its total |∂L/∂x| from positives, hard and easy
 * negatives (each set sums to 1; NaN when the total is 0), the counts of each group and the
 * examples trained on. `weights` (default 1) lets a sample stand for w_i identical examples.
 * Shares do not depend on how the loss is normalized (by positives, or by OHEM's kept count).
 */
export function methodShares(
  logits: ArrayLike<number>,
  labels: ArrayLike<number>,
  method: LossMethod,
  weights?: ArrayLike<number>,
): MethodShares {
  const n = logits.length;
  const label = (i: number): 0 | 1 => (labels[i] === 1 ? 1 : 0);
  let kept: ArrayLike<number> | null = null;
  if (method.kind === "ohem") {
    const ce = Float64Array.from({ length: n }, (_, i) =>
      sigmoidFocalLoss(logits[i] as number, label(i), CE),
    );
    kept = ohemKept(ce, labels, method.keep, method.ratio, weights);
  }
  // Totals by group index (0 positives, 1 hard negatives, 2 easy negatives), summed in location
  // order as before; the focal family takes the fused loss-and-gradient path (same floats).
  const loss = new Float64Array(3);
  const gradient = new Float64Array(3);
  const counts = new Float64Array(3);
  const trained = new Float64Array(3);
  const parts = new Float64Array(3);
  const focal = method.kind === "focal" ? method : null;
  for (let i = 0; i < n; i++) {
    const x = logits[i] as number;
    const y = label(i);
    const w = weights ? (weights[i] as number) : 1;
    const s = kept ? (kept[i] as number) : w;
    let l: number;
    let g: number;
    let group: number;
    if (focal) {
      sigmoidFocalLossAndGradInto(x, y, focal, parts);
      l = parts[0] as number;
      g = parts[1] as number;
      // groupOf: a negative's p_t is σ(−x), the p_t computed with its loss.
      group = y === 1 ? 0 : (parts[2] as number) > EASY_PT ? 2 : 1;
    } else {
      [l, g] = lossAndGradient(x, y, method);
      group = GROUPS.indexOf(groupOf(x, y));
    }
    loss[group] = (loss[group] as number) + s * l;
    gradient[group] = (gradient[group] as number) + s * Math.abs(g);
    counts[group] = (counts[group] as number) + w;
    trained[group] = (trained[group] as number) + s;
  }
  return {
    loss: normalize(totalsOf(loss)),
    gradient: normalize(totalsOf(gradient)),
    counts: totalsOf(counts),
    trained: totalsOf(trained),
  };
}

/** A location's loss and ∂L/∂x under the method (OHEM: CE; its selection is applied apart). */
export function lossAndGradient(x: number, y: 0 | 1, method: LossMethod): [number, number] {
  if (method.kind === "ohem") return [sigmoidFocalLoss(x, y, CE), sigmoidFocalLossGrad(x, y, CE)];
  if (method.kind === "focal") {
    return [sigmoidFocalLoss(x, y, method), sigmoidFocalLossGrad(x, y, method)];
  }
  const a = alphaT(y, method.alpha);
  return [a * focalLossStar(x, y, method), a * focalLossStarGrad(x, y, method)];
}

const GROUPS: readonly (keyof GroupTotals)[] = ["positives", "hardNegatives", "easyNegatives"];

function totalsOf(t: Float64Array): GroupTotals {
  return {
    positives: t[0] as number,
    hardNegatives: t[1] as number,
    easyNegatives: t[2] as number,
  };
}

function normalize(t: GroupTotals): GroupTotals {
  const total = t.positives + t.hardNegatives + t.easyNegatives;
  return {
    positives: t.positives / total,
    hardNegatives: t.hardNegatives / total,
    easyNegatives: t.easyNegatives / total,
  };
}
