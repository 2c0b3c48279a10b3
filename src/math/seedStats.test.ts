import { describe, expect, it } from "vitest";
import { pairedDifferences, shareBelow, summarize } from "./seedStats";
import { assertInDelta } from "./testing";

describe("summarize", () => {
  it("gives the textbook mean, sample sd and standard error", () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, Σ(x − 5)² = 32, s = √(32/7).
    const s = summarize([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(s.n).toBe(8);
    assertInDelta(s.mean, 5);
    assertInDelta(s.sd, Math.sqrt(32 / 7));
    assertInDelta(s.se, Math.sqrt(32 / 7) / Math.sqrt(8));
    expect([s.min, s.max]).toEqual([2, 9]);
  });

  it("handles samples far larger than a call's argument limit", () => {
    const s = summarize(Array.from({ length: 1_000_000 }, (_, i) => i % 2));
    assertInDelta(s.mean, 0.5);
    expect([s.min, s.max]).toEqual([0, 1]);
  });

  it("has no spread for one value and nothing for none", () => {
    expect(summarize([0.3]).mean).toBe(0.3);
    expect(summarize([0.3]).sd).toBeNaN();
    expect(summarize([]).mean).toBeNaN();
  });
});

describe("pairedDifferences", () => {
  it("pairs values by seed and skips seeds missing on either side", () => {
    const a = new Map([
      [3, 0.9],
      [1, 0.8],
      [2, 0.7],
    ]);
    const b = new Map([
      [1, 0.5],
      [3, 1],
    ]);
    const { seeds, differences } = pairedDifferences(a, b);
    expect(seeds).toEqual([1, 3]);
    assertInDelta(differences[0] as number, 0.3, 1e-15);
    assertInDelta(differences[1] as number, -0.1, 1e-15);
  });
});

describe("shareBelow", () => {
  it("counts values under the threshold and NaN as failures", () => {
    expect(shareBelow([0.01, 0.5, Number.NaN, 0.9], 0.05)).toBe(0.5);
    expect(shareBelow([0.05], 0.05)).toBe(0);
    expect(shareBelow([], 0.05)).toBeNaN();
  });
});
