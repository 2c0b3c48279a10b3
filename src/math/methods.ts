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
  sigmoidFocalLossGrad,
} from "./focal";
import { type OhemRatio, ohemKept } from "./ohem";
import { type GroupTotals, groupOf, type LossShares } from "./shares";

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
  const w = (i: number) => (weights ? (weights[i] as number) : 1);
  const label = (i: number): 0 | 1 => (labels[i] === 1 ? 1 : 0);
  let share: (i: number) => number = w;
  if (method.kind === "ohem") {
    const ce = Float64Array.from({ length: n }, (_, i) =>
      sigmoidFocalLoss(logits[i] as number, label(i), CE),
    );
    const kept = ohemKept(ce, labels, method.keep, method.ratio, weights);
    share = (i) => kept[i] as number;
  }
  const loss = emptyTotals();
  const gradient = emptyTotals();
  const counts = emptyTotals();
  const trained = emptyTotals();
  for (let i = 0; i < n; i++) {
    const x = logits[i] as number;
    const y = label(i);
    const group = groupOf(x, y);
    const s = share(i);
    const [l, g] = lossAndGradient(x, y, method);
    loss[group] += s * l;
    gradient[group] += s * Math.abs(g);
    counts[group] += w(i);
    trained[group] += s;
  }
  return { loss: normalize(loss), gradient: normalize(gradient), counts, trained };
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
