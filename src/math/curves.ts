/**
 * The sampled curves behind the explainer's figures. Each function evaluates the losses of
 * `focal.ts` on a grid, so a chart only has to draw what it is given.
 */
import {
  crossEntropy,
  focalLoss,
  modulatingFactor,
  sigmoidFocalLoss,
  sigmoidFocalLossGrad,
} from "./focal";

/** A point of a sampled curve. */
export interface Point {
  x: number;
  y: number;
}

/** The γ values of the paper's Figure 1. */
export const FIGURE1_GAMMAS = [0, 0.5, 1, 2, 5] as const;

/** Logit range drawn by the gradient figure. */
export const LOGIT_RANGE = [-8, 8] as const;

/** The logits the gradient and loss-by-logit curves are sampled at. */
const LOGIT_STEPS = 200;

/** n + 1 evenly spaced values from lo to hi, both included. */
export function linspace(lo: number, hi: number, n: number): number[] {
  return Array.from({ length: n + 1 }, (_, i) => (i === n ? hi : lo + ((hi - lo) * i) / n));
}

/**
 * p_t grid on (0, 1]: evenly spaced from 0.002, plus a geometric run towards 1 so that a log
 * y-axis shows how fast (1 − p_t)^γ vanishes for well-classified examples.
 */
export function ptGrid(n = 160): number[] {
  const linear = linspace(0.002, 0.99, n);
  const tail = linspace(2, 6, 40)
    .slice(1)
    .map((k) => 1 - 10 ** -k);
  return [...linear, ...tail];
}

/** The p_t grid every figure samples (computed once). */
export const PT_GRID: readonly number[] = ptGrid();

const LOGIT_GRID = linspace(LOGIT_RANGE[0], LOGIT_RANGE[1], LOGIT_STEPS);

/** Sample f on xs as points. */
export function sample(xs: readonly number[], f: (x: number) => number): Point[] {
  return xs.map((x) => ({ x, y: f(x) }));
}

/** CE(p_t) = −ln p_t sampled on the p_t grid. */
export function crossEntropyCurve(pts: readonly number[] = PT_GRID): Point[] {
  return sample(pts, crossEntropy);
}

/** FL(p_t) = −(1 − p_t)^γ ln p_t sampled on the p_t grid. */
export function focalLossCurve(gamma: number, pts: readonly number[] = PT_GRID): Point[] {
  return sample(pts, (pt) => focalLoss(pt, gamma));
}

/**
 * α-balanced losses against p, the predicted foreground probability: a positive has p_t = p and
 * weight α; a negative has p_t = 1 − p and weight 1 − α. γ = 0 gives α-CE.
 */
export function alphaBalancedCurve(
  y: 0 | 1,
  gamma: number,
  alpha: number,
  ps: readonly number[] = PT_GRID,
): Point[] {
  // Negatives are sampled on the mirrored grid, dense near p = 0 where their p_t nears 1.
  const xs = y === 1 ? ps : ps.map((p) => 1 - p).reverse();
  return sample(xs, (p) =>
    y === 1 ? alpha * focalLoss(p, gamma) : (1 - alpha) * focalLoss(1 - p, gamma),
  );
}

/** The modulating factor (1 − p_t)^γ on the p_t grid. */
export function modulatingFactorCurve(gamma: number, pts: readonly number[] = PT_GRID): Point[] {
  return sample(pts, (pt) => modulatingFactor(pt, gamma));
}

/**
 * How many times less an example counts under FL than under CE: CE/FL = (1 − p_t)^(−γ).
 * Infinite at p_t = 1 for γ > 0.
 */
export function downweightRatio(pt: number, gamma: number): number {
  return 1 / modulatingFactor(pt, gamma);
}

/** The p_t at which FL is `ratio` times smaller than CE: 1 − ratio^(−1/γ); γ > 0, ratio ≥ 1. */
export function ptAtDownweight(ratio: number, gamma: number): number {
  return 1 - missAtDownweight(ratio, gamma);
}

/**
 * 1 − p_t at which FL is `ratio` times smaller than CE: ratio^(−1/γ). Exact where p_t itself
 * rounds to 1 (small γ), so captions can say "once 1 − p_t ≤ …".
 */
export function missAtDownweight(ratio: number, gamma: number): number {
  return ratio ** (-1 / gamma);
}

/** CE/FL ratio on the p_t grid (finite part only). */
export function downweightCurve(gamma: number, pts: readonly number[] = PT_GRID): Point[] {
  return sample(pts, (pt) => downweightRatio(pt, gamma)).filter((p) => Number.isFinite(p.y));
}

/** dL/dx against the logit x for label y, from `sigmoidFocalLossGrad` (γ = 0 gives CE). */
export function gradientCurve(
  y: 0 | 1,
  gamma: number,
  alpha: number | null,
  xs: readonly number[] = LOGIT_GRID,
): Point[] {
  return sample(xs, (x) => sigmoidFocalLossGrad(x, y, { gamma, alpha }));
}

/** L(x) against the logit x for label y (γ = 0 gives CE). */
export function lossByLogitCurve(
  y: 0 | 1,
  gamma: number,
  alpha: number | null,
  xs: readonly number[] = LOGIT_GRID,
): Point[] {
  return sample(xs, (x) => sigmoidFocalLoss(x, y, { gamma, alpha }));
}
