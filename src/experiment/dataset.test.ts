import { describe, expect, it } from "vitest";
import { createHeldOutSet, meanTargetsPerImage, packSpaceToDepth, trainingBatch } from "./dataset";
import { Rng } from "./rng";
import { GRID_SIZE, generateScene, IMAGE_SIZE, LOCATIONS_PER_IMAGE, labelGrid } from "./scene";

describe("generateScene", () => {
  it("labels exactly the cells of the target centres", () => {
    const scene = generateScene(new Rng(5), 2);
    const labels = labelGrid(scene.targets);
    expect(labels.reduce((a, b) => a + b, 0)).toBe(scene.targets.length);
    for (const t of scene.targets)
      expect(labels[Math.floor(t.row / 2) * GRID_SIZE + Math.floor(t.col / 2)]).toBe(1);
  });

  it("adds several distractors and keeps every shape apart", () => {
    const scene = generateScene(new Rng(9), 2);
    expect(scene.distractors.length).toBeGreaterThanOrEqual(3);
    const shapes = [...scene.targets, ...scene.distractors];
    for (const a of shapes) {
      for (const b of shapes) {
        if (a !== b)
          expect(Math.max(Math.abs(a.row - b.row), Math.abs(a.col - b.col))).toBeGreaterThanOrEqual(
            8,
          );
      }
    }
  });
});

describe("imbalance control", { timeout: 30_000 }, () => {
  it("moves the measured background:foreground ratio across 1:100 … 1:10000", () => {
    for (const nominal of [100, 1000, 10000]) {
      const measured = createHeldOutSet(nominal, nominal === 10000 ? 1024 : 256).measured;
      expect(measured.ratio).toBeGreaterThan(nominal * 0.7);
      expect(measured.ratio).toBeLessThan(nominal * 1.4);
    }
  });

  it("asks for about one target per image at 1:1000", () => {
    expect(meanTargetsPerImage(1000)).toBeCloseTo(1.023, 3);
  });
});

describe("datasets", () => {
  it("regenerate the same batch from the same seed and step, and differ across seeds", () => {
    const a = trainingBatch(1, 1000, 3, 4);
    expect(trainingBatch(1, 1000, 3, 4)).toEqual(a);
    expect(trainingBatch(2, 1000, 3, 4).input).not.toEqual(a.input);
    expect(a.labels.length).toBe(4 * LOCATIONS_PER_IMAGE);
  });

  it("keep the held-out set fixed and apart from the training stream", () => {
    const heldOut = createHeldOutSet(1000, 8);
    expect(createHeldOutSet(1000, 8).batch.input).toEqual(heldOut.batch.input);
    expect(heldOut.batch.input.subarray(0, 64)).not.toEqual(
      trainingBatch(1, 1000, 0, 1).input.subarray(0, 64),
    );
  });
});

describe("packSpaceToDepth", () => {
  it("puts pixel (2r + dr, 2c + dc) in channel 2·dr + dc of cell (r, c)", () => {
    const pixels = Float32Array.from({ length: IMAGE_SIZE * IMAGE_SIZE }, (_, i) => i);
    const out = new Float32Array(pixels.length);
    packSpaceToDepth(pixels, out, 0);
    const r = 5;
    const c = 7;
    const base = (r * GRID_SIZE + c) * 4;
    expect(Array.from(out.subarray(base, base + 4))).toEqual([
      2 * r * IMAGE_SIZE + 2 * c,
      2 * r * IMAGE_SIZE + 2 * c + 1,
      (2 * r + 1) * IMAGE_SIZE + 2 * c,
      (2 * r + 1) * IMAGE_SIZE + 2 * c + 1,
    ]);
  });
});
