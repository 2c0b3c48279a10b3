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
