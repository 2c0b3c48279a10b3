/**
 * How hard focal loss pushes an example compared with cross-entropy, as a function of p_t. Both
 * gradients (with respect to the logit) share the sign y_±; their ratio is
 *
 *   |dFL/dx| / |dCE/dx| = (1 − p_t)^(γ − 1) · (1 − p_t − γ p_t ln p_t),   p_t ∈ (0, 1),
 *
 * (paper, appendix B: dCE/dx = y_±(p_t − 1)). It falls to 0 as p_t → 1 (easy examples), and is
 * above 1 — focal loss pushes *harder* than CE — for every γ > 0 below some p_t, peaking at a
 * hard but not hopeless example and returning to 1 as p_t → 0.
 */

/** |dFL/dx| / |dCE/dx| at p_t ∈ (0, 1) for γ ≥ 0 (1 at γ = 0). */
export function focalGradientRatio(pt: number, gamma: number): number {
  if (gamma === 0) return 1;
  return (1 - pt) ** (gamma - 1) * (1 - pt - gamma * pt * Math.log(pt));
}

/** Where and how much focal loss pushes a hard example harder than cross-entropy. */
export interface HardExampleBoost {
  /** The largest ratio |dFL/dx| / |dCE/dx| over p_t ∈ (0, 1). */
  peak: number;
  /** The p_t where it peaks. */
  peakAt: number;
  /** The ratio exceeds 1 for every p_t below this (0 at γ = 0: never). */
  below: number;
}

/** The boost of `focalGradientRatio` for γ ≥ 0, to about 1e-9 in p_t. */
export function hardExampleBoost(gamma: number): HardExampleBoost {
  if (gamma <= 0) return { peak: 1, peakAt: 0, below: 0 };
  const f = (pt: number) => focalGradientRatio(pt, gamma);
  // The ratio is unimodal on (0, 1): a coarse scan brackets the peak, golden sections refine it.
  let best = 0.5;
  for (let i = 1; i < 1000; i++) if (f(i / 1000) > f(best)) best = i / 1000;
  let lo = Math.max(1e-12, best - 1e-3);
  let hi = Math.min(1 - 1e-12, best + 1e-3);
  const g = (Math.sqrt(5) - 1) / 2;
  while (hi - lo > 1e-10) {
    const a = hi - g * (hi - lo);
    const b = lo + g * (hi - lo);
    if (f(a) < f(b)) lo = a;
    else hi = b;
  }
  const peakAt = (lo + hi) / 2;
  // Past the peak the ratio falls monotonically through 1: bisect for the crossing.
  let left = peakAt;
  let right = 1 - 1e-12;
  while (right - left > 1e-10) {
    const mid = (left + right) / 2;
    if (f(mid) > 1) left = mid;
    else right = mid;
  }
  return { peak: f(peakAt), peakAt, below: (left + right) / 2 };
}
