import { describe, expect, it } from "vitest";
import { EXPLAINER_SCHEMA } from "../state/explainer";
import { defaultsOf } from "../state/schema";
import { judgeGuess, parseGuess, QUESTIONS } from "./questions";

const state = defaultsOf(EXPLAINER_SCHEMA);

describe("predict-first questions", () => {
  it("an example at p_t = 0.9 counts 100× less under γ = 2 (the paper's example)", () => {
    expect(QUESTIONS.downweight.answer(state)).toBeCloseTo(100, 9);
    expect(QUESTIONS.downweight.prompt(state)).toContain("γ = 2,");
  });

  it("with γ = 0 nothing is down-weighted", () => {
    expect(QUESTIONS.downweight.answer({ ...state, gamma: 0 })).toBe(1);
    expect(QUESTIONS["push-back"].answer({ ...state, gamma: 0 })).toBeCloseTo(1, 12);
  });

  it("the easy-negative share is a percentage that grows with the imbalance", () => {
    const few = QUESTIONS["easy-share"].answer({ ...state, ratio: 10 });
    const many = QUESTIONS["easy-share"].answer({ ...state, ratio: 100000 });
    expect(few).toBeGreaterThan(0);
    expect(many).toBeLessThanOrEqual(100);
    expect(many).toBeGreaterThan(few);
  });

  it("the push-back ratio follows the paper's gradient formula at logit −3", () => {
    // dFL/dx ∝ (1 − p_t)^γ (γ p_t ln p_t + p_t − 1), dCE/dx ∝ p_t − 1; α cancels.
    const pt = 1 / (1 + Math.exp(-3));
    const expected = (1 - pt) / ((1 - pt) ** 2 * (1 - pt - 2 * pt * Math.log(pt)));
    expect(QUESTIONS["push-back"].answer(state)).toBeCloseTo(expected, 9);
  });

  it("a guess starts empty: blank, malformed or out-of-range text is no guess", () => {
    const times = QUESTIONS.downweight;
    for (const text of ["", "  ", "abc", "1e3", "-5", "0", "100001", "0x10", "NaN", "Infinity"]) {
      expect(parseGuess(times, text)).toBeNull();
    }
    expect(parseGuess(times, "20")).toBe(20);
    expect(parseGuess(times, " 1,000× ")).toBe(1000);
    expect(parseGuess(times, "2.5")).toBe(2.5);
    const percent = QUESTIONS["easy-share"];
    expect(parseGuess(percent, "0")).toBe(0);
    expect(parseGuess(percent, "45%")).toBe(45);
    expect(parseGuess(percent, "101")).toBeNull();
  });
});

describe("judging a guess", () => {
  it("judges ratios by factor, symmetric in too high and too low", () => {
    expect(judgeGuess("times", 100, 100)).toEqual({ grade: "close", distance: "spot on" });
    expect(judgeGuess("times", 130, 100).grade).toBe("close");
    expect(judgeGuess("times", 50, 100)).toEqual({
      grade: "near",
      distance: "off by a factor of 2 (too low)",
    });
    expect(judgeGuess("times", 400, 100)).toEqual({
      grade: "far",
      distance: "off by a factor of 4 (too high)",
    });
    expect(judgeGuess("times", 10, 1000).distance).toBe("off by a factor of 100 (too low)");
  });

  it("judges percentages by points", () => {
    expect(judgeGuess("percent", 52, 50)).toEqual({
      grade: "close",
      distance: "2 points too high",
    });
    expect(judgeGuess("percent", 40, 50).grade).toBe("near");
    expect(judgeGuess("percent", 10, 50)).toEqual({ grade: "far", distance: "40 points too low" });
    expect(judgeGuess("percent", 50.2, 50).distance).toBe("spot on");
  });
});
