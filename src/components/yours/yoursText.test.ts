import { describe, expect, it } from "vitest";
import {
  countShares,
  hardestFifthShare,
  shareAbove,
  yoursCdfTable,
  yoursLossCaption,
  yoursSharesCaption,
} from "./yoursText";

const shares = (easy: number, positives: number) => ({
  loss: { positives, hardNegatives: 1 - easy - positives, easyNegatives: easy },
  gradient: { positives, hardNegatives: 1 - easy - positives, easyNegatives: easy },
  counts: { positives: 10, hardNegatives: 90, easyNegatives: 900 },
});

describe("the your-own-model figures' numbers", () => {
  it("state the easy negatives' share under CE, α-CE (its own α) and α-FL, whichever is larger", () => {
    const rows = [
      { id: "ce", label: "CE", shares: shares(0.7, 0.1) },
      { id: "alpha-ce", label: "α-CE", shares: shares(0.4, 0.3) },
      { id: "alpha-fl", label: "α-FL", shares: shares(0.8, 0.05) },
    ];
    const c = yoursSharesCaption(rows, { gamma: 0.5, alpha: 0.25, ceAlpha: 0.75 });
    expect(c?.examples).toBe("1,000");
    expect(c?.easyExamples).toBe("90%");
    expect(c?.easy).toEqual({ ce: "70%", alphaCe: "40%", fl: "80%" });
    expect(c?.ceAlpha).toBe("0.75");
    expect(countShares({ positives: 0, hardNegatives: 0, easyNegatives: 0 }).positives).toBe(0);
  });

  it("read the hardest fifth off each class's own curve (not the other class's length)", () => {
    const pos = { fraction: [0, 0.5, 1], cumulativeLoss: [0, 0.2, 1] };
    const neg = { fraction: [0, 0.25, 0.5, 0.75, 1], cumulativeLoss: [0, 0.05, 0.1, 0.15, 1] };
    expect(hardestFifthShare(neg)).toBe("85%");
    const rows = yoursCdfTable({ positives: pos, negatives: neg }).rows;
    // fraction 0.8: positives index round(0.8·2) = 2 → 1; negatives index round(0.8·4) = 3 → 0.15.
    expect(rows[4]).toEqual(["0.8", "1", "0.15"]);
  });

  it("say how much smaller FL is above p_t = 0.9: at least 10^γ, nothing at γ = 0", () => {
    const density = {
      negatives: [0, 0, 0, 0, 0, 0, 0, 0, 0.2, 0.8],
      positives: [0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0.5],
    };
    expect(shareAbove(density.negatives, 0.9)).toBeCloseTo(0.8, 12);
    expect(yoursLossCaption(density, 2)).toEqual({
      negativesAbove: "80%",
      positivesAbove: "50%",
      gamma: "2",
      atLeast: "100×",
    });
    expect(yoursLossCaption(density, 0).atLeast).toBeNull();
  });
});
