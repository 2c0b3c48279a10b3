import { describe, expect, it } from "vitest";
import {
  emptyReliabilityBins,
  expectedCalibrationError,
  focalOptimalScore,
  meanProbabilityGap,
  mergeReliabilityBins,
  reliabilityBinIndex,
  reliabilityBins,
} from "./calibration";
import { assertInDelta } from "./testing";

describe("reliabilityBinIndex", () => {
  it("puts p = 1 in the last bin and bin edges in the bin above", () => {
    expect(reliabilityBinIndex(0, 10)).toBe(0);
    expect(reliabilityBinIndex(0.1, 10)).toBe(1);
    expect(reliabilityBinIndex(0.95, 10)).toBe(9);
    expect(reliabilityBinIndex(1, 10)).toBe(9);
  });
});

describe("expectedCalibrationError", () => {
  it("is zero when each bin's rate of positives equals its mean probability", () => {
    // Ten examples at p = 0.3 with three positives; four at p = 0.75 with three positives.
    const p = [...new Array(10).fill(0.3), ...new Array(4).fill(0.75)];
    const y = [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0];
    assertInDelta(expectedCalibrationError(reliabilityBins(p, y, 10)), 0, 1e-15);
  });

  it("matches a hand computation: (2·|0 − 0.8| + 2·|1 − 0.6|) / 4 = 0.6", () => {
    const bins = reliabilityBins([0.8, 0.8, 0.6, 0.6], [0, 0, 1, 1], 5);
    assertInDelta(expectedCalibrationError(bins), 0.6, 1e-15);
  });

  it("is the mean |y − p| when every example has its own bin", () => {
    const p = [0.05, 0.25, 0.45, 0.65, 0.85];
    const y = [0, 1, 0, 1, 1];
    const direct = p.reduce((s, pi, i) => s + Math.abs((y[i] as number) - pi), 0) / p.length;
    assertInDelta(expectedCalibrationError(reliabilityBins(p, y, 5)), direct, 1e-15);
  });

  it("is NaN without examples", () => {
    expect(expectedCalibrationError(emptyReliabilityBins(10))).toBeNaN();
  });

  it("counts weighted examples as repeated ones", () => {
    const a = reliabilityBins([0.2, 0.7], [1, 0], 10, [3, 2]);
    const b = reliabilityBins([0.2, 0.2, 0.2, 0.7, 0.7], [1, 1, 1, 0, 0], 10);
    expect(a).toEqual(b);
  });
});

describe("mergeReliabilityBins", () => {
  it("gives the same bins as binning coarsely in the first place", () => {
    const p = Array.from({ length: 500 }, (_, i) => (i * 0.618034) % 1);
    const y = p.map((pi, i) => (i % 3 === 0 || pi > 0.8 ? 1 : 0));
    const merged = mergeReliabilityBins(reliabilityBins(p, y, 120), 12);
    const direct = reliabilityBins(p, y, 10);
    merged.forEach((b, i) => {
      const d = direct[i];
      expect(b.count).toBe(d?.count);
      expect(b.positives).toBe(d?.positives);
      assertInDelta(b.sumProbability, d?.sumProbability ?? Number.NaN, 1e-12);
      assertInDelta(b.lower, d?.lower ?? Number.NaN, 1e-15);
    });
  });

  it("refuses a factor that does not divide the bins", () => {
    expect(() => mergeReliabilityBins(emptyReliabilityBins(120), 7)).toThrow();
  });
});

describe("meanProbabilityGap", () => {
  it("is the mean probability minus the rate of positives", () => {
    const bins = reliabilityBins([0.5, 0.5, 0.2, 0.2], [1, 0, 0, 0], 10);
    assertInDelta(meanProbabilityGap(bins), 0.35 - 0.25, 1e-15);
  });
});

describe("focalOptimalScore", () => {
  const grid = (q: number, gamma: number, alpha: number | null) => {
    let best = 0;
    let bestLoss = Number.POSITIVE_INFINITY;
    for (let i = 1; i < 20000; i++) {
      const p = i / 20000;
      const a1 = alpha ?? 1;
      const a0 = alpha === null ? 1 : 1 - alpha;
      const loss =
        q * a1 * (1 - p) ** gamma * -Math.log(p) + (1 - q) * a0 * p ** gamma * -Math.log(1 - p);
      if (loss < bestLoss) {
        bestLoss = loss;
        best = p;
      }
    }
    return best;
  };

  it("is the rate itself for cross-entropy: CE's optimum is calibrated", () => {
    for (const q of [0.001, 0.1, 0.5, 0.9]) {
      assertInDelta(focalOptimalScore(q, { gamma: 0, alpha: null }), q, 1e-8);
    }
  });

  it("matches a brute-force search over p for focal and α-balanced focal loss", () => {
    for (const [gamma, alpha] of [
      [2, null],
      [2, 0.25],
      [0.5, 0.75],
      [5, null],
    ] as const) {
      for (const q of [0.01, 0.3, 0.9]) {
        assertInDelta(focalOptimalScore(q, { gamma, alpha }), grid(q, gamma, alpha), 1e-4);
      }
    }
  });

  it("pulls scores towards 0.5 as γ grows (a rate of 0.01 is best scored ≈ 0.15 at γ = 2)", () => {
    const at = (gamma: number) => focalOptimalScore(0.01, { gamma, alpha: null });
    expect(at(0.5)).toBeGreaterThan(0.01);
    expect(at(2)).toBeGreaterThan(at(0.5));
    expect(at(5)).toBeLessThan(0.5);
    assertInDelta(at(2), 0.1536, 1e-3);
  });
});
