import { describe, expect, it } from "vitest";
import type { JobResult } from "./protocol";
import {
  baselineCall,
  compareSeeds,
  describeComparison,
  sweepCells,
  verdictOf,
} from "./seedSummary";

const result = (seed: number, run: "a" | "b", ap: number | null): JobResult => ({
  key: { seed, run },
  ap,
  recallAtP50: ap,
  divergence: ap === null ? { step: 7, reason: "loss is NaN" } : null,
});
const fmt = (v: number) => v.toFixed(2);
const pair = (seed: number, a: number | null, b: number | null) => [
  result(seed, "a", a),
  result(seed, "b", b),
];

describe("the seed rule", () => {
  it("calls a difference only beyond two standard errors, with three seeds or more", () => {
    // Differences 0.2, 0.2, 0.3: mean 0.2333, sd 0.0577, SE 0.0333 → 7 SE: B ahead.
    expect(verdictOf([0.2, 0.2, 0.3])).toMatchObject({ kind: "ahead", leader: "b" });
    // 0.3, −0.2, 0.1: mean 0.0667, sd 0.2517, SE 0.1453 → level.
    expect(verdictOf([0.3, -0.2, 0.1])).toMatchObject({ kind: "level" });
    expect(verdictOf([0.5, 0.5])).toEqual({ kind: "too-few", seeds: 2 });
    expect(verdictOf([-0.1, -0.1, -0.1])).toMatchObject({ kind: "ahead", leader: "a" });
  });
});

describe("compareSeeds", () => {
  it("pairs A and B by seed and reports means, spreads and the call", () => {
    const c = compareSeeds([...pair(1, 0.1, 0.5), ...pair(2, 0.3, 0.7), ...pair(3, 0.6, 0.4)]);
    expect(c).toMatchObject({ seeds: 3, compared: 3 });
    expect(c.difference.mean).toBeCloseTo((0.4 + 0.4 - 0.2) / 3, 12);
    expect(c.verdict.kind).toBe("level");
    expect(describeComparison(c, fmt)).toBe(
      "Level within noise over 3 seeds: mean AP of B − A +0.20 ± 0.20 (SE) (A 0.33 ± 0.25, B 0.53 ± 0.15, mean ± sd).",
    );
  });

  it("says who is ahead when the seeds agree, and counts stalled runs", () => {
    const c = compareSeeds([
      ...pair(1, 0.01, 0.9),
      ...pair(2, 0.6, 0.92),
      ...pair(3, 0.02, 0.95),
      ...pair(4, 0.5, 0.9),
    ]);
    expect(c.verdict).toMatchObject({ kind: "ahead", leader: "b" });
    expect(c.stalled).toEqual({ a: 2, b: 0 });
    expect(describeComparison(c, fmt)).toMatch(/^B ahead over 4 seeds: .*; stalled: A 2, B 0\.$/);
  });

  it("leaves diverged seeds out of the comparison and says so", () => {
    const c = compareSeeds([...pair(1, null, 0.5), ...pair(2, 0.6, 0.2)]);
    expect(c).toMatchObject({ compared: 1, diverged: { a: 1, b: 0 } });
    expect(describeComparison(c, fmt)).toBe(
      "Too few seeds to call (1 seed; at least 3 needed): mean AP of B − A −0.40 (A 0.60, B 0.20); stalled: A 1, B 0; diverged: A 1, B 0.",
    );
  });

  it("says when nothing has finished", () => {
    expect(describeComparison(compareSeeds([]), fmt)).toBe("No seeds finished yet.");
  });
});

describe("sweepCells", () => {
  const cells = (entries: [string, number[]][]) =>
    new Map(entries.map(([k, v]) => [k, new Map(v.map((ap, i) => [i + 1, ap]))]));

  it("marks no single best cell when the top is level with others", () => {
    const out = sweepCells(
      cells([
        ["x", [0.9, 0.8, 0.95]],
        ["y", [0.88, 0.85, 0.9]],
        ["z", [0.1, 0.2, 0.1]],
      ]),
    );
    expect(out.map((c) => [c.key, c.top, c.levelWithTop])).toEqual([
      ["x", true, true],
      ["y", false, true],
      ["z", false, false],
    ]);
  });

  it("with one seed per cell, calls nothing: every cell is level with the top", () => {
    const out = sweepCells(
      cells([
        ["x", [0.9]],
        ["y", [0.2]],
      ]),
    );
    expect(out.every((c) => c.levelWithTop)).toBe(true);
  });
});

describe("baselineCall", () => {
  const seeds = (...aps: number[]) => new Map(aps.map((ap, i) => [i + 1, ap]));

  it("compares the baseline with the grid's top cell seed by seed", () => {
    const cells = new Map([
      ["2|0.25", seeds(0.8, 0.82, 0.79)],
      ["0|0.75", seeds(0.5, 0.6, 0.4)],
    ]);
    const call = baselineCall(cells, seeds(0.6, 0.61, 0.62));
    expect(call.top).toBe("2|0.25");
    expect(call.summary.mean).toBeCloseTo(0.61, 12);
    expect(call.verdict).toMatchObject({ kind: "ahead", leader: "b" });
  });

  it("calls nothing with fewer than three seeds, and nothing without a grid", () => {
    expect(baselineCall(new Map([["a", seeds(0.8, 0.9)]]), seeds(0.1, 0.2)).verdict).toEqual({
      kind: "too-few",
      seeds: 2,
    });
    expect(baselineCall(new Map(), seeds(0.5)).verdict).toBeNull();
  });
});
