/**
 * CE, FL and FL* as functions of x_t = y·x (y = ±1), as the paper's appendix draws them
 * (Figures 5 and 6): p_t = σ(x_t), so a positive at logit x has x_t = x and every curve here is
 * the positive's. Loss and derivative come from `focal.ts`; nothing is re-derived here.
 */
import { linspace, type Point, sample } from "./curves";
import {
  type FocalStarOptions,
  focalLossStar,
  focalLossStarGrad,
  sigmoidFocalLoss,
  sigmoidFocalLossGrad,
} from "./focal";

/** The x_t range of the paper's Figure 5 (loss) and Figure 6 (derivative). */
export const XT_LOSS_RANGE = [-5, 5] as const;
export const XT_GRADIENT_RANGE = [-10, 10] as const;

/** One of the three losses of the appendix's figures. */
export type XtLoss =
  | { kind: "ce" }
  | { kind: "fl"; gamma: number }
  | ({ kind: "fl-star" } & FocalStarOptions);

/** The loss at x_t (no α: the appendix's figures draw the unweighted losses). */
export function lossAtXt(loss: XtLoss, xt: number): number {
  if (loss.kind === "fl-star") return focalLossStar(xt, 1, loss);
  return sigmoidFocalLoss(xt, 1, { gamma: loss.kind === "fl" ? loss.gamma : 0, alpha: null });
}

/** dL/dx at x_t, for a positive (= dL/dx_t; a negative's is the mirror image). */
export function gradientAtXt(loss: XtLoss, xt: number): number {
  if (loss.kind === "fl-star") return focalLossStarGrad(xt, 1, loss);
  return sigmoidFocalLossGrad(xt, 1, { gamma: loss.kind === "fl" ? loss.gamma : 0, alpha: null });
}

const STEPS = 240;

/** The loss sampled over x_t (default: the paper's Figure 5 range). */
export function xtLossCurve(
  loss: XtLoss,
  range: readonly [number, number] = XT_LOSS_RANGE,
): Point[] {
  return sample(linspace(range[0], range[1], STEPS), (xt) => lossAtXt(loss, xt));
}

/** The derivative sampled over x_t (default: the paper's Figure 6 range). */
export function xtGradientCurve(
  loss: XtLoss,
  range: readonly [number, number] = XT_GRADIENT_RANGE,
): Point[] {
  return sample(linspace(range[0], range[1], STEPS), (xt) => gradientAtXt(loss, xt));
}

/**
 * The smallest x_t from which |dL/dx| stays below `level` for every larger x_t (searched on
 * [−20, 40]): where a loss stops pushing examples that are already right. Every loss here has
 * |dL/dx| → 0 as x_t → ∞; a scan finds the last crossing, bisection refines it.
 */
export function smallGradientFrom(loss: XtLoss, level: number): number {
  const small = (xt: number) => Math.abs(gradientAtXt(loss, xt)) < level;
  const lo = -20;
  const hi = 40;
  const step = 0.01;
  let x = hi;
  while (x > lo && small(x - step)) x -= step;
  if (x <= lo) return lo;
  let a = x - step;
  let b = x;
  for (let i = 0; i < 50; i++) {
    const m = (a + b) / 2;
    if (small(m)) b = m;
    else a = m;
  }
  return b;
}

/** The largest |dL/dx| over x_t in [−20, 20] and where it is (a fine scan, then refined). */
export function peakGradient(loss: XtLoss): { value: number; at: number } {
  let best = { value: 0, at: 0 };
  for (let xt = -20; xt <= 20; xt += 0.01) {
    const v = Math.abs(gradientAtXt(loss, xt));
    if (v > best.value) best = { value: v, at: xt };
  }
  // Golden-section refinement around the best grid point.
  let a = best.at - 0.01;
  let b = best.at + 0.01;
  const f = (xt: number) => Math.abs(gradientAtXt(loss, xt));
  for (let i = 0; i < 60; i++) {
    const m1 = a + (b - a) * 0.382;
    const m2 = a + (b - a) * 0.618;
    if (f(m1) < f(m2)) a = m1;
    else b = m2;
  }
  const at = (a + b) / 2;
  return f(at) >= best.value ? { value: f(at), at } : best;
}
