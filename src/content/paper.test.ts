import { describe, expect, it } from "vitest";
import {
  PAPER_CE_PRIOR_AP,
  PAPER_FL_STAR_SETTINGS,
  PAPER_TABLE_1A,
  PAPER_TABLE_1B,
  PAPER_TABLE_1D,
  PAPER_TABLE_3,
  paperGain,
  paperOhemGap,
} from "./paper";

describe("the paper's numbers", () => {
  it("give +2.9 AP of α-FL (γ = 2, α = 0.25) over the best α-balanced CE (α = 0.75, 31.1)", () => {
    expect(paperGain()).toEqual({ bestCe: { alpha: 0.75, ap: 31.1 }, fl: 34.0, gain: 2.9 });
  });

  it("agree with each other where the tables overlap", () => {
    // Table 1b's γ = 0 row is Table 1a's best α; plain CE with the prior init is Table 1a at α = 0.5.
    expect(PAPER_TABLE_1B[0]).toEqual({ gamma: 0, alpha: 0.75, ap: 31.1 });
    expect(PAPER_TABLE_1A.find((r) => r.alpha === 0.5)?.ap).toBe(PAPER_CE_PRIOR_AP);
  });

  it("give the 3.2 AP gap of FL over the best OHEM (no ratio, batch 128, NMS 0.5: 32.8) in Table 1d", () => {
    expect(paperOhemGap()).toEqual({
      bestOhem: { method: "OHEM", batch: 128, nms: 0.5, ap: 32.8 },
      fl: 36.0,
      gap: 3.2,
    });
    // Every batch size of Table 1d is one the engine accepts, and 1:3 is the only ratio.
    expect(new Set(PAPER_TABLE_1D.flatMap((r) => (r.batch ? [r.batch] : [])))).toEqual(
      new Set([128, 256, 512]),
    );
  });

  it("give Table 3's FL* settings (γ = 2, β = 1: 33.8; γ = 4, β = 0: 33.9) next to FL (34.0) and CE (31.1)", () => {
    expect(PAPER_FL_STAR_SETTINGS).toEqual([
      { gamma: 2, beta: 1, ap: 33.8 },
      { gamma: 4, beta: 0, ap: 33.9 },
    ]);
    // Table 3's CE and FL rows are Tables 1a/1b's best α-CE and γ = 2.
    expect(PAPER_TABLE_3[0]?.ap).toBe(paperGain().bestCe.ap);
    expect(PAPER_TABLE_3[1]?.ap).toBe(paperGain().fl);
  });
});
