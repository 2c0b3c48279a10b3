import { describe, expect, it } from "vitest";
import { verdictOf } from "../experiment/seedSummary";
import {
  bestAlphaCe,
  compareSettings,
  settingAt,
  workingDifferences,
} from "../experiment/trainBench";
import { summarize } from "../math/seedStats";
import { BENCH_BUDGET, TRAIN_BENCH } from "./measured";
import { toyFindings } from "./toyFindings";

describe("what the toy shows", () => {
  const findings = toyFindings();

  it("starts with the paper's own numbers", () => {
    expect(findings[0]?.text).toContain("34.0 AP against 31.1");
  });

  it("quotes the checked-in results, with the seed count, and no number that is not in them", () => {
    const recipe = findings.find((f) => f.id === "recipe");
    expect(recipe?.text).toContain(`${TRAIN_BENCH.seeds.length} seeds`);
    const mean = settingAt(TRAIN_BENCH, "sgd/alpha-fl", BENCH_BUDGET).summary.mean;
    expect(recipe?.text).toContain(`α-FL ${mean.toFixed(2)}`);
    // Every AP-like number quoted is the mean or sd of some setting at some checkpoint.
    const quotable = new Set<string>();
    for (const s of TRAIN_BENCH.settings)
      for (const step of TRAIN_BENCH.checkpoints) {
        const at = settingAt(TRAIN_BENCH, s.id, step).summary;
        quotable.add(at.mean.toFixed(2));
        quotable.add(at.sd.toFixed(2));
        // …or the mean and standard error of a paired comparison.
        for (const other of TRAIN_BENCH.settings) {
          const v = compareSettings(TRAIN_BENCH, s.id, other.id, step);
          if (v.kind !== "too-few") {
            quotable.add(Math.abs(v.mean).toFixed(2));
            quotable.add(v.se.toFixed(2));
          }
          // …or the same over the seeds where neither run stalled.
          const d = workingDifferences(TRAIN_BENCH, s.id, other.id, step);
          if (d.length > 0) quotable.add(summarize(d).mean.toFixed(2));
          const w = verdictOf(d);
          if (w.kind !== "too-few") {
            quotable.add(Math.abs(w.mean).toFixed(2));
            quotable.add(w.se.toFixed(2));
          }
        }
      }
    for (const f of findings.slice(1)) {
      for (const n of f.text.match(/\b0\.\d\d\b/g) ?? []) {
        if (["0.25", "0.75", "0.05"].includes(n)) continue; // settings and the stall threshold
        expect(quotable, `${f.id}: ${n}`).toContain(n);
      }
    }
  });
});

describe("the article's sentence about the toy without the prior init", () => {
  it("holds in the benchmark: CE without it diverges in some seeds and stalls in the others", () => {
    const runs = TRAIN_BENCH.runs.filter((r) => r.setting === "sgd/ce-zero");
    const diverged = runs.filter((r) => r.divergence !== null).length;
    const at = settingAt(TRAIN_BENCH, "sgd/ce-zero", BENCH_BUDGET);
    expect(diverged).toBeGreaterThan(0);
    expect(diverged).toBeLessThan(runs.length);
    // Every run failed (a diverged run counts as AP 0).
    expect(at.stalled).toBe(1);
  });

  it("…and so does what it says next: CE fails even with the prior init, α-FL in no seed", () => {
    expect(settingAt(TRAIN_BENCH, "sgd/ce", BENCH_BUDGET).stalled).toBe(1);
    expect(settingAt(TRAIN_BENCH, "sgd/alpha-fl", BENCH_BUDGET).stalled).toBe(0);
  });
});

describe("the findings panel's sentence about the benchmark's seeds", () => {
  it("is true: with its 5 seeds the benchmark leaves α-FL against the best α-CE level within noise", () => {
    const best = bestAlphaCe(TRAIN_BENCH, BENCH_BUDGET);
    expect(TRAIN_BENCH.seeds.length).toBe(5);
    expect(compareSettings(TRAIN_BENCH, best, "sgd/alpha-fl", BENCH_BUDGET).kind).toBe("level");
  });
});
