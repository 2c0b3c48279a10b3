import { describe, expect, it } from "vitest";
import {
  alphaT,
  crossEntropy,
  focalLoss,
  focalLossStar,
  focalLossStarGrad,
  modulatingFactor,
  probabilityOfTruth,
  sigmoidFocalLoss,
  sigmoidFocalLossAndGradInto,
  sigmoidFocalLossGrad,
} from "./focal";
import { assertInDelta, assertRelative, centralDifference } from "./testing";

const PTS = [1e-6, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1 - 1e-6];
const GAMMAS = [0, 0.5, 1, 2, 5];
const LOGITS = [-30, -8, -2.5, -0.3, 0, 0.3, 2.5, 8, 30];
const LABELS = [0, 1] as const;

describe("crossEntropy and focalLoss", () => {
  it("cross-entropy is −ln p_t: ln 2 at p_t = ½, 0 at p_t = 1, ∞ at p_t = 0", () => {
    assertInDelta(crossEntropy(0.5), Math.LN2);
    expect(crossEntropy(1)).toBe(0);
    expect(crossEntropy(0)).toBe(Infinity);
  });

  it("focal loss with γ = 0 equals cross-entropy everywhere", () => {
    for (const pt of PTS) expect(focalLoss(pt, 0)).toBe(crossEntropy(pt));
  });

  it("focal loss never exceeds cross-entropy and shrinks as γ grows", () => {
    for (const pt of PTS) {
      let previous = crossEntropy(pt);
      for (const gamma of GAMMAS) {
        const fl = focalLoss(pt, gamma);
        expect(fl).toBeLessThanOrEqual(previous + 1e-15);
        previous = fl;
      }
    }
  });

  it("with γ = 2 an example at p_t = 0.9 counts 100× less than under CE (paper, §3.2)", () => {
    assertRelative(crossEntropy(0.9) / focalLoss(0.9, 2), 100, 1e-12);
  });

  it("with γ = 2 an example at p_t ≈ 0.968 counts about 1000× less (paper, §3.2)", () => {
    const ratio = crossEntropy(0.968) / focalLoss(0.968, 2);
    expect(ratio).toBeGreaterThan(950);
    expect(ratio).toBeLessThan(1000);
  });

  it("the modulating factor is 1 at p_t = 0 and 0 at p_t = 1 for γ > 0, and 1 for γ = 0", () => {
    expect(modulatingFactor(0, 2)).toBe(1);
    expect(modulatingFactor(1, 2)).toBe(0);
    expect(modulatingFactor(1, 0)).toBe(1);
  });
});

describe("alphaT", () => {
  it("is α for positives, 1 − α for negatives, and 1 without balancing", () => {
    expect(alphaT(1, 0.25)).toBe(0.25);
    expect(alphaT(0, 0.25)).toBe(0.75);
    expect(alphaT(1, null)).toBe(1);
    expect(alphaT(0, null)).toBe(1);
  });
});

describe("sigmoidFocalLoss", () => {
  it("matches the probability form −α_t (1 − p_t)^γ ln p_t for moderate logits", () => {
    for (const x of LOGITS.filter((v) => Math.abs(v) <= 8))
      for (const y of LABELS)
        for (const gamma of GAMMAS) {
          const pt = y === 1 ? 1 / (1 + Math.exp(-x)) : 1 - 1 / (1 + Math.exp(-x));
          const expected = alphaT(y, 0.25) * focalLoss(pt, gamma);
          assertRelative(sigmoidFocalLoss(x, y, { gamma, alpha: 0.25 }), expected, 1e-9);
        }
  });

  it("with γ = 0 and no α is the binary cross-entropy with logits, softplus(−z)", () => {
    assertInDelta(sigmoidFocalLoss(0, 1, { gamma: 0, alpha: null }), Math.LN2);
    assertInDelta(sigmoidFocalLoss(-1000, 1, { gamma: 0, alpha: null }), 1000);
    assertInDelta(sigmoidFocalLoss(1000, 0, { gamma: 0, alpha: null }), 1000);
  });

  it("stays finite and exact at extreme logits where log(sigmoid(x)) would fail", () => {
    // A confidently wrong example: p_t = σ(−1000), so −ln p_t = 1000 and (1 − p_t)^γ = 1.
    expect(sigmoidFocalLoss(-1000, 1, { gamma: 2, alpha: null })).toBe(1000);
    // A confidently right one: −ln p_t ≈ e^(−1000) underflows to 0; the loss is 0, not NaN.
    expect(sigmoidFocalLoss(1000, 1, { gamma: 2, alpha: null })).toBe(0);
    // In between, −ln σ(40) = ln(1 + e^(−40)) ≈ e^(−40), and (1 − p_t)^2 ≈ e^(−80).
    assertRelative(sigmoidFocalLoss(40, 1, { gamma: 2, alpha: null }), Math.exp(-120), 1e-12);
    for (const x of [-1000, -700, -40, 40, 700, 1000])
      for (const y of LABELS)
        for (const gamma of GAMMAS)
          expect(Number.isFinite(sigmoidFocalLoss(x, y, { gamma, alpha: 0.25 }))).toBe(true);
  });

  it("is symmetric: a negative at logit x is a positive at −x, up to α_t", () => {
    for (const x of LOGITS)
      assertRelative(
        sigmoidFocalLoss(x, 0, { gamma: 2, alpha: null }),
        sigmoidFocalLoss(-x, 1, { gamma: 2, alpha: null }),
        1e-15,
      );
  });
});

