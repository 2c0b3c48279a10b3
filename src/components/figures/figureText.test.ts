/**
 * The explainer figures' caption numbers and tables, checked against values derived by hand from
 * the definitions (CE = −ln p_t, FL = (1 − p_t)^γ CE, dFL/dx for a negative = γ p^γ (1 − p)
 * (−ln(1 − p)) + p^γ · p), not against the functions the figures themselves call.
 */
import { describe, expect, it } from "vitest";
import { budgetComparison, POPULATIONS } from "../../math/population";
import { alphaBalancedCaption, alphaBalancedTable } from "./alphaBalancedText";
import {
  downweightCaption,
  downweightTable,
  ratioDomain,
  thousandFold,
  timesLess,
} from "./downweightText";
import { focalStarCaption, focalStarRows, focalStarTable, xtGradientDomain } from "./focalStarText";
import { gradientCaption, gradientDomain, gradientTable } from "./gradientText";
import { lossBudgetCaption, lossBudgetRows, lossBudgetTable } from "./lossBudgetText";
import { lossAt, lossVsPtCaption, lossVsPtTable } from "./lossVsPtText";

describe("Figure 1's numbers", () => {
  it("state CE, FL and the ratio at p_t = 0.9 and 0.1, and the most a misclassified example loses", () => {
    // −ln 0.9 = 0.10536; × 0.1² = 0.0010536; ratio 100. −ln 0.1 = 2.3026; × 0.9² = 1.8651.
    expect(lossVsPtCaption(2)).toEqual({
      same: false,
      gamma: "2",
      easy: { ce: "0.105", fl: "0.00105", times: "100×" },
      hard: { ce: "2.3", fl: "1.87", times: "1.23×" },
      misclassifiedAtMost: "4×",
    });
    expect(lossVsPtCaption(5).misclassifiedAtMost).toBe("32×");
  });

  it("say the curves coincide at γ = 0 rather than '1× less'", () => {
    expect(lossVsPtCaption(0).same).toBe(true);
    expect(lossAt(0.5, 0).times).toBe("1×");
  });

  it("tabulate every listed p_t with γ in the header", () => {
    const table = lossVsPtTable(0.5);
    expect(table.columns[2]).toBe("FL (γ = 0.5)");
    expect(table.rows).toHaveLength(14);
    expect(table.rows[6]).toEqual(["0.5", "0.693", "0.49", "1.41×"]);
  });
});

describe("Figure 2's numbers", () => {
  it("weight positives by α and negatives by 1 − α, at p = 0.5", () => {
    // 0.25 ln 2 = 0.17329; × 0.5² = 0.043322; 0.75 ln 2 = 0.51986; × 0.25 = 0.12997.
    expect(alphaBalancedCaption(2, 0.25)).toEqual({
      alpha: "0.25",
      oneMinusAlpha: "0.75",
      gamma: "2",
      positive: { ce: "0.173", fl: "0.0433" },
      negative: { ce: "0.52", fl: "0.13" },
    });
    expect(alphaBalancedTable(2, 0.25).rows).toHaveLength(9);
  });
});

describe("Figure 3's numbers", () => {
  it("say how many times less an example counts, and from where 1,000×", () => {
    expect(timesLess(0.9, 2)).toBe("100× less");
    expect(timesLess(0.999, 1)).toBe("1,000× less");
    // (1 − p_t)^−2 = 1000 at 1 − p_t = 1000^−½ = 0.031623.
    expect(thousandFold(2)).toEqual({ miss: "0.0316", pt: "0.968" });
    expect(downweightCaption(1).at05).toBe("2× less");
    expect(downweightTable(2).rows[0]).toEqual(["0.1", "0.81", "1.23×"]);
  });

  it("say 'same as CE' at γ = 0, never '1× less'", () => {
    expect(thousandFold(0)).toBeNull();
    expect(downweightCaption(0).same).toBe(true);
    expect(timesLess(0.9, 0)).toBe("same as CE");
  });

  it("give the ratio axis room for every readout", () => {
    expect(ratioDomain(2)).toEqual([1, 1e6]);
    // γ = 5: p_t = 0.99 counts 0.01^−5 = 10^10 times less.
    expect(ratioDomain(5)).toEqual([1, 1e10]);
  });
});

