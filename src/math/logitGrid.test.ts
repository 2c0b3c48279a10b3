import { describe, expect, it } from "vitest";
import {
  LOGIT_BIN_WIDTH,
  LOGIT_GRID_BINS,
  logitBinIndex,
  logitBinLower,
  weightedHistogram,
} from "./logitGrid";
import { sigmoid } from "./numeric";
import { assertInDelta } from "./testing";

describe("the logit grid", () => {
  it("has p = 0.5 and a negative's p_t = 0.9 on bin edges", () => {
    const zero = logitBinIndex(0);
    assertInDelta(logitBinLower(zero), 0, 0);
    const easyEdge = logitBinLower(zero - 220);
    assertInDelta(sigmoid(-easyEdge), 0.9, 1e-15);
  });

  it("bins a value at or above its bin's lower edge and below the next", () => {
    for (const x of [-29.9, -7.31, -2.2, -0.004, 0.004, 1, 13.7, 29.95]) {
      const k = logitBinIndex(x);
      expect(logitBinLower(k)).toBeLessThanOrEqual(x);
      expect(logitBinLower(k + 1)).toBeGreaterThan(x);
      expect(logitBinLower(k + 1) - logitBinLower(k)).toBeCloseTo(LOGIT_BIN_WIDTH, 12);
    }
  });

  it("sends the far tails to an open bin at each end and NaN nowhere", () => {
    expect(logitBinIndex(-1000)).toBe(0);
    expect(logitBinIndex(-Infinity)).toBe(0);
    expect(logitBinIndex(1000)).toBe(LOGIT_GRID_BINS - 1);
    expect(logitBinIndex(Number.NaN)).toBe(-1);
  });
});

describe("weightedHistogram", () => {
  it("counts values into equal bins with the ends clamped", () => {
    const h = weightedHistogram([-1, 0, 0.1, 0.24, 0.25, 0.99, 1, 2, Number.NaN], 0, 1, 4);
    expect(Array.from(h)).toEqual([4, 1, 0, 3]);
  });

  it("adds weights", () => {
    const h = weightedHistogram([0.1, 0.6, 0.7], 0, 1, 2, [2, 0.5, 1]);
    expect(Array.from(h)).toEqual([2, 1.5]);
  });
});
