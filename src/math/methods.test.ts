import { describe, expect, it } from "vitest";
import { sigmoidFocalLoss } from "./focal";
import { lossAndGradient, methodShares } from "./methods";
import { logit, sigmoid, softplus } from "./numeric";
import { lossShares } from "./shares";
import { assertRelative } from "./testing";

const LOGITS = [-6, -4.5, -1, 0.2, 2.5, -3, 1.5, -0.5];
const LABELS = [0, 0, 0, 0, 0, 0, 1, 1];

describe("methodShares", () => {
  it("for the focal family equals lossShares and trains on every location", () => {
    const opts = { gamma: 2, alpha: 0.25 };
    const a = methodShares(LOGITS, LABELS, { kind: "focal", ...opts });
    const b = lossShares(LOGITS, LABELS, opts);
    expect(a.loss).toEqual(b.loss);
    expect(a.gradient).toEqual(b.gradient);
    expect(a.trained).toEqual(a.counts);
  });

  it("for FL* weighs each location by α_t · softplus(−(γ x_t + β)) / γ, by hand", () => {
    const m = { kind: "focal-star", gamma: 2, beta: 1, alpha: 0.25 } as const;
    const shares = methodShares([-2, 3], [0, 1], m);
    // Negative at x = −2: x_t = 2, loss 0.75 · softplus(−5) / 2; positive x_t = 3: 0.25 · softplus(−7) / 2.
    const neg = (0.75 * softplus(-5)) / 2;
    const pos = (0.25 * softplus(-7)) / 2;
    assertRelative(shares.loss.positives, pos / (pos + neg), 1e-12);
    // Gradients: α_t σ(−(γ x_t + β)).
    const gNeg = 0.75 * sigmoid(-5);
    const gPos = 0.25 * sigmoid(-7);
    assertRelative(shares.gradient.positives, gPos / (gPos + gNeg), 1e-12);
  });

  it("for OHEM spends everything on the kept locations, none on the rest", () => {
    // CE ranks: x = 2.5 (neg, 2.58) > −0.5 (pos, 0.974) > 0.2 (neg, 0.798) > … keep 2.
    const s = methodShares(LOGITS, LABELS, { kind: "ohem", ratio: "none", keep: 2 });
    expect(s.trained).toEqual({ positives: 1, hardNegatives: 1, easyNegatives: 0 });
    expect(s.loss.easyNegatives).toBe(0);
    const ce = (x: number, y: 0 | 1) => sigmoidFocalLoss(x, y, { gamma: 0, alpha: null });
    assertRelative(s.loss.positives, ce(-0.5, 1) / (ce(-0.5, 1) + ce(2.5, 0)), 1e-12);
    // |dCE/dx| = |p − y|: σ(2.5) for the negative, 1 − σ(−0.5) for the positive.
    const gp = 1 - sigmoid(-0.5);
    assertRelative(s.gradient.positives, gp / (gp + sigmoid(2.5)), 1e-12);
  });

  it("for OHEM 1:3 keeps ⌊keep/4⌋ positives and three negatives per positive", () => {
    const s = methodShares(LOGITS, LABELS, { kind: "ohem", ratio: "1:3", keep: 4 });
    expect(s.trained).toEqual({ positives: 1, hardNegatives: 3, easyNegatives: 0 });
  });

  it("with weights equals repeating the samples", () => {
    const weights = [100, 50, 3, 1, 20, 7, 2, 1];
    const rx = LOGITS.flatMap((x, i) => new Array(weights[i]).fill(x) as number[]);
    const ry = LABELS.flatMap((y, i) => new Array(weights[i]).fill(y) as number[]);
    for (const method of [
      { kind: "ohem", ratio: "none", keep: 12 },
      { kind: "ohem", ratio: "1:3", keep: 12 },
      { kind: "focal-star", gamma: 4, beta: 0, alpha: 0.25 },
    ] as const) {
      const a = methodShares(LOGITS, LABELS, method, weights);
      const b = methodShares(rx, ry, method);
      expect(a.trained).toEqual(b.trained);
      for (const g of ["positives", "hardNegatives", "easyNegatives"] as const)
        expect(a.loss[g]).toBeCloseTo(b.loss[g], 12);
    }
  });

  it("at the prior init (1 positive : 999 negatives) OHEM keeps the positive first", () => {
    const logits = new Float64Array(1000).fill(logit(0.01));
    const labels = new Uint8Array(1000);
    labels[0] = 1;
    const s = methodShares(logits, labels, { kind: "ohem", ratio: "none", keep: 3 });
    // All negatives tie: the lowest indices after the positive are kept.
    expect(s.trained).toEqual({ positives: 1, hardNegatives: 0, easyNegatives: 2 });
  });
});

describe("lossAndGradient", () => {
  it("gives OHEM plain CE and its gradient p − y", () => {
    const [l, g] = lossAndGradient(0.7, 0, { kind: "ohem", ratio: "none", keep: 1 });
    assertRelative(l, softplus(0.7), 1e-15);
    assertRelative(g, sigmoid(0.7), 1e-15);
  });
});
