import { describe, expect, it } from "vitest";
import type { JobResult } from "./protocol";
import { compareSeeds, describeComparison } from "./seedSummary";

const result = (seed: number, run: "a" | "b", ap: number | null): JobResult => ({
  key: { seed, run },
  ap,
  recallAtP50: ap,
  divergence: ap === null ? { step: 7, reason: "loss is NaN" } : null,
});
const fmt = (v: number) => v.toFixed(2);

describe("compareSeeds", () => {
  it("counts the seeds each run wins and the mean AP difference", () => {
    const c = compareSeeds([
      result(1, "a", 0.1),
      result(1, "b", 0.5),
      result(2, "a", 0.3),
      result(2, "b", 0.7),
      result(3, "a", 0.6),
      result(3, "b", 0.4),
    ]);
    expect(c).toMatchObject({ seeds: 3, compared: 3, bAhead: 2, aAhead: 1 });
    expect(c.meanDifference).toBeCloseTo((0.4 + 0.4 - 0.2) / 3, 12);
    expect(describeComparison(c, fmt)).toBe(
      "B ahead in 2 of 3 seeds, mean AP of B − A +0.20 (A 0.33, B 0.53).",
    );
  });

  it("leaves diverged seeds out of the comparison and says so", () => {
    const c = compareSeeds([
      result(1, "a", null),
      result(1, "b", 0.5),
      result(2, "a", 0.6),
      result(2, "b", 0.2),
    ]);
    expect(c).toMatchObject({ compared: 1, aAhead: 1, diverged: { a: 1, b: 0 } });
    expect(describeComparison(c, fmt)).toBe(
      "A ahead in 1 of 1 seeds, mean AP of B − A −0.40 (A 0.60, B 0.20); diverged: A 1, B 0.",
    );
  });

  it("says when nothing has finished", () => {
    expect(describeComparison(compareSeeds([]), fmt)).toBe("No seeds finished yet.");
  });
});
