import { describe, expect, it } from "vitest";
import type { Evaluation } from "./evaluation";
import { emptyView } from "./history";
import { describeRun, tiedStartRecall } from "./runSummary";

function runWith(latest: Partial<Evaluation> & { step: number }) {
  const run = emptyView().runs.a;
  const pr = {
    recall: new Float64Array([0.01, 1]),
    precision: new Float64Array([1, 0.5]),
    threshold: new Float64Array([3, -5]),
  };
  return { ...run, latest: { ap: 0.9, recallAtP50: 0.95, pr, ...latest } as Evaluation };
}

describe("describeRun", () => {
  it("says a run that scores every location below 0.05 predicts background everywhere", () => {
    const pr = {
      recall: new Float64Array([1]),
      precision: new Float64Array([0.001]),
      threshold: new Float64Array([Math.log(0.012 / 0.988)]),
    };
    expect(describeRun("A", runWith({ step: 250, ap: 0.001, pr }))).toBe(
      "A predicts background everywhere at step 250: no held-out location scores 0.05 or more (the highest is 0.012), AP 0.001.",
    );
  });

  it("says when a run finds objects, and when its top scores tie", () => {
    expect(describeRun("B", runWith({ step: 500 }))).toBe(
      "B at step 500: AP 0.9; it finds 95% of the objects at precision ≥ 0.5.",
    );
    const tied = {
      recall: new Float64Array([0.844, 1]),
      precision: new Float64Array([0.336, 0.1]),
      threshold: new Float64Array([-4.6, -6]),
    };
    expect(describeRun("A", runWith({ step: 300, ap: 0.32, pr: tied, recallAtP50: 0 }))).toMatch(
      /84\.4% of the objects tie at its top score/,
    );
    expect(tiedStartRecall(tied)).toBeCloseTo(0.844, 12);
    expect(tiedStartRecall({ recall: [0.01] })).toBeNull();
  });

  it("says where a run diverged, and nothing before training starts", () => {
    const run = { ...emptyView().runs.a, divergence: { step: 2, reason: "loss is NaN" } };
    expect(describeRun("A", run)).toBe(
      "A diverged at step 2 (loss is NaN); nothing after that step is valid.",
    );
    expect(describeRun("A", runWith({ step: 0 }))).toBeNull();
  });
});
