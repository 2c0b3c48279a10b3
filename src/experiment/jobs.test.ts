import { describe, expect, it } from "vitest";
import { tasksOf } from "../engine/jobs";
import { DEFAULT_CONFIG } from "./config";

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
      steps: 10,
    });
    expect(tasks.map((t) => [t.config.gamma, t.config.alpha, t.config.loss])).toEqual([
      [0, 0.25, "alpha-fl"],
      [0, 0.75, "alpha-fl"],
      [2, 0.25, "alpha-fl"],
      [2, 0.75, "alpha-fl"],
    ]);
  });
});
