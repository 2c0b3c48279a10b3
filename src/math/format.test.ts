import { describe, expect, it } from "vitest";
import {
  formatCount,
  formatParam,
  formatRatio,
  formatShare,
  formatTimes,
  formatValue,
} from "./format";

describe("number formatting", () => {
  it("writes values with three significant digits and a real minus sign, exponents too", () => {
    expect(formatValue(0.10536)).toBe("0.105");
    expect(formatValue(-0.0356)).toBe("−0.0356");
    expect(formatValue(-1.234e-7)).toBe("−1.23e−7");
    expect(formatValue(Number.NaN)).toBe("–");
  });

  it("writes parameters without trailing zeros", () => {
    expect([2, 0.25, 0.5, 0, 4.999].map(formatParam)).toEqual(["2", "0.25", "0.5", "0", "5"]);
  });

  it("groups thousands in ratios, counts and imbalances, and switches to exponents past a million", () => {
    expect([1, 1.2345, 100, 1000, 10000, 999_999].map(formatTimes)).toEqual([
      "1×",
      "1.23×",
      "100×",
      "1,000×",
      "10,000×",
      "1,000,000×",
    ]);
    expect(formatTimes(1.234e7)).toBe("1.23e7×");
    expect(formatCount(100000)).toBe("100,000");
    expect(formatRatio(1023.4)).toBe("1 : 1,023");
    expect(formatRatio(Number.POSITIVE_INFINITY)).toBe("no positives");
  });

  it("never rounds a tiny share to 0% or a near-total one to 100%", () => {
    expect(formatShare(6.9e-13)).toBe("< 0.0001%");
    expect(formatShare(0.00069)).toBe("0.069%");
    expect(formatShare(0.999993)).toBe("> 99.9%");
    expect(formatShare(1)).toBe("100%");
    expect(formatShare(0.686)).toBe("68.6%");
    expect(formatShare(0)).toBe("0%");
  });
});
