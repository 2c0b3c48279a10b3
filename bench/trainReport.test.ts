import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import results from "../src/content/measured/train-bench.json";
import {
  BENCH_SETTINGS,
  TRAIN_BENCH_FORMAT,
  type TrainBenchResults,
} from "../src/experiment/trainBench";
import { benchmarksDocWith, DOC_PATH, trainTables } from "./trainReport";

describe("docs/benchmarks.md", () => {
  it("says exactly what the checked-in training results say", () => {
    const doc = readFileSync(DOC_PATH, "utf8");
    const expected = benchmarksDocWith(doc, results as unknown as TrainBenchResults);
    // A hand edit of a number (or results rerun without the doc) fails here.
    expect(doc).toBe(expected);
  });
});

describe("the Table 1d analogue", () => {
  // Three seeds of α-FL and OHEM (batch 128) at step 100; α-FL ahead on every seed.
  const ids = ["sgd/alpha-fl", "sgd/alpha-ce-0.75", "sgd/ohem-none-128", "sgd/ohem-1:3-256"];
  const aps: Record<string, number[]> = {
    "sgd/alpha-fl": [0.8, 0.82, 0.81],
    "sgd/alpha-ce-0.75": [0.6, 0.6, 0.6],
    "sgd/ohem-none-128": [0.7, 0.71, 0.69],
    "sgd/ohem-1:3-256": [0.5, 0.9, 0.1],
  };
  const synthetic: TrainBenchResults = {
    format: TRAIN_BENCH_FORMAT,
    produced: {
      date: "2026-12-01",
      by: "test",
      node: "v20",
      tfjs: "4.22.0",
      backend: "wasm",
      cpus: 2,
    },
    base: { imbalance: 1000, batchSize: 16 },
    heldOut: { images: 128, positives: 128, negatives: 130_944 },
    seeds: [1, 2, 3],
    checkpoints: [0, 100],
    settings: BENCH_SETTINGS.filter((s) => ids.includes(s.id)),
    runs: ids.flatMap((id) =>
      [1, 2, 3].map((seed) => ({
        setting: id,
        seed,
        checkpoints: [
          { step: 0, ap: 0.01, recallAtP50: 0, easyShare: 0.5 },
          { step: 100, ap: aps[id]?.[seed - 1] ?? 0, recallAtP50: 0.5, easyShare: 0.01 },
        ],
        divergence: null,
        msPerStep: 80,
        maxGradNorm: 1,
      })),
    ),
    speed: {},
    wallSeconds: 60,
  };
  const text = trainTables(synthetic);

  it("lists the OHEM settings in their own table, next to α-FL and the paper's Table 1d", () => {
    expect(text).toContain("**OHEM against focal loss (the paper's Table 1d)**");
    expect(text).toContain("batch 128: 21 of the 16,384 locations of a 16-image batch; 256: 42");
    expect(text).toContain(
      "| α-FL γ = 2, α = 0.25 | 0.81 ± 0.01 | 0% | 0.80 / 0.82 / 0.81 | 36.0 (FL) |",
    );
    expect(text).toContain("| OHEM, batch 128 | 0.70 ± 0.01 | 0% | 0.70 / 0.71 / 0.69 | 32.8 |");
    expect(text).toContain(
      "| OHEM 1:3, batch 256 | 0.50 ± 0.40 | 0% | 0.50 / 0.90 / 0.10 | 28.3 |",
    );
  });

  it("calls each comparison with the seed rule, 'level within noise' where it is", () => {
    expect(text).toMatch(
      /\| α-FL γ = 2 vs OHEM, batch 128 \| 100 \| first ahead: mean difference \+0\.110/,
    );
    expect(text).toMatch(/\| α-FL γ = 2 vs OHEM 1:3, batch 256 \| 100 \| level within noise/);
  });

  it("keeps OHEM out of the recipe's main table", () => {
    const main = text.slice(0, text.indexOf("**The same comparisons"));
    expect(main).not.toContain("OHEM");
  });
});
