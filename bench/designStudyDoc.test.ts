import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import results from "../src/content/measured/train-bench.json";
import { apBySeed, round4, type TrainBenchResults } from "../src/experiment/trainBench";
import type { StudyRun } from "./designStudy";
import {
  PRIMARY_STEP,
  readRuns,
  STUDY_DATA,
  STUDY_DOC,
  studyBlocks,
  verdictOf,
  withBlocks,
} from "./designStudyDoc";

describe("docs/design-study.md", () => {
  it("says exactly what the checked-in study results say", () => {
    const doc = readFileSync(STUDY_DOC, "utf8");
    // A hand edit of a number, or results rerun without `npx tsx bench/designStudy.ts doc`, fails.
    expect(doc).toBe(withBlocks(doc, studyBlocks()));
  });

  it("has the default task the study chose: every pre-registered criterion holds on it", () => {
    const v = verdictOf(readRuns(STUDY_DATA.rare));
    expect([v.p1.holds, v.p2.holds, v.p3.holds]).toEqual([true, true, true]);
    expect(v.p1.n).toBeGreaterThanOrEqual(10);
  });
});

describe("the training page's findings panel", () => {
  it("quotes the study's numbers as the checked-in results give them", () => {
    const source = readFileSync("src/pages/train/ToyFindings.tsx", "utf8").replace(/\s+/g, " ");
    const rare = readRuns(STUDY_DATA.rare);
    const v = verdictOf(rare);
    const f2 = (x: number) => x.toFixed(2);
    expect(v.p1.against).toBe("ace99");
    expect(source).toContain("(α = 0.99, the largest α it tried)");
    expect(source).toContain(`by +${f2(v.p1.mean)} ± ${f2(v.p1.se)} AP (SE)`);
    // Over the seeds where neither α-FL nor the best α-CE failed.
    const ap = (loss: string, seed: number) =>
      rare.find((r) => r.loss === loss && r.seed === seed)?.checkpoints.find((c) => c.step === 500)
        ?.ap ?? 0;
    const seeds = [...new Set(rare.map((r) => r.seed))];
    const both = seeds.filter((s) => ap("afl", s) >= 0.05 && ap("ace99", s) >= 0.05);
    const stalled = seeds.filter((s) => ap("ace99", s) < 0.05);
    const d = both.map((s) => ap("afl", s) - ap("ace99", s));
    const mean = d.reduce((a, b) => a + b, 0) / d.length;
    const se = Math.sqrt(d.reduce((a, b) => a + (b - mean) ** 2, 0) / (d.length - 1) / d.length);
    expect(source).toContain(`the ${stalled.length} seeds where that α-CE stalled`);
    expect(source).toContain(
      `over the ${both.length} where neither failed α-FL still led by +${f2(mean)} ± ${f2(se)}`,
    );
    // "About half": the stalled seeds' share of the summed difference.
    const total = seeds.reduce((a, s) => a + ap("afl", s) - ap("ace99", s), 0);
    const share = stalled.reduce((a, s) => a + ap("afl", s) - ap("ace99", s), 0) / total;
    expect(share).toBeGreaterThan(0.4);
    expect(share).toBeLessThan(0.6);
    const ceFailed = seeds.filter((s) => ap("ce", s) < 0.05).length;
    expect(source).toContain(
      `CE failed in ${ceFailed} of ${seeds.length} seeds even with the prior init`,
    );
  });
});

describe("the study and the training benchmark", () => {
  it("are the same experiment: on the seeds both ran, every shared loss has the same AP at step 500", () => {
    const bench = results as unknown as TrainBenchResults;
    // Study loss id → benchmark setting id (both under the paper's recipe at 1 : 5,000).
    const shared: Record<string, string> = {
      afl: "sgd/alpha-fl",
      ace75: "sgd/alpha-ce-0.75",
      ace25: "sgd/alpha-ce-0.25",
      ace99: "sgd/alpha-ce-0.99",
      ce: "sgd/ce",
      ce0: "sgd/ce-zero",
    };
    expect(bench.base.imbalance).toBe(5000);
    const study = readRuns(STUDY_DATA.rare);
    let compared = 0;
    for (const [loss, setting] of Object.entries(shared)) {
      const benched = apBySeed(bench, setting, PRIMARY_STEP);
      for (const run of study.filter((r) => r.loss === loss && benched.has(r.seed))) {
        const ap = run.checkpoints.find((c) => c.step === PRIMARY_STEP)?.ap ?? 0;
        expect(round4(ap), `${loss} seed ${run.seed}`).toBe(benched.get(run.seed));
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(25);
  });
});

describe("the pre-registered criteria", () => {
  const run = (loss: string, seed: number, ap: number): StudyRun =>
    ({
      key: `${loss}/${seed}`,
      variant: "t",
      loss,
      seed,
      warmupSteps: 0,
      checkpoints: [{ step: 500, ap }],
      divergence: null,
    }) as unknown as StudyRun;
  const runs = (aps: Record<string, number[]>) =>
    Object.entries(aps).flatMap(([loss, v]) => v.map((ap, i) => run(loss, i + 1, ap)));

  it("pick the best α-CE after the runs and pair by seed", () => {
    const v = verdictOf(
      runs({
        afl: [0.8, 0.82, 0.81, 0.79],
        ace75: [0.5, 0.5, 0.5, 0.5],
        ace99: [0.7, 0.72, 0.71, 0.7],
        ce: [0.0, 0.1, 0.2, 0.3],
        ce0: [0, 0, 0, 0.2],
      }),
    );
    expect(v.p1.against).toBe("ace99");
    expect(v.p1.mean).toBeCloseTo(0.0975, 10);
    expect(v.p1.holds).toBe(true);
    // 3 of 4 failed: below 90%.
    expect(v.p3).toEqual({ failed: 3, n: 4, holds: false });
  });

  it("do not hold when the lead is within 2 SE", () => {
    const v = verdictOf(
      runs({ afl: [0.9, 0.1, 0.5], ace75: [0.5, 0.5, 0.5], ce: [0.5, 0.4, 0.6], ce0: [0, 0, 0] }),
    );
    expect(v.p1.holds).toBe(false);
    expect(v.p2.holds).toBe(false);
    expect(v.p3.holds).toBe(true);
  });
});
