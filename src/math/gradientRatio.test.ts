import { describe, expect, it } from "vitest";
import { sigmoidFocalLossGrad } from "./focal";
import { focalGradientRatio, hardExampleBoost } from "./gradientRatio";
import { logit } from "./numeric";
import { assertInDelta } from "./testing";

describe("focal loss against cross-entropy, gradient by gradient", () => {
  it("is the ratio of the two gradients the loss functions give", () => {
    for (const gamma of [0.5, 1, 2, 5]) {
      for (const pt of [0.01, 0.1, 0.3, 0.5, 0.9, 0.99]) {
        const x = logit(pt); // a positive with p_t = pt
        const ratio =
          sigmoidFocalLossGrad(x, 1, { gamma, alpha: null }) /
          sigmoidFocalLossGrad(x, 1, { gamma: 0, alpha: null });
        assertInDelta(focalGradientRatio(pt, gamma), ratio, 1e-9);
      }
    }
  });

  it("pushes harder than CE below p_t = 1/e at γ = 1, by at most 1 + e^−2 at p_t = e^−2", () => {
    // γ = 1: ratio = 1 − p_t − p_t ln p_t; > 1 iff ln p_t < −1; d/dp_t = −2 − ln p_t = 0 at e^−2.
    const b = hardExampleBoost(1);
    assertInDelta(b.below, 1 / Math.E, 1e-8);
    assertInDelta(b.peakAt, Math.exp(-2), 1e-6);
    assertInDelta(b.peak, 1 + Math.exp(-2), 1e-10);
  });

  it("pushes hard examples harder for every γ > 0, and more so as γ grows", () => {
    const peaks = [0.1, 0.5, 1, 2, 3, 5].map((g) => hardExampleBoost(g));
    for (const b of peaks) expect(b.peak).toBeGreaterThan(1);
    for (let i = 1; i < peaks.length; i++)
      expect(peaks[i]?.peak).toBeGreaterThan(peaks[i - 1]?.peak as number);
    const two = hardExampleBoost(2);
    expect(two.peak).toBeCloseTo(1.225, 3);
    expect(two.below).toBeCloseTo(0.298, 3);
    expect(hardExampleBoost(5).peak).toBeCloseTo(1.394, 3);
    expect(hardExampleBoost(5).below).toBeCloseTo(0.197, 3);
    // Back to CE's strength for a hopeless example, far below an easy one's.
    expect(focalGradientRatio(1e-9, 2)).toBeCloseTo(1, 6);
    expect(focalGradientRatio(0.9, 2)).toBeLessThan(0.05);
    expect(hardExampleBoost(0)).toEqual({ peak: 1, peakAt: 0, below: 0 });
  });
});
