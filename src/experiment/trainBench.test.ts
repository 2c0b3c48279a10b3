import { describe, expect, it } from "vitest";
import {
  apBySeed,
  BENCH_SETTINGS,
  bestAlphaCe,
  compareSettings,
  TRAIN_BENCH_FORMAT,
  type TrainBenchResults,
  workingDifferences,
} from "./trainBench";

/** Synthetic results: AP per seed at step 500 for a few settings (null: diverged at step 40). */
function resultsOf(aps: Record<string, (number | null)[]>): TrainBenchResults {
  const ids = Object.keys(aps);
  return {
    format: TRAIN_BENCH_FORMAT,
    produced: { date: "", by: "test", node: "", tfjs: "", backend: "wasm", cpus: 2 },
    base: {},
    heldOut: { images: 0, positives: 0, negatives: 0 },
    seeds: [1, 2, 3, 4],
    checkpoints: [0, 500],
    settings: BENCH_SETTINGS.filter((s) => ids.includes(s.id)),
    runs: ids.flatMap((setting) =>
      (aps[setting] ?? []).map((ap, i) => ({
        setting,
        seed: i + 1,
        checkpoints: [
          { step: 0, ap: 0.001, recallAtP50: 0, easyShare: 0.5 },
          ...(ap === null ? [] : [{ step: 500, ap, recallAtP50: 0, easyShare: 0.1 }]),
        ],
        divergence: ap === null ? { step: 40, reason: "gradient norm" } : null,
        msPerStep: 1,
        maxGradNorm: 1,
      })),
    ),
    speed: {},
    wallSeconds: 0,
  };
}

describe("the training benchmark's statistics", () => {
  const results = resultsOf({
    "sgd/alpha-fl": [0.8, 0.7, 0.75, 0.72],
    "sgd/alpha-ce-0.75": [0.6, null, 0.01, 0.65],
    "sgd/alpha-ce-0.99": [0.5, 0.5, 0.5, 0.5],
    "sgd/ce": [null, null, null, null],
  });

  it("counts a run that diverged before a checkpoint as AP 0 there, like the paper's Table 1a", () => {
    expect([...apBySeed(results, "sgd/alpha-ce-0.75", 500)]).toEqual([
      [1, 0.6],
      [2, 0],
      [3, 0.01],
      [4, 0.65],
    ]);
    // …and in paired comparisons: CE diverged on every seed, α-FL is ahead on all four.
    const v = compareSettings(results, "sgd/ce", "sgd/alpha-fl", 500);
    expect(v.differences).toHaveLength(4);
    expect(v.kind).toBe("ahead");
  });

  it("picks the best α-CE by mean AP, diverged runs included", () => {
    // α = 0.75: mean (0.6 + 0 + 0.01 + 0.65) / 4 = 0.315 < 0.5.
    expect(bestAlphaCe(results, 500)).toBe("sgd/alpha-ce-0.99");
  });

  it("leaves out the pairs where either run stalled for the comparison without failures", () => {
    const d = workingDifferences(results, "sgd/alpha-ce-0.75", "sgd/alpha-fl", 500);
    expect(d.map((x) => Number(x.toFixed(4)))).toEqual([0.2, 0.07]);
    expect(workingDifferences(results, "sgd/ce", "sgd/alpha-fl", 500)).toEqual([]);
  });
});
