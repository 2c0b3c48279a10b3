/**
 * The held-out set (fixed) and the training stream (from the run's seed), with the imbalance
 * control: the mean number of targets per image is set so that background:foreground locations
 * are about 1:N, and the held-out set reports the ratio it really has.
 */
import { deriveSeed, Rng } from "./rng";
import {
  GRID_SIZE,
  generateScene,
  IMAGE_SIZE,
  LOCATIONS_PER_IMAGE,
  labelGrid,
  type Scene,
} from "./scene";
import { DEFAULT_TASK, type TaskSpec, taskKey } from "./task";

/** The held-out images come from this seed whatever the run's seed, so runs share one test set. */
export const HELD_OUT_SEED = 20170807;
const TRAIN_STREAM = 1;
const HELD_OUT_STREAM = 2;
/** Model input: the 64×64 image packed space-to-depth into 32×32 cells of 2×2 = 4 channels. */
export const INPUT_CHANNELS = 4;
export const INPUT_SIZE_PER_IMAGE = IMAGE_SIZE * IMAGE_SIZE;

/** Mean targets per image λ such that (L − λ)/λ = N for L locations per image. */
export function meanTargetsPerImage(imbalance: number): number {
  return LOCATIONS_PER_IMAGE / (imbalance + 1);
}

/** Targets of one image: Binomial(n, λ/n) with n = max(2, round(2λ)); about 0–2 at 1:1000. */
export function drawTargetCount(rng: Rng, mean: number): number {
  const trials = Math.max(2, Math.round(2 * mean));
  return rng.binomial(trials, mean / trials);
}

/** Scene `index` of a stream; random access, so any batch can be regenerated alone. */
export function sceneAt(
  seed: number,
  stream: number,
  index: number,
  imbalance: number,
  task: TaskSpec = DEFAULT_TASK,
): Scene {
  const rng = new Rng(deriveSeed(seed, stream, index));
  return generateScene(rng, drawTargetCount(rng, meanTargetsPerImage(imbalance)), task);
}

/** A batch ready for the model: packed inputs, labels and the count of positives. */
export interface Batch {
  count: number;
  /** [count, 32, 32, 4] row-major. */
  input: Float32Array;
  /** [count, 32, 32] row-major, 0 or 1. */
  labels: Float32Array;
  positives: number;
}

/** Training batch `step` of the stream of `seed`: images step·B … step·B + B − 1. */
export function trainingBatch(
  seed: number,
  imbalance: number,
  step: number,
  batchSize: number,
  task: TaskSpec = DEFAULT_TASK,
): Batch {
  const scenes: Scene[] = [];
  for (let i = 0; i < batchSize; i++)
    scenes.push(sceneAt(seed, TRAIN_STREAM, step * batchSize + i, imbalance, task));
  return batchOf(scenes);
}

/** Pack scenes into a batch. */
export function batchOf(scenes: readonly Scene[]): Batch {
  const input = new Float32Array(scenes.length * INPUT_SIZE_PER_IMAGE);
  const labels = new Float32Array(scenes.length * LOCATIONS_PER_IMAGE);
  let positives = 0;
  scenes.forEach((scene, n) => {
    packSpaceToDepth(scene.pixels, input, n * INPUT_SIZE_PER_IMAGE);
    const grid = labelGrid(scene.targets);
    for (let i = 0; i < grid.length; i++) positives += grid[i] as number;
    labels.set(grid, n * LOCATIONS_PER_IMAGE);
  });
  return { count: scenes.length, input, labels, positives };
}

/** Writes a 64×64 image as 32×32×4: channel 2·dr + dc holds pixel (2r + dr, 2c + dc). */
export function packSpaceToDepth(pixels: Float32Array, out: Float32Array, offset: number): void {
  for (let r = 0; r < GRID_SIZE; r++) {
    for (let c = 0; c < GRID_SIZE; c++) {
      const base = offset + (r * GRID_SIZE + c) * INPUT_CHANNELS;
      for (let dr = 0; dr < 2; dr++) {
        for (let dc = 0; dc < 2; dc++) {
          out[base + 2 * dr + dc] = pixels[(2 * r + dr) * IMAGE_SIZE + 2 * c + dc] as number;
        }
      }
    }
  }
}

/** The class balance a set really has. */
export interface MeasuredImbalance {
  positives: number;
  negatives: number;
  /** negatives / positives (∞ when there are none): the N of 1:N. */
  ratio: number;
}

export interface HeldOutSet {
  imbalance: number;
  /** `taskKey` of the task its scenes come from. */
  task: string;
  scenes: Scene[];
  batch: Batch;
  /** 1 at the cells of distractor centres (the structural hard negatives), per location. */
  distractorMask: Uint8Array;
  measured: MeasuredImbalance;
}

/** Held-out images: enough for about 128 positives at 1:1000 and ≈100 at 1:10000 (128–1024). */
export function heldOutSize(imbalance: number): number {
  return Math.min(1024, Math.max(128, Math.ceil(0.128 * imbalance)));
}

/** The fixed held-out set for an imbalance and task (the same for every run seed). */
export function createHeldOutSet(
  imbalance: number,
  count = heldOutSize(imbalance),
  task: TaskSpec = DEFAULT_TASK,
): HeldOutSet {
  const scenes = Array.from({ length: count }, (_, i) =>
    sceneAt(HELD_OUT_SEED, HELD_OUT_STREAM, i, imbalance, task),
  );
  const batch = batchOf(scenes);
  const distractorMask = new Uint8Array(count * LOCATIONS_PER_IMAGE);
  scenes.forEach((scene, n) =>
    distractorMask.set(labelGrid(scene.distractors), n * LOCATIONS_PER_IMAGE),
  );
  const negatives = batch.labels.length - batch.positives;
  return {
    imbalance,
    task: taskKey(task),
    scenes,
    batch,
    distractorMask,
    measured: { positives: batch.positives, negatives, ratio: negatives / batch.positives },
  };
}
