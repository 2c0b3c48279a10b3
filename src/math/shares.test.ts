import { describe, expect, it } from "vitest";
import { logit } from "./numeric";
import { groupOf, lossShares } from "./shares";

const FL2 = { gamma: 2, alpha: 0.25 };
const CE = { gamma: 0, alpha: null };

describe("groupOf", () => {
  it("calls a negative easy only when p_t exceeds 0.9", () => {
    expect(groupOf(logit(0.05), 0)).toBe("easyNegatives");
    expect(groupOf(logit(0.2), 0)).toBe("hardNegatives");
    expect(groupOf(logit(0.99), 1)).toBe("positives");
  });
});

describe("lossShares", () => {
  it("sums each set of shares to one", () => {
    const shares = lossShares([-5, -1, 0.3, 2, -3], [0, 0, 1, 1, 0], FL2);
    for (const s of [shares.loss, shares.gradient]) {
      expect(s.positives + s.hardNegatives + s.easyNegatives).toBeCloseTo(1, 12);
    }
    expect(shares.counts).toEqual({ positives: 2, hardNegatives: 1, easyNegatives: 2 });
  });

  it("shows focal loss taking the weight off easy negatives at prior init (1 positive : 999 negatives at π = 0.01)", () => {
    const b = logit(0.01);
    const logits = new Float64Array(1000).fill(b);
    const labels = new Uint8Array(1000);
    labels[0] = 1;
    const ce = lossShares(logits, labels, CE).loss.easyNegatives;
    const fl = lossShares(logits, labels, FL2).loss.easyNegatives;
    // CE: 999·ln(1/0.99) / (999·ln(1/0.99) + ln 100) ≈ 0.686; FL scales negatives by 0.75·0.01².
    expect(ce).toBeCloseTo(0.6858, 3);
    expect(fl).toBeLessThan(0.001);
  });
});

describe("lossShares with weights", () => {
  it("equals repeating each sample as many times as its weight", () => {
    const logits = [-5, -1, 0.3, 2, -3];
    const labels = [0, 0, 1, 1, 0];
    const weights = [4, 2, 1, 3, 5];
    const repeatedX = logits.flatMap((x, i) => new Array(weights[i]).fill(x) as number[]);
    const repeatedY = labels.flatMap((y, i) => new Array(weights[i]).fill(y) as number[]);
    const a = lossShares(logits, labels, FL2, weights);
    const b = lossShares(repeatedX, repeatedY, FL2);
    expect(a.counts).toEqual(b.counts);
    for (const m of ["loss", "gradient"] as const) {
      for (const g of ["positives", "hardNegatives", "easyNegatives"] as const) {
        expect(a[m][g]).toBeCloseTo(b[m][g], 13);
      }
    }
  });
});
