import { describe, expect, it } from "vitest";
import { PAPER_CE_PRIOR_AP, PAPER_TABLE_1A, PAPER_TABLE_1B, paperGain } from "./paper";

describe("the paper's numbers", () => {
  it("give +2.9 AP of α-FL (γ = 2, α = 0.25) over the best α-balanced CE (α = 0.75, 31.1)", () => {
    expect(paperGain()).toEqual({ bestCe: { alpha: 0.75, ap: 31.1 }, fl: 34.0, gain: 2.9 });
  });

  it("agree with each other where the tables overlap", () => {
    // Table 1b's γ = 0 row is Table 1a's best α; plain CE with the prior init is Table 1a at α = 0.5.
    expect(PAPER_TABLE_1B[0]).toEqual({ gamma: 0, alpha: 0.75, ap: 31.1 });
    expect(PAPER_TABLE_1A.find((r) => r.alpha === 0.5)?.ap).toBe(PAPER_CE_PRIOR_AP);
  });
});
