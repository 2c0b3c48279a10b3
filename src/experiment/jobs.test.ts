import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "./config";
import { applyJobProgress, IDLE_JOB, jobFailed, jobStarted, jobStopped, tasksOf } from "./jobs";

describe("tasksOf", () => {
  it("trains A and B once per seed, each with that seed", () => {
    const runs = { a: { ...DEFAULT_CONFIG, loss: "ce" as const }, b: DEFAULT_CONFIG };
    const tasks = tasksOf({ kind: "seeds", runs, seeds: [4, 5], steps: 10 });
    expect(tasks.map((t) => [t.key.seed, t.key.run, t.config.seed, t.config.loss])).toEqual([
      [4, "a", 4, "ce"],
      [4, "b", 4, "alpha-fl"],
      [5, "a", 5, "ce"],
      [5, "b", 5, "alpha-fl"],
    ]);
  });

  it("trains every (γ, α) cell of a sweep from the base config", () => {
    const tasks = tasksOf({
      kind: "sweep",
      base: DEFAULT_CONFIG,
      gammas: [0, 2],
      alphas: [0.25, 0.75],
      seeds: [7, 8],
      steps: 10,
    });
    expect(tasks.map((t) => [t.config.seed, t.config.gamma, t.config.alpha, t.key.seed])).toEqual([
      [7, 0, 0.25, 7],
      [7, 0, 0.75, 7],
      [7, 2, 0.25, 7],
      [7, 2, 0.75, 7],
      [8, 0, 0.25, 8],
      [8, 0, 0.75, 8],
      [8, 2, 0.25, 8],
      [8, 2, 0.75, 8],
    ]);
  });

  it("trains the sweep's baseline column once per seed, after that seed's grid", () => {
    const baseline = { ...DEFAULT_CONFIG, loss: "ohem" as const, ohemBatch: 128 };
    const tasks = tasksOf({
      kind: "sweep",
      base: DEFAULT_CONFIG,
      gammas: [2],
      alphas: [0.25],
      seeds: [7, 8],
      steps: 10,
      baseline,
    });
    expect(tasks.map((t) => [t.config.seed, t.config.loss, t.key.baseline ?? false])).toEqual([
      [7, "alpha-fl", false],
      [7, "ohem", true],
      [8, "alpha-fl", false],
      [8, "ohem", true],
    ]);
  });
});

describe("a job's state", () => {
  const result = (seed: number) => ({
    key: { seed, run: "a" as const },
    ap: 0.5,
    recallAtP50: 0.5,
    divergence: null,
  });

  it("counts done trainings forward only, appends results, and keeps the first error", () => {
    let s = jobStarted();
    s = applyJobProgress(s, { done: 0, total: 4 });
    s = applyJobProgress(s, { done: 1, total: 4, result: result(1) });
    s = applyJobProgress(s, { done: 0, total: 4, error: "worker died" });
    s = applyJobProgress(s, { done: 0, total: 4, error: "later" });
    expect(s).toMatchObject({ running: true, done: 1, total: 4, error: "worker died" });
    expect(s.results).toEqual([result(1)]);
    expect(jobStopped(s).running).toBe(false);
    expect(jobFailed(jobStarted(), "no worker")).toMatchObject({
      running: false,
      error: "no worker",
    });
    expect(IDLE_JOB.running).toBe(false);
  });
});
