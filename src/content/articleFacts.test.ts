import { describe, expect, it } from "vitest";
import { easyMajorityFrom, FACTS } from "./articleFacts";

describe("the article's numbers", () => {
  it("quote the paper's +2.9 AP over its best α-balanced CE", () => {
    expect(FACTS.paper).toEqual({
      cePrior: "30.2",
      bestCe: "31.1",
      bestCeAlpha: "0.75",
      fl: "34.0",
      gain: "2.9",
    });
  });

  it("quote Table 3 (FL* 33.8 and 33.9 against FL 34.0 and CE 31.1) and Table 1d's 3.2 AP gap", () => {
    expect(FACTS.table3).toEqual({
      ce: "31.1",
      fl: "34.0",
      star21: "33.8",
      star40: "33.9",
      alpha: "0.25",
    });
    expect(FACTS.ohem).toEqual({
      bestAp: "32.8",
      bestBatch: "128",
      bestNms: "0.5",
      fl: "36.0",
      gap: "3.2",
    });
  });

  it("compare FL* (γ = 2, β = 1) with FL and CE at x_t = 2, by hand", () => {
    // CE = softplus(−2) = 0.12693; FL* = softplus(−5)/2 = 0.0033576; FL = e^(−2·softplus(2))·CE.
    expect(FACTS.star).toMatchObject({ gamma: "2", beta: "1", easyStar: "37.8×", easyFl: "70.4×" });
    // CE's derivative σ(−x_t) is 0.1 at ln 9 = 2.197; FL*'s at (ln 9 − 1)/2 = 0.599.
    expect(FACTS.star).toMatchObject({ smallCe: "2.2", smallStar: "0.599" });
    expect(Number(FACTS.star.flPeak)).toBeGreaterThan(1);
  });

  it("give the hard-example boost the gradient section states", () => {
    expect(FACTS.boost2).toMatchObject({ peak: "1.22×", below: "0.298" });
    expect(FACTS.boost5).toMatchObject({ peak: "1.39×", below: "0.197" });
  });

  it("say where easy negatives start to carry most of the CE loss", () => {
    // At the prior init every negative costs −ln 0.99 and the positive −ln 0.01: R·0.01005 > 4.605
    // from R = 459.
    expect(easyMajorityFrom("init")).toBe(Math.ceil(Math.log(0.01) / Math.log(0.99)));
    expect(Number(FACTS.budget.majorityFrom.replace(",", ""))).toBeLessThan(100);
  });

  it("compare α-CE at its own best α and at α-FL's α with focal loss", () => {
    const pct = (s: string) => Number.parseFloat(s);
    const b = FACTS.budget;
    expect(pct(b.alphaCe75)).toBeLessThan(pct(b.ce));
    expect(pct(b.alphaCe25)).toBeGreaterThan(pct(b.ce));
    expect(pct(b.fl)).toBeLessThan(pct(b.alphaCe75) / 3);
  });
});