describe("sigmoidFocalLossGrad", () => {
  it("agrees with a central finite difference of the loss", () => {
    for (const x of LOGITS.filter((v) => Math.abs(v) <= 8))
      for (const y of LABELS)
        for (const gamma of GAMMAS)
          for (const alpha of [null, 0.25]) {
            const opts = { gamma, alpha };
            const numeric = centralDifference((v) => sigmoidFocalLoss(v, y, opts), x);
            assertInDelta(sigmoidFocalLossGrad(x, y, opts), numeric, 1e-7);
          }
  });

  it("with γ = 0 is the cross-entropy gradient p − y", () => {
    for (const x of LOGITS) {
      const p = probabilityOfTruth(x, 1);
      assertInDelta(sigmoidFocalLossGrad(x, 1, { gamma: 0, alpha: null }), p - 1, 1e-15);
      assertInDelta(sigmoidFocalLossGrad(x, 0, { gamma: 0, alpha: null }), p, 1e-15);
    }
  });

  it("pushes positives up and negatives down", () => {
    for (const x of LOGITS)
      for (const gamma of GAMMAS) {
        expect(sigmoidFocalLossGrad(x, 1, { gamma, alpha: null })).toBeLessThanOrEqual(0);
        expect(sigmoidFocalLossGrad(x, 0, { gamma, alpha: null })).toBeGreaterThanOrEqual(0);
      }
  });

  it("pushes a well-classified example (p_t ≥ ½) no harder than CE does", () => {
    for (const x of LOGITS.filter((v) => v >= 0))
      for (const gamma of GAMMAS) {
        const opts = { gamma, alpha: null };
        const gPos = sigmoidFocalLossGrad(x, 1, opts);
        expect(Math.abs(gPos)).toBeLessThanOrEqual(
          Math.abs(sigmoidFocalLossGrad(x, 1, { gamma: 0, alpha: null })) + 1e-15,
        );
      }
  });

  it("pushes a very hard example (p_t = σ(−30)) slightly harder than CE when γ is small", () => {
    // |dFL/dz| / |dCE/dz| = (1 − p_t)^γ (1 + γ p_t (−ln p_t) / (1 − p_t)) > 1 as p_t → 0.
    const fl = sigmoidFocalLossGrad(-30, 1, { gamma: 0.5, alpha: null });
    const ce = sigmoidFocalLossGrad(-30, 1, { gamma: 0, alpha: null });
    expect(Math.abs(fl)).toBeGreaterThan(Math.abs(ce));
  });

  it("is finite at |x| = 1000", () => {
    for (const x of [-1000, 1000])
      for (const y of LABELS)
        for (const gamma of GAMMAS)
          expect(Number.isFinite(sigmoidFocalLossGrad(x, y, { gamma, alpha: 0.25 }))).toBe(true);
    assertInDelta(sigmoidFocalLossGrad(-1000, 1, { gamma: 2, alpha: null }), -1, 1e-15);
  });
});

