import { describe, expect, it } from "vitest";
import { normalizedLossCdf } from "./figure4";

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
