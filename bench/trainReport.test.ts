import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import results from "../src/content/measured/train-bench.json";
import type { TrainBenchResults } from "../src/experiment/trainBench";
import { benchmarksDocWith, DOC_PATH } from "./trainReport";

describe("docs/benchmarks.md", () => {
  it("says exactly what the checked-in training results say", () => {
    const doc = readFileSync(DOC_PATH, "utf8");
    const expected = benchmarksDocWith(doc, results as unknown as TrainBenchResults);
    // A hand edit of a number (or results rerun without the doc) fails here.
    expect(doc).toBe(expected);
  });
});