describe("Figure 4's numbers", () => {
  const p = 1 / (1 + Math.exp(3));

  it("compare an easy negative's gradient under α-CE and α-FL", () => {
    const fl = 2 * p ** 2 * (1 - p) * -Math.log(1 - p) + p ** 2 * p;
    const c = gradientCaption(2, 0.25);
    expect(c.negative.pt).toBe("0.953");
    expect(c.negative.ce).toBe((0.75 * p).toPrecision(3));
    expect(c.negative.weaker).toBe(`${Math.round(p / fl)}×`);
    expect(gradientTable(2, 0.25).rows.map((r) => r[0])).toEqual([
      "−6",
      "−4",
      "−3",
      "−2",
      "−1",
      "0",
      "1",
      "2",
      "3",
      "4",
      "6",
    ]);
  });

  it("say a missed positive is pulled harder under FL than under CE, by the right factor", () => {
    // p_t = σ(−3) for a positive at x = −3: ratio (1 − p_t)^(γ−1)(1 − p_t − γ p_t ln p_t).
    const ratio = (1 - p) * (1 - p - 2 * p * Math.log(p));
    expect(gradientCaption(2, 0.25).positive.compared).toBe(`${ratio.toPrecision(3)}× harder than`);
    expect(gradientCaption(2, 0.25).boost).toEqual({ peak: "1.22×", below: "0.298" });
  });

  it("follow the settings: γ = 0 coincide, α = 1 leaves negatives unweighted, α = 0 positives", () => {
    expect(gradientCaption(0, 0.25)).toMatchObject({ same: true, boost: null });
    expect(gradientCaption(2, 1).negative.unweighted).toBe(true);
    expect(gradientCaption(2, 0).positive.unweighted).toBe(true);
    expect(gradientCaption(2, 0.5).negative.unweighted).toBe(false);
  });

  it("never clips a curve: the y range holds focal gradients larger than CE's 1", () => {
    expect(gradientDomain([[{ x: 0, y: 0.5 }]])).toEqual([-1.05, 1.05]);
    expect(gradientDomain([[{ x: -3, y: -1.31 }], [{ x: 2, y: 0.2 }]])).toEqual([-1.4, 1.4]);
  });
});

describe("Figure 5's numbers", () => {
  const comparison = budgetComparison(POPULATIONS.init, 1000, 2, 0.25, 0.75);

  it("give each loss's shares of the loss and gradient, summing to one per loss", () => {
    const rows = lossBudgetRows(comparison);
    expect(rows).toHaveLength(9);
    for (const loss of ["CE", "α-CE", "α-FL"]) {
      const mine = rows.filter((r) => r[0] === loss);
      const sum = (i: number) => mine.reduce((s, r) => s + (r[i] as number), 0);
      expect(sum(4)).toBeCloseTo(1, 12);
      expect(sum(5)).toBeCloseTo(1, 12);
    }
    expect(lossBudgetTable(comparison).rows).toHaveLength(9);
  });

  it("state the easy negatives' share under CE, under α-CE with its own α, and under α-FL", () => {
    const c = lossBudgetCaption(comparison, {
      ratio: 1000,
      gamma: 2,
      alpha: 0.25,
      ceAlpha: 0.75,
      population: "init",
    });
    expect(c?.negatives).toBe("1,000 negatives");
    // At init every negative sits at p = 0.01 (p_t = 0.99 > 0.9): all are easy. Their CE loss,
    // 1000 · −ln 0.99 = 10.05, against the positive's −ln 0.01 = 4.605: 68.6% of the total.
    expect(c?.easyExamples).toBe("> 99.9%");
    expect(c?.easy.ce).toBe("68.6%");
    // α = 0.75: 0.25 · 10.05 / (0.25 · 10.05 + 0.75 · 4.605) = 42.1%.
    expect(c?.easy.alphaCe).toBe("42.1%");
    const one = lossBudgetCaption(budgetComparison(POPULATIONS.init, 1, 2, 0.25, 0.75), {
      ratio: 1,
      gamma: 2,
      alpha: 0.25,
      ceAlpha: 0.75,
      population: "init",
    });
    expect(one?.negatives).toBe("one negative");
  });
});

