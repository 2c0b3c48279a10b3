import { describe, expect, it } from "vitest";
import { hardestLossShare, lossRankedLogits, normalizedLossCdf } from "./figure4";
import { sigmoidFocalLoss } from "./focal";
import { descendingOrder } from "./rank";
import { assertInDelta } from "./testing";

describe("normalizedLossCdf", () => {
  it("runs from 0 to 1 and never decreases", () => {
    const logits = Array.from({ length: 200 }, (_, i) => Math.sin(i) * 6);
    const labels = logits.map((_, i) => (i % 7 === 0 ? 1 : 0));
    for (const y of [0, 1] as const) {
      const cdf = normalizedLossCdf(logits, labels, y, 2, 21);
      expect(cdf.cumulativeLoss[0]).toBe(0);
      expect(cdf.cumulativeLoss[20]).toBeCloseTo(1, 12);
      for (let j = 1; j < 21; j++)
        expect(cdf.cumulativeLoss[j]).toBeGreaterThanOrEqual(cdf.cumulativeLoss[j - 1] as number);
    }
  });

  it("is the diagonal when every sample has the same loss", () => {
    const cdf = normalizedLossCdf([-2, -2, -2, -2], [0, 0, 0, 0], 0, 2, 5);
    expect(Array.from(cdf.cumulativeLoss)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it("concentrates the negatives' loss on fewer samples as γ grows (the paper's Figure 4)", () => {
    const logits = Array.from({ length: 1000 }, (_, i) => -8 + 10 * (i / 1000) ** 3);
    const labels = new Array(1000).fill(0);
    const at80 = (gamma: number) =>
      normalizedLossCdf(logits, labels, 0, gamma, 11).cumulativeLoss[8] as number;
    expect(at80(2)).toBeLessThan(at80(0.5));
    expect(at80(0.5)).toBeLessThan(at80(0));
  });

  it("ignores the samples of the other class", () => {
    const cdf = normalizedLossCdf([1, 100], [1, 0], 1, 2, 3);
    expect(Array.from(cdf.cumulativeLoss)).toEqual([0, 0.5, 1]);
  });
});

describe("lossRankedLogits", () => {
  const logits = [2, -1, 0.5, -3, 4, -0.25];
  const labels = [0, 1, 0, 0, 1, 1];

  it("orders each class by ascending loss for every γ", () => {
    const neg = lossRankedLogits(logits, labels, 0);
    const pos = lossRankedLogits(logits, labels, 1);
    expect(Array.from(neg)).toEqual([-3, 0.5, 2]);
    expect(Array.from(pos)).toEqual([4, -0.25, -1]);
    for (const gamma of [0, 0.5, 2, 5]) {
      const lossesOf = (xs: Float32Array, y: 0 | 1) =>
        Array.from(xs, (x) => sigmoidFocalLoss(x, y, { gamma, alpha: null }));
      for (const [xs, y] of [
        [neg, 0],
        [pos, 1],
      ] as const) {
        const losses = lossesOf(xs, y);
        expect(losses).toEqual([...losses].sort((a, b) => a - b));
      }
    }
  });

  it("gives the same CDF as the unsorted input", () => {
    const ranked = lossRankedLogits(logits, labels, 0);
    const a = normalizedLossCdf(logits, labels, 0, 2, 11);
    const b = normalizedLossCdf(ranked, new Uint8Array(ranked.length), 0, 2, 11);
    expect(Array.from(b.cumulativeLoss)).toEqual(Array.from(a.cumulativeLoss));
  });

  it("gives the same arrays bit for bit from the AP's descending order, zeros of both signs included", () => {
    let seed = 5;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const n = 30_000;
    const xs = Float32Array.from({ length: n }, (_, i) =>
      i % 97 === 0 ? (i % 194 === 0 ? -0 : 0) : Math.round((next() - 0.7) * 400) / 16,
    );
    const ys = Uint8Array.from({ length: n }, (_, i) => (i % 3 === 0 || next() < 0.05 ? 1 : 0));
    const order = descendingOrder(xs);
    for (const y of [0, 1] as const) {
      for (const max of [Number.POSITIVE_INFINITY, 501, 2]) {
        const want = lossRankedLogits(xs, ys, y, max);
        const got = lossRankedLogits(xs, ys, y, max, order);
        expect(got.length).toBe(want.length);
        expect(got.every((v, k) => Object.is(v, want[k]))).toBe(true);
      }
    }
    expect(lossRankedLogits([], [], 0, 10, new Uint32Array(0)).length).toBe(0);
  });

  it("thins a long ranking to evenly spaced ranks, keeping both ends", () => {
    const many = Array.from({ length: 1001 }, (_, i) => i / 100 - 5);
    const thin = lossRankedLogits(many, new Uint8Array(1001), 0, 11);
    expect(thin.length).toBe(11);
    expect(thin[0]).toBe(-5);
    expect(thin[10]).toBe(5);
    expect(thin[5]).toBeCloseTo(0, 5);
  });
});

describe("normalizedLossCdf with weights", () => {
  const logits = [-4, -1, 0.5, 2, -2.5];
  const labels = [0, 0, 0, 0, 0];

  it("gives the unweighted curve when every weight is one", () => {
    const plain = normalizedLossCdf(logits, labels, 0, 2, 17);
    const ones = normalizedLossCdf(logits, labels, 0, 2, 17, [1, 1, 1, 1, 1]);
    for (let j = 0; j < 17; j++) {
      assertInDelta(ones.cumulativeLoss[j] as number, plain.cumulativeLoss[j] as number, 1e-15);
    }
  });

  it("equals repeating each sample as many times as its weight", () => {
    const weights = [3, 1, 2, 4, 1];
    const repeated = logits.flatMap((x, i) => new Array(weights[i]).fill(x) as number[]);
    const expanded = normalizedLossCdf(repeated, new Array(repeated.length).fill(0), 0, 1.5, 23);
    const weighted = normalizedLossCdf(logits, labels, 0, 1.5, 23, weights);
    for (let j = 0; j < 23; j++) {
      assertInDelta(
        weighted.cumulativeLoss[j] as number,
        expanded.cumulativeLoss[j] as number,
        1e-12,
      );
    }
  });

  it("skips samples of weight zero", () => {
    const a = normalizedLossCdf([1, 100, 3], [1, 1, 1], 1, 2, 5, [1, 0, 1]);
    const b = normalizedLossCdf([1, 3], [1, 1], 1, 2, 5);
    expect(Array.from(a.cumulativeLoss)).toEqual(Array.from(b.cumulativeLoss));
  });
});

describe("hardestLossShare", () => {
  it("sums the top fraction's losses, the last sample in part, over the class total", () => {
    // Negatives at logits −3, −1, 0, 2 (ascending CE: softplus(x)); γ = 0.
    const ranked = [-3, -1, 0, 2];
    const ce = ranked.map((x) => Math.log1p(Math.exp(x)));
    const total = ce.reduce((a, b) => a + b, 0);
    expect(hardestLossShare(ranked, 0, 0, 0.25)).toBeCloseTo((ce[3] as number) / total, 12);
    // 0.375 of 4 samples = 1.5: the last whole, half of the one before.
    expect(hardestLossShare(ranked, 0, 0, 0.375)).toBeCloseTo(
      ((ce[3] as number) + 0.5 * (ce[2] as number)) / total,
      12,
    );
    expect(hardestLossShare(ranked, 0, 0, 1)).toBeCloseTo(1, 12);
    expect(hardestLossShare(ranked, 0, 0, 0)).toBe(0);
    expect(hardestLossShare([], 0, 2, 0.5)).toBeNaN();
  });
});
