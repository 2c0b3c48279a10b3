import { describe, expect, it } from "vitest";
import { crossEntropy, focalLoss } from "./focal";
import {
  budgetComparison,
  budgetShares,
  type LossBudget,
  lossBudget,
  normalNodes,
  POPULATIONS,
  PRIOR,
} from "./population";
import { assertInDelta, assertRelative } from "./testing";

describe("normalNodes", () => {
  it("weights sum to 1 and reproduce the mean and variance", () => {
    const nodes = normalNodes({ mean: 2, sd: 1.5 });
    const mean = nodes.reduce((s, n) => s + n.w * n.z, 0);
    const variance = nodes.reduce((s, n) => s + n.w * (n.z - mean) ** 2, 0);
    assertInDelta(
      nodes.reduce((s, n) => s + n.w, 0),
      1,
      1e-12,
    );
    assertInDelta(mean, 2, 1e-9);
    assertInDelta(variance, 2.25, 1e-3);
  });
});

describe("lossBudget at the prior initialization (π = 0.01)", () => {
  const pop = POPULATIONS.init;

  it("under CE at 1:1000 the easy negatives carry about 69% of the loss", () => {
    // Independently: 1000 negatives at p_t = 0.99 and one positive at p_t = 0.01.
    const easy = 1000 * crossEntropy(1 - PRIOR);
    const pos = crossEntropy(PRIOR);
    const shares = budgetShares(lossBudget(pop, 1000, { gamma: 0, alpha: null }), "loss");
    assertRelative(shares.easyNegatives, easy / (easy + pos), 1e-9);
    expect(shares.easyNegatives).toBeCloseTo(0.686, 3);
    expect(shares.hardNegatives).toBe(0);
  });

  it("under α-FL (γ = 2, α = 0.25) the easy negatives carry about 0.07% of the loss", () => {
    const easy = 0.75 * 1000 * focalLoss(1 - PRIOR, 2);
    const pos = 0.25 * focalLoss(PRIOR, 2);
    const shares = budgetShares(lossBudget(pop, 1000, { gamma: 2, alpha: 0.25 }), "loss");
    assertRelative(shares.easyNegatives, easy / (easy + pos), 1e-9);
    expect(shares.easyNegatives).toBeGreaterThan(0.0006);
    expect(shares.easyNegatives).toBeLessThan(0.0008);
  });
});

describe("lossBudget of the part-trained population", () => {
  const pop = POPULATIONS.training;

  it("counts R negatives per positive and splits them at p_t = 0.9", () => {
    const b = lossBudget(pop, 1000, { gamma: 0, alpha: null });
    assertInDelta(b.positives.count, 1, 1e-12);
    assertInDelta(b.easyNegatives.count + b.hardNegatives.count, 1000, 1e-9);
    // Hard: z ≤ logit(0.9) = 2.197, i.e. Φ((2.197 − 5) / 1.25) = Φ(−2.242) ≈ 1.25% of negatives.
    expect(b.hardNegatives.count).toBeGreaterThan(12);
    expect(b.hardNegatives.count).toBeLessThan(13);
  });

  it("shares of every measure sum to 1", () => {
    for (const measure of ["loss", "gradient", "count"] as const) {
      const s = budgetShares(lossBudget(pop, 1000, { gamma: 2, alpha: 0.25 }), measure);
      assertInDelta(s.positives + s.hardNegatives + s.easyNegatives, 1, 1e-12);
    }
  });

  it("more imbalance gives the easy negatives a larger share of the CE loss", () => {
    const share = (r: number) =>
      budgetShares(lossBudget(pop, r, { gamma: 0, alpha: null }), "loss").easyNegatives;
    expect(share(10)).toBeLessThan(share(1000));
    expect(share(1000)).toBeLessThan(share(100000));
  });

  it("focal loss moves the budget from easy negatives to positives; α only between the classes", () => {
    const [ce, alphaCe, fl] = budgetComparison(pop, 1000, 2, 0.25, 0.75).map((c) =>
      budgetShares(c.budget, "loss"),
    );
    expect(ce?.easyNegatives).toBeGreaterThan(0.5);
    expect(alphaCe?.easyNegatives).toBeGreaterThan(0.5);
    expect(fl?.easyNegatives).toBeLessThan(0.2);
    expect(fl?.positives).toBeGreaterThan(ce?.positives ?? 1);
  });

  it("at the prior init, gives α-CE's easy share in closed form for its own α", () => {
    // Every negative costs −ln 0.99, the positive −ln 0.01: share = (1 − α)·1000·ℓn / (… + α·ℓp).
    const ln = -Math.log(0.99);
    const lp = -Math.log(0.01);
    const expected = (a: number) => ((1 - a) * 1000 * ln) / ((1 - a) * 1000 * ln + a * lp);
    for (const ceAlpha of [0.25, 0.5, 0.75]) {
      const [, alphaCe] = budgetComparison(POPULATIONS.init, 1000, 2, 0.25, ceAlpha);
      assertInDelta(
        budgetShares(alphaCe?.budget as LossBudget, "loss").easyNegatives,
        expected(ceAlpha),
        1e-9,
      );
    }
    expect(expected(0.75)).toBeCloseTo(0.421, 3);
    expect(expected(0.25)).toBeCloseTo(0.868, 3);
  });
});
