import { describe, expect, it } from "vitest";
import { configProblems, DEFAULT_CONFIG } from "./config";
import { createHeldOutSet, trainingBatch } from "./dataset";
import { Rng } from "./rng";
import { generateScene, IMAGE_SIZE } from "./scene";
import { DEFAULT_TASK, resolveTask, type TaskSpec, taskKey, taskProblems } from "./task";

/** The scene of a seed under `task`, from a fresh stream. */
const sceneOf = (seed: number, task: Partial<TaskSpec>, targets = 2) =>
  generateScene(new Rng(seed), targets, resolveTask(task));

describe("task knobs", () => {
  it("give today's scenes bit for bit when every knob is at its default", () => {
    for (const seed of [1, 2, 3]) {
      const today = generateScene(new Rng(seed), 2);
      expect(sceneOf(seed, { ...DEFAULT_TASK }).pixels).toEqual(today.pixels);
    }
    expect(trainingBatch(4, 1000, 2, 4, resolveTask({})).input).toEqual(
      trainingBatch(4, 1000, 2, 4).input,
    );
  });

  it("change the scenes when a knob moves", () => {
    const today = sceneOf(1, {});
    expect(sceneOf(1, { noiseStd: 0.2 }).pixels).not.toEqual(today.pixels);
    expect(sceneOf(1, { clutterStrokes: 5 }).pixels).not.toEqual(today.pixels);
    expect(sceneOf(1, { nearMissShare: 0.5 }).pixels).not.toEqual(today.pixels);
  });

  it("draw the distractor count from its range", () => {
    for (let seed = 0; seed < 20; seed++) {
      const count = sceneOf(seed, { distractorCount: [9, 10] }, 0).distractors.length;
      expect(count).toBeGreaterThanOrEqual(9);
      expect(count).toBeLessThanOrEqual(10);
    }
  });

  it("make every distractor a near-miss '+' at share 1: one arm is one pixel short", () => {
    const scene = sceneOf(7, { nearMissShare: 1, noiseStd: 0, distractorCount: [3, 3] }, 0);
    expect(scene.distractors.map((d) => d.kind)).toEqual(["nearPlus", "nearPlus", "nearPlus"]);
    const background = sceneOf(7, { distractorCount: [0, 0], noiseStd: 0 }, 0).pixels;
    for (const d of scene.distractors) {
      // Brighter-than-background pixels along the four arms, centre excluded.
      const directions: [number, number][] = [
        [-1, 0],
        [1, 0],
        [0, -1],
        [0, 1],
      ];
      const arms = directions.map(([dr, dc]) => {
        let k = 1;
        const at = (n: number) => (d.row + dr * n) * IMAGE_SIZE + d.col + dc * n;
        while (k <= 5 && (scene.pixels[at(k)] as number) > (background[at(k)] as number) + 0.2) k++;
        return k - 1;
      });
      const longest = Math.max(...arms);
      expect(arms.filter((a) => a === longest).length).toBe(3);
      expect(arms.filter((a) => a === longest - 1).length).toBe(1);
    }
  });

  it("keep clutter strokes off the targets' boxes", () => {
    for (let seed = 0; seed < 10; seed++) {
      const base = { noiseStd: 0, distractorCount: [0, 0] as const };
      const clean = sceneOf(seed, base, 2);
      const cluttered = sceneOf(seed, { ...base, clutterStrokes: 30 }, 2);
      for (const t of cluttered.targets) {
        for (let dr = -3; dr <= 3; dr++)
          for (let dc = -3; dc <= 3; dc++) {
            const i = (t.row + dr) * IMAGE_SIZE + t.col + dc;
            expect(cluttered.pixels[i]).toBe(clean.pixels[i]);
          }
      }
    }
  });

  it("place long-armed shapes inside the image and apart", () => {
    for (let seed = 0; seed < 10; seed++) {
      const scene = sceneOf(seed, { armLength: [5, 5], distractorCount: [6, 6] }, 2);
      const shapes = [...scene.targets, ...scene.distractors];
      for (const a of shapes) {
        expect(Math.min(a.row, a.col)).toBeGreaterThanOrEqual(6);
        expect(Math.max(a.row, a.col)).toBeLessThan(IMAGE_SIZE - 6);
        for (const b of shapes)
          if (a !== b)
            expect(
              Math.max(Math.abs(a.row - b.row), Math.abs(a.col - b.col)),
            ).toBeGreaterThanOrEqual(12);
      }
    }
  });

  it("tie a held-out set to its task", () => {
    const noisy = resolveTask({ noiseStd: 0.1 });
    expect(createHeldOutSet(1000, 2, noisy).task).toBe(taskKey(noisy));
    expect(createHeldOutSet(1000, 2).task).toBe(taskKey(DEFAULT_TASK));
    expect(taskKey(noisy)).not.toBe(taskKey(DEFAULT_TASK));
  });

  it("are validated, alone and inside a config", () => {
    expect(taskProblems(DEFAULT_TASK)).toEqual([]);
    expect(taskProblems(resolveTask({ armLength: [2, 6] }))).toHaveLength(1);
    expect(taskProblems(resolveTask({ distractorCount: [5, 4] }))).toHaveLength(1);
    expect(taskProblems(resolveTask({ channels: [] }))).toHaveLength(1);
    expect(taskProblems(resolveTask({ nearMissShare: 1.5, noiseStd: -1 }))).toHaveLength(2);
    expect(configProblems({ ...DEFAULT_CONFIG, task: { clutterStrokes: 2.5 } })).toHaveLength(1);
    expect(configProblems({ ...DEFAULT_CONFIG, task: { clutterStrokes: 2 } })).toEqual([]);
    expect(
      configProblems({ ...DEFAULT_CONFIG, weightDecay: -1, warmupSteps: 1.5, warmupFactor: 0 }),
    ).toHaveLength(3);
    expect(configProblems({ ...DEFAULT_CONFIG, weightDecay: 1e-4, warmupSteps: 100 })).toEqual([]);
  });
});