describe("focalLossStar (FL*, appendix A)", () => {
  it("with γ = 1 and β = 0 is cross-entropy", () => {
    for (const x of LOGITS)
      for (const y of LABELS)
        assertRelative(
          focalLossStar(x, y, { gamma: 1, beta: 0 }),
          sigmoidFocalLoss(x, y, { gamma: 0, alpha: null }),
          1e-12,
        );
  });

  it("its gradient agrees with a finite difference and equals y±(p*_t − 1)", () => {
    const opts = { gamma: 2, beta: 1 };
    for (const x of LOGITS.filter((v) => Math.abs(v) <= 8))
      for (const y of LABELS) {
        const numeric = centralDifference((v) => focalLossStar(v, y, opts), x);
        assertInDelta(focalLossStarGrad(x, y, opts), numeric, 1e-7);
      }
  });

  it("its gradient agrees with a finite difference over a grid of (γ, β)", () => {
    for (const [gamma, beta] of [
      [0.5, -1],
      [1, 0],
      [2, 1],
      [4, 0],
      [5, 2],
    ] as const)
      for (const x of LOGITS.filter((v) => Math.abs(v) <= 8))
        for (const y of LABELS) {
          const opts = { gamma, beta };
          const numeric = centralDifference((v) => focalLossStar(v, y, opts), x);
          assertInDelta(focalLossStarGrad(x, y, opts), numeric, 1e-7);
        }
  });

  it("is symmetric: a negative at x is a positive at −x (x_t = y·x, y = ±1)", () => {
    for (const x of LOGITS) {
      const opts = { gamma: 2, beta: 1 };
      expect(focalLossStar(x, 0, opts)).toBe(focalLossStar(-x, 1, opts));
      expect(focalLossStarGrad(x, 0, opts)).toBe(-focalLossStarGrad(-x, 1, opts));
    }
  });

  it("tends to 0 with derivative 0 as x_t → ∞, and to −x_t − β/γ with derivative −1 as x_t → −∞", () => {
    for (const opts of [
      { gamma: 2, beta: 1 },
      { gamma: 4, beta: 0 },
    ]) {
      expect(focalLossStar(1000, 1, opts)).toBe(0);
      expect(focalLossStarGrad(1000, 1, opts)).toBe(-0);
      assertRelative(focalLossStar(-1000, 1, opts), 1000 - opts.beta / opts.gamma, 1e-15);
      expect(focalLossStarGrad(-1000, 1, opts)).toBe(-1);
      // A negative mirrors it: +1 as its x → +∞ (x_t → −∞).
      expect(focalLossStarGrad(1000, 0, opts)).toBe(1);
    }
  });

  it("the paper's settings (γ = 2, β = 1 and γ = 4, β = 0) cut an easy example's loss below CE's, a hard one's barely", () => {
    const ce = (xt: number) => sigmoidFocalLoss(xt, 1, { gamma: 0, alpha: null });
    for (const opts of [
      { gamma: 2, beta: 1 },
      { gamma: 4, beta: 0 },
    ]) {
      // x_t = 2 (p_t ≈ 0.88): over 30× less than CE.
      expect(focalLossStar(2, 1, opts)).toBeLessThan(ce(2) / 30);
      // x_t = −4 (p_t ≈ 0.018): within 15% of CE.
      expect(focalLossStar(-4, 1, opts) / ce(-4)).toBeGreaterThan(0.85);
      expect(focalLossStar(-4, 1, opts)).toBeLessThanOrEqual(ce(-4));
    }
  });

  it("like FL, and unlike CE, has a small derivative once x_t > 0 (appendix B): at x_t = 1, under a quarter of CE's", () => {
    const ceGrad = Math.abs(sigmoidFocalLossGrad(1, 1, { gamma: 0, alpha: null }));
    expect(Math.abs(sigmoidFocalLossGrad(1, 1, { gamma: 2, alpha: null }))).toBeLessThan(
      ceGrad / 4,
    );
    expect(Math.abs(focalLossStarGrad(1, 1, { gamma: 2, beta: 1 }))).toBeLessThan(ceGrad / 4);
    expect(Math.abs(focalLossStarGrad(1, 1, { gamma: 4, beta: 0 }))).toBeLessThan(ceGrad / 4);
  });

  it("its derivative y±(p*_t − 1) never exceeds 1 in size, where FL's (γ = 2) does", () => {
    let flPeak = 0;
    for (let xt = -10; xt <= 10; xt += 0.05) {
      expect(Math.abs(focalLossStarGrad(xt, 1, { gamma: 2, beta: 1 }))).toBeLessThan(1);
      flPeak = Math.max(flPeak, Math.abs(sigmoidFocalLossGrad(xt, 1, { gamma: 2, alpha: null })));
    }
    expect(flPeak).toBeGreaterThan(1);
  });

  it("down-weights well-classified examples like FL does (γ = 2, β = 1)", () => {
    const easy = focalLossStar(3, 1, { gamma: 2, beta: 1 });
    const ce = sigmoidFocalLoss(3, 1, { gamma: 0, alpha: null });
    expect(easy).toBeLessThan(ce);
    expect(Number.isFinite(focalLossStar(-1000, 1, { gamma: 2, beta: 1 }))).toBe(true);
  });
});

describe("sigmoidFocalLossAndGradInto", () => {
  it("gives the loss, the gradient and p_t of the separate functions, bit for bit", () => {
    const out = new Float64Array(3);
    let seed = 11;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const xs = [
      ...[-1000, -745, -37.5, -8, -2.25, -1e-9, -0, 0, 1e-9, 0.3, 3, 19, 88, 710, 1000],
      ...Array.from({ length: 3000 }, () => Math.fround((random() - 0.6) * 40)),
    ];
    for (const opts of [
      { gamma: 0, alpha: null },
      { gamma: 0, alpha: 0.75 },
      { gamma: 2, alpha: 0.25 },
      { gamma: 0.5, alpha: 0.9 },
      { gamma: 5, alpha: null },
    ]) {
      for (const x of xs) {
        for (const y of [0, 1] as const) {
          sigmoidFocalLossAndGradInto(x, y, opts, out);
          expect(Object.is(out[0], sigmoidFocalLoss(x, y, opts))).toBe(true);
          expect(Object.is(out[1], sigmoidFocalLossGrad(x, y, opts))).toBe(true);
          expect(Object.is(out[2], probabilityOfTruth(x, y))).toBe(true);
        }
      }
    }
  });
});
