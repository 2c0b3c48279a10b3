import { describe, expect, it } from "vitest";
import {
  alphaBalancedCurve,
  crossEntropyCurve,
  downweightRatio,
  focalLossCurve,
  gradientCurve,
  linspace,
  missAtDownweight,
  ptAtDownweight,
  ptGrid,
} from "./curves";
import { assertInDelta, assertRelative } from "./testing";

describe("grids", () => {
  it("linspace includes both ends and has n + 1 points", () => {
    expect(linspace(-1, 1, 4)).toEqual([-1, -0.5, 0, 0.5, 1]);
  });

  it("the p_t grid is strictly increasing inside (0, 1)", () => {
    const grid = ptGrid();
    for (let i = 1; i < grid.length; i++) expect(grid[i]).toBeGreaterThan(grid[i - 1] as number);
    expect(grid[0]).toBeGreaterThan(0);
    expect(grid[grid.length - 1]).toBeLessThan(1);
  });
});

describe("loss curves", () => {
  it("FL with γ = 0 is the CE curve point for point", () => {
    expect(focalLossCurve(0)).toEqual(crossEntropyCurve());
  });

  it("every sampled loss is finite and non-negative", () => {
    for (const gamma of [0, 0.5, 2, 5])
      for (const p of focalLossCurve(gamma)) {
        expect(Number.isFinite(p.y)).toBe(true);
        expect(p.y).toBeGreaterThanOrEqual(0);
      }
  });

  it("the α-balanced negative curve mirrors the positive curve with weight 1 − α", () => {
    const pos = alphaBalancedCurve(1, 2, 0.25, [0.2, 0.6]);
    const neg = alphaBalancedCurve(0, 2, 0.25, [0.2, 0.6]);
    // A negative at p = 0.4 has p_t = 0.6: it carries (0.75 / 0.25)× the loss of a positive at 0.6.
    assertRelative((neg[0]?.y ?? 0) / (pos[1]?.y ?? 1), 3, 1e-12);
  });
});

describe("down-weighting", () => {
  it("γ = 2 at p_t = 0.9 gives 100×, and 1000× is reached at p_t ≈ 0.968", () => {
    assertRelative(downweightRatio(0.9, 2), 100, 1e-12);
    assertInDelta(ptAtDownweight(1000, 2), 1 - 1 / Math.sqrt(1000), 1e-15);
    expect(ptAtDownweight(1000, 2)).toBeCloseTo(0.968, 3);
  });

  it("ptAtDownweight inverts downweightRatio", () => {
    for (const gamma of [0.5, 1, 2, 5])
      for (const r of [2, 10, 1e4])
        assertRelative(downweightRatio(ptAtDownweight(r, gamma), gamma), r, 1e-6);
  });
});

describe("gradient curves", () => {
  it("the CE gradient of a positive crosses −½ at x = 0", () => {
    const curve = gradientCurve(1, 0, null, [0]);
    assertInDelta(curve[0]?.y ?? NaN, -0.5, 1e-15);
  });
});

describe("missAtDownweight", () => {
  it("stays exact where p_t itself rounds to 1 (small γ)", () => {
    expect(ptAtDownweight(1000, 0.1)).toBe(1);
    assertRelative(missAtDownweight(1000, 0.1), 1e-30, 1e-12);
    assertRelative(missAtDownweight(1000, 2), 1 / Math.sqrt(1000), 1e-15);
  });
});
