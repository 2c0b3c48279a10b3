import { describe, expect, it } from "vitest";
import {
  emptyReliabilityBins,
  expectedCalibrationError,
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
