import { describe, expect, it } from "vitest";
import { type EvaluationSeen, parseApCaption, timeToStory } from "./storyTime";

const e = (step: number, apA: number, apB: number): EvaluationSeen => ({
  ms: step * 10,
  step,
  apA,
  apB,
});

describe("timeToStory", () => {
  it("is the first evaluation after which both runs stay within the tolerance of their end", () => {
    const seen = [
      e(0, 0, 0),
      e(25, 0.3, 0.1),
      e(50, 0.49, 0.5),
      e(75, 0.5, 0.52),
      e(100, 0.5, 0.51),
    ];
    expect(timeToStory(seen, 100)).toEqual({ seconds: 0.5, step: 50, finalA: 0.5, finalB: 0.51 });
  });

  it("waits for the slower run, and a late excursion restarts the clock", () => {
    const seen = [e(25, 0.5, 0.1), e(50, 0.5, 0.5), e(75, 0.45, 0.5), e(100, 0.5, 0.5)];
    expect(timeToStory(seen, 100)?.step).toBe(100);
    expect(timeToStory(seen, 100, 0.06)?.step).toBe(50);
  });

  it("ignores evaluations past the budget and needs the one at the budget", () => {
    expect(timeToStory([e(25, 0.5, 0.5), e(50, 0.5, 0.5), e(75, 0.9, 0.9)], 50)?.step).toBe(25);
    expect(timeToStory([e(25, 0.5, 0.5), e(75, 0.5, 0.5)], 50)).toBeNull();
  });
});

describe("parseApCaption", () => {
  it("reads the step and both APs of the training page's caption", () => {
    const text =
      "At step 1,000: A has AP 0.512 and recall 0.41; B has AP 0.634 and recall 0.5 (non-interpolated AP over every held-out location).";
    expect(parseApCaption(text)).toEqual({ step: 1000, apA: 0.512, apB: 0.634 });
    expect(parseApCaption("At step 50: A has AP 6.92e−4 and recall 0; B has AP 0.0634 …")).toEqual({
      step: 50,
      apA: 6.92e-4,
      apB: 0.0634,
    });
    expect(parseApCaption("Evaluating the untrained models…")).toBeNull();
  });
});
