import { describe, expect, it } from "vitest";
import { sigmoidFocalLoss } from "./focal";
import { type LossMethod, lossAndGradient, methodShares } from "./methods";
import { logit, sigmoid, softplus } from "./numeric";
import { ohemKept } from "./ohem";
import { type GroupTotals, groupOf, lossShares } from "./shares";
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

/** methodShares as it was written before the fused focal path: the reference it must equal. */
function referenceShares(
  logits: ArrayLike<number>,
  labels: ArrayLike<number>,
  method: LossMethod,
  weights?: ArrayLike<number>,
) {
  const n = logits.length;
  const w = (i: number) => (weights ? (weights[i] as number) : 1);
  const label = (i: number): 0 | 1 => (labels[i] === 1 ? 1 : 0);
  let share: (i: number) => number = w;
  if (method.kind === "ohem") {
    const ce = Float64Array.from({ length: n }, (_, i) =>
      sigmoidFocalLoss(logits[i] as number, label(i), { gamma: 0, alpha: null }),
    );
    const kept = ohemKept(ce, labels, method.keep, method.ratio, weights);
    share = (i) => kept[i] as number;
  }
  const empty = (): GroupTotals => ({ positives: 0, hardNegatives: 0, easyNegatives: 0 });
  const [loss, gradient, counts, trained] = [empty(), empty(), empty(), empty()];
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
  const normalize = (t: GroupTotals): GroupTotals => {
    const total = t.positives + t.hardNegatives + t.easyNegatives;
    return {
      positives: t.positives / total,
      hardNegatives: t.hardNegatives / total,
      easyNegatives: t.easyNegatives / total,
    };
  };
  return { loss: normalize(loss), gradient: normalize(gradient), counts, trained };
}

describe("methodShares against its reference", () => {
  it("gives the same floats, bit for bit, for every method, with and without weights", () => {
    let s = 99;
    const next = () => {
      s = (s * 1103515245 + 12345) % 2147483648;
      return s / 2147483648;
    };
    const methods: LossMethod[] = [
      { kind: "focal", gamma: 0, alpha: null },
      { kind: "focal", gamma: 0, alpha: 0.75 },
      { kind: "focal", gamma: 2, alpha: 0.25 },
      { kind: "focal-star", gamma: 2, beta: 1, alpha: 0.25 },
      { kind: "ohem", ratio: "none", keep: 12 },
      { kind: "ohem", ratio: "1:3", keep: 128 },
    ];
    // Few locations, where a term's last bit shows in the sum, and many, like a held-out set.
    for (const [n, rate] of [
      [40, 0.2],
      [20_000, 0.01],
    ] as const) {
      // float32 logits like a model's, mostly confident negatives, some zeros.
      const logits = Float32Array.from({ length: n }, (_, i) =>
        i % 501 === 0 ? 0 : Math.fround(-9 + 14 * next() ** 2),
      );
      const labels = Uint8Array.from({ length: n }, () => (next() < rate ? 1 : 0));
      const weights = Float64Array.from({ length: n }, () => 1 + Math.floor(next() * 5));
      for (const method of methods) {
        for (const w of [undefined, weights]) {
          const got = methodShares(logits, labels, method, w);
          const want = referenceShares(logits, labels, method, w);
          for (const key of ["loss", "gradient", "counts", "trained"] as const) {
            for (const group of ["positives", "hardNegatives", "easyNegatives"] as const) {
              const where = `${n} ${JSON.stringify(method)} ${key} ${group}`;
              expect(Object.is(got[key][group], want[key][group]), where).toBe(true);
            }
          }
        }
      }
    }
  });
});