describe("Figure 6's numbers (FL*, the paper's appendix A)", () => {
  // By hand at x_t = 2: CE = ln(1 + e^−2) = 0.126928; FL γ=2 = σ(−2)² · CE = 0.0142 · 0.1269 =
  // 0.0018034; FL* (2, 1) = ln(1 + e^−5)/2 = 0.0033576. At x_t = −3: CE = 3.04859, FL* =
  // ln(1 + e^5)/2 = 2.50336.
  it("compare FL* with FL and CE on an easy and a hard example, and quote Table 3 on a paper setting", () => {
    const c = focalStarCaption(2, 2, 1);
    expect(c.easy).toEqual({
      pt: "0.881",
      ce: "0.127",
      fl: "0.0018",
      star: "0.00336",
      flVsCe: "70.4× less than",
      starVsCe: "37.8× less than",
    });
    expect(c.hard).toMatchObject({ ce: "3.05", star: "2.5" });
    expect(c.paper).toEqual({ ap: "33.8", fl: "34.0", ce: "31.1" });
    expect(focalStarCaption(2, 4, 0).paper?.ap).toBe("33.9");
    expect(focalStarCaption(2, 3, 0).paper).toBeNull();
  });

  it("say where each derivative falls below 0.1 for good: ln 9 for CE, (ln 9 − β)/γ for FL*", () => {
    expect(focalStarCaption(2, 2, 1).small).toEqual({
      level: "0.1",
      ce: "2.2",
      fl: "0.678",
      star: "0.599",
    });
    expect(focalStarCaption(2, 4, 0).small.star).toBe("0.549");
  });

  it("name FL's peak push above 1 for γ > 0 and none at γ = 0, and FL* = CE at γ = 1, β = 0", () => {
    expect(Number(focalStarCaption(2, 2, 1).flPeak?.value)).toBeGreaterThan(1);
    expect(focalStarCaption(0, 2, 1).flPeak).toBeNull();
    const ce = focalStarCaption(0, 1, 0);
    expect(ce.starIsCe).toBe(true);
    expect(ce.easy.starVsCe).toBe("the same as");
  });

  it("say 'more than' when a setting charges easy examples more than CE", () => {
    // γ* = 0.5, β = −2 at x_t = 2: ln(1 + e^1)/0.5 = 2.627 > CE's 0.127.
    expect(focalStarCaption(2, 0.5, -2).easy.starVsCe).toMatch(/× more than$/);
  });

  it("fit FL's largest derivative in the y range, and tabulate and export every curve", () => {
    expect(xtGradientDomain(2)).toEqual([-1.2, 0.05]);
    expect(xtGradientDomain(0)).toEqual([-1.05, 0.05]);
    const table = focalStarTable(2, 2, 1);
    expect(table.columns[3]).toBe("FL* (γ = 2, β = 1)");
    expect(table.rows[4]).toEqual(["0", "0.693", "0.173", "0.157", "−0.5", "−0.298", "−0.269"]);
    const rows = focalStarRows(2, 2, 1);
    expect(rows).toHaveLength(241);
    expect(rows[0]?.[0]).toBe(-10);
    expect(rows.at(-1)?.[0]).toBe(10);
    expect(rows[120]?.[0]).toBe(0);
    expect(rows[120]?.[1]).toBeCloseTo(Math.LN2, 12);
  });
});
