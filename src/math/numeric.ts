/**
 * Numerically stable scalar building blocks shared by every loss in `src/math`.
 * Nothing here imports React, the DOM or tfjs.
 */

/** Smallest probability the figures sample, so that ln p stays finite on a plot. */
export const EPSILON = 1e-9;

/** σ(x) = 1 / (1 + e^(−x)), for any finite x; never overflows. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/**
 * softplus(x) = ln(1 + e^x), for any finite x, accurate to float64 rounding:
 * max(x, 0) + ln(1 + e^(−|x|)).
 */
export function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/** ln σ(x) = −softplus(−x); stable where σ(x) underflows (x ≪ 0). */
export function logSigmoid(x: number): number {
  return -softplus(-x);
}

/** logit(p) = ln(p / (1 − p)), for p in (0, 1); the inverse of σ. */
export function logit(p: number): number {
  return Math.log(p) - Math.log1p(-p);
}

/** Clamp x to [lo, hi]. */
export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
