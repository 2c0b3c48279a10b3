import { describe, expect, it } from "vitest";
import { ohemKept, ohemQuota } from "./ohem";

// Worked by hand: losses ranked 3.0 (#3, neg), 2.0 (#1, pos), 1.0 (#5, pos), 0.5 (#2, neg),
// 0.1 (#0, neg), 0.05 (#4, neg).
const LOSSES = [0.1, 2.0, 0.5, 3.0, 0.05, 1.0];
const LABELS = [0, 1, 0, 0, 0, 1];

describe("ohemQuota", () => {
  it("keeps min(keep, all) without a ratio", () => {
    expect(ohemQuota(3, "none", 2, 4)).toEqual({ positives: null, negatives: null, total: 3 });
    expect(ohemQuota(10, "none", 2, 4).total).toBe(6);
  });

  it("keeps at most ⌊keep/4⌋ positives and three negatives per kept positive with 1:3", () => {
    expect(ohemQuota(8, "1:3", 2, 4)).toEqual({ positives: 2, negatives: 4, total: 6 });
    expect(ohemQuota(4, "1:3", 2, 4)).toEqual({ positives: 1, negatives: 3, total: 4 });
    expect(ohemQuota(21, "1:3", 16, 16368)).toEqual({ positives: 5, negatives: 15, total: 20 });
    // No positive in the batch: nothing is kept (the ratio cannot be met).
    expect(ohemQuota(21, "1:3", 0, 16384).total).toBe(0);
  });
});

describe("ohemKept", () => {
  it("keeps the highest-loss locations of either class without a ratio", () => {
    expect(Array.from(ohemKept(LOSSES, LABELS, 3, "none"))).toEqual([0, 1, 0, 1, 0, 1]);
    expect(Array.from(ohemKept(LOSSES, LABELS, 1, "none"))).toEqual([0, 0, 0, 1, 0, 0]);
  });

  it("with 1:3 takes the hardest positives, then three times as many of the hardest negatives", () => {
    expect(Array.from(ohemKept(LOSSES, LABELS, 4, "1:3"))).toEqual([1, 1, 1, 1, 0, 0]);
    expect(Array.from(ohemKept(LOSSES, LABELS, 8, "1:3"))).toEqual([1, 1, 1, 1, 1, 1]);
    expect(Array.from(ohemKept(LOSSES, [0, 0, 0, 0, 0, 0], 8, "1:3"))).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it("breaks ties by the lower index, as tfjs's topk does", () => {
    expect(Array.from(ohemKept([1, 2, 2, 2], [0, 0, 0, 0], 2, "none"))).toEqual([0, 1, 1, 0]);
  });

  it("with weights equals repeating each sample, the last one taken in part", () => {
    const weights = [3, 1, 2, 1, 5, 2];
    // Ranked: #3 (1 of 1), #1 (1), #5 (2) = 4 so far, then #2 takes 1 of its 2 for keep = 5.
    expect(Array.from(ohemKept(LOSSES, LABELS, 5, "none", weights))).toEqual([0, 1, 1, 1, 0, 2]);
    // 1:3 with 3 positives and 11 negatives (weighted), keep 8: 2 positives, 6 negatives.
    const kept = Array.from(ohemKept(LOSSES, LABELS, 8, "1:3", weights));
    expect(kept).toEqual([3, 1, 2, 1, 0, 1]);
  });
});
