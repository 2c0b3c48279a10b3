/**
 * Synthetic dense-detection scenes: a 64×64 grayscale image with a smooth random background,
 * pixel noise, a few "+" targets and several hard-negative distractors that share the target's
 * strokes and brightness (a "+" missing one arm, corners, bars, "x" shapes, rings, blobs).
 */
import type { Rng } from "./rng";
import { DEFAULT_TASK, type TaskSpec } from "./task";

export const IMAGE_SIZE = 64;
/** Pixels per grid cell along each axis: the label grid is 32×32. */
export const STRIDE = 2;
export const GRID_SIZE = IMAGE_SIZE / STRIDE;
export const LOCATIONS_PER_IMAGE = GRID_SIZE * GRID_SIZE;

/** "nearPlus" (a "+" with one arm 1 pixel short) appears only when `task.nearMissShare` > 0. */
export type DistractorKind = "tee" | "corner" | "bar" | "x" | "ring" | "blob" | "nearPlus";
/** The kinds drawn uniformly for every distractor that is not a near miss. */
export const DISTRACTOR_KINDS: readonly DistractorKind[] = [
  "tee",
  "corner",
  "bar",
  "x",
  "ring",
  "blob",
];

/** A shape centred on pixel (row, col). */
export interface PlacedShape<K extends string = string> {
  kind: K;
  row: number;
  col: number;
}

export interface Scene {
  /** Row-major IMAGE_SIZE² intensities (roughly 0..1.2). */
  pixels: Float32Array;
  targets: PlacedShape<"plus">[];
  distractors: PlacedShape<DistractorKind>[];
}

const PLACEMENT_TRIES = 60;
const COARSE = 5;

/** Where shapes may go: `margin` from the border, centres `spacing` apart (Chebyshev). */
interface Layout {
  margin: number;
  spacing: number;
}

/** Today's 7×7 shapes (arms ≤ 3) need a margin of 4 and a spacing of 8; longer arms need more. */
function layoutOf(task: TaskSpec): Layout {
  const arm = task.armLength[1];
  return { margin: Math.max(4, arm + 1), spacing: Math.max(8, 2 * arm + 2) };
}

/**
 * One scene with `targetCount` targets (fewer if they cannot be placed apart) and the task's
 * distractors (3–6 by default), clutter and noise. Draws from `rng` in a fixed order, so a seed
 * fixes the scene.
 */
export function generateScene(rng: Rng, targetCount: number, task: TaskSpec = DEFAULT_TASK): Scene {
  const layout = layoutOf(task);
  const [armMin, armMax] = task.armLength;
  const pixels = smoothBackground(rng);
  const centres: PlacedShape[] = [];
  const targets: PlacedShape<"plus">[] = [];
  for (let i = 0; i < targetCount; i++) {
    const at = placeApart(rng, centres, layout);
    if (at === null) continue;
    const target = { kind: "plus" as const, ...at };
    centres.push(target);
    targets.push(target);
    const arm = rng.int(armMin, armMax + 1);
    stampStrokes(pixels, at, plusStrokes(arm), rng.uniform(...task.targetAmplitude));
  }
  const distractors: PlacedShape<DistractorKind>[] = [];
  const distractorCount = rng.int(task.distractorCount[0], task.distractorCount[1] + 1);
  for (let i = 0; i < distractorCount; i++) {
    const nearMiss = task.nearMissShare > 0 && rng.next() < task.nearMissShare;
    const kind = nearMiss ? "nearPlus" : rng.pick(DISTRACTOR_KINDS);
    const at = placeApart(rng, centres, layout);
    if (at === null) continue;
    const distractor = { kind, ...at };
    centres.push(distractor);
    distractors.push(distractor);
    drawDistractor(rng, pixels, distractor, task);
  }
  for (let i = 0; i < task.clutterStrokes; i++) drawClutter(rng, pixels, targets, task, layout);
  for (let i = 0; i < pixels.length; i++)
    pixels[i] = (pixels[i] as number) + task.noiseStd * rng.normal();
  return { pixels, targets, distractors };
}

/** The grid cell (row, col) that contains pixel (row, col). */
export function cellOf(at: { row: number; col: number }): { row: number; col: number } {
  return { row: Math.floor(at.row / STRIDE), col: Math.floor(at.col / STRIDE) };
}

/** Row-major GRID_SIZE² labels: 1 where a target centre falls in the cell, else 0. */
export function labelGrid(shapes: readonly { row: number; col: number }[]): Uint8Array {
  const labels = new Uint8Array(LOCATIONS_PER_IMAGE);
  for (const shape of shapes) {
    const cell = cellOf(shape);
    labels[cell.row * GRID_SIZE + cell.col] = 1;
  }
  return labels;
}

/** Background in [0.2, 0.6]: a 5×5 grid of uniform values, bilinearly upsampled. */
function smoothBackground(rng: Rng): Float32Array {
  const coarse = Array.from({ length: COARSE * COARSE }, () => rng.next());
  const pixels = new Float32Array(IMAGE_SIZE * IMAGE_SIZE);
  const scale = (COARSE - 1) / (IMAGE_SIZE - 1);
  for (let r = 0; r < IMAGE_SIZE; r++) {
    const fr = r * scale;
    const r0 = Math.min(Math.floor(fr), COARSE - 2);
    const tr = fr - r0;
    for (let c = 0; c < IMAGE_SIZE; c++) {
      const fc = c * scale;
      const c0 = Math.min(Math.floor(fc), COARSE - 2);
      const tc = fc - c0;
      const k = r0 * COARSE + c0;
      const top = (coarse[k] as number) * (1 - tc) + (coarse[k + 1] as number) * tc;
      const bottom =
        (coarse[k + COARSE] as number) * (1 - tc) + (coarse[k + COARSE + 1] as number) * tc;
      pixels[r * IMAGE_SIZE + c] = 0.2 + 0.4 * (top * (1 - tr) + bottom * tr);
    }
  }
  return pixels;
}

function placeApart(
  rng: Rng,
  taken: readonly PlacedShape[],
  { margin, spacing }: Layout,
): { row: number; col: number } | null {
  for (let t = 0; t < PLACEMENT_TRIES; t++) {
    const row = rng.int(margin, IMAGE_SIZE - margin);
    const col = rng.int(margin, IMAGE_SIZE - margin);
    const clear = taken.every(
      (s) => Math.max(Math.abs(s.row - row), Math.abs(s.col - col)) >= spacing,
    );
    if (clear) return { row, col };
  }
  return null;
}

type Offset = readonly [number, number];

function line(dr: number, dc: number, from: number, to: number): Offset[] {
  const out: Offset[] = [];
  for (let k = from; k <= to; k++) out.push([dr * k, dc * k]);
  return out;
}

/** A "+" with arms of `arm` pixels: centre plus four arms. */
function plusStrokes(arm: number): Offset[] {
  return [
    [0, 0],
    ...line(-1, 0, 1, arm),
    ...line(1, 0, 1, arm),
    ...line(0, -1, 1, arm),
    ...line(0, 1, 1, arm),
  ];
}

function stampStrokes(
  pixels: Float32Array,
  at: { row: number; col: number },
  strokes: readonly Offset[],
  amp: number,
) {
  for (const [dr, dc] of strokes) {
    const i = (at.row + dr) * IMAGE_SIZE + (at.col + dc);
    pixels[i] = (pixels[i] as number) + amp;
  }
}

/**
 * A short straight stroke (3–5 pixels, one of four orientations) at the distractors'
 * brightness, anywhere except over a target: its pixels stay outside every target's box.
 */
function drawClutter(
  rng: Rng,
  pixels: Float32Array,
  targets: readonly PlacedShape[],
  task: TaskSpec,
  layout: Layout,
) {
  const half = rng.int(1, 3);
  const [dr, dc] = rng.pick(CLUTTER_DIRECTIONS);
  const amp = rng.uniform(...task.distractorAmplitude);
  const clearance = task.armLength[1] + 1 + half;
  for (let t = 0; t < PLACEMENT_TRIES; t++) {
    const row = rng.int(layout.margin, IMAGE_SIZE - layout.margin);
    const col = rng.int(layout.margin, IMAGE_SIZE - layout.margin);
    const clear = targets.every(
      (s) => Math.max(Math.abs(s.row - row), Math.abs(s.col - col)) >= clearance,
    );
    if (clear) return stampStrokes(pixels, { row, col }, line(dr, dc, -half, half), amp);
  }
}

const CLUTTER_DIRECTIONS: readonly Offset[] = [
  [0, 1],
  [1, 0],
  [1, 1],
  [1, -1],
];

function drawDistractor(
  rng: Rng,
  pixels: Float32Array,
  shape: PlacedShape<DistractorKind>,
  task: TaskSpec,
) {
  const amp = rng.uniform(...task.distractorAmplitude);
  const arm = rng.int(task.armLength[0], task.armLength[1] + 1);
  const turns = rng.int(0, 4);
  switch (shape.kind) {
    case "nearPlus":
      return stampStrokes(
        pixels,
        shape,
        rotate(
          plusStrokes(arm).filter(([dr, dc]) => !(dr === arm && dc === 0)),
          turns,
        ),
        amp,
      );
    case "tee":
      return stampStrokes(
        pixels,
        shape,
        rotate(
          plusStrokes(arm).filter(([dr]) => dr >= 0),
          turns,
        ),
        amp,
      );
    case "corner":
      return stampStrokes(
        pixels,
        shape,
        rotate([[0, 0], ...line(1, 0, 1, arm), ...line(0, 1, 1, arm)], turns),
        amp,
      );
    case "bar":
      return stampStrokes(pixels, shape, rotate(line(0, 1, -arm, arm), turns), amp);
    case "x":
      return stampStrokes(
        pixels,
        shape,
        [
          [0, 0],
          ...line(1, 1, 1, arm),
          ...line(-1, -1, 1, arm),
          ...line(1, -1, 1, arm),
          ...line(-1, 1, 1, arm),
        ],
        amp,
      );
    case "ring":
      return stampStrokes(pixels, shape, ringStrokes(arm), amp);
    case "blob":
      return stampBlob(pixels, shape, 0.8 + 0.4 * rng.next(), amp * 1.5);
  }
}

/** Rotate offsets by `turns` quarter turns. */
function rotate(strokes: readonly Offset[], turns: number): Offset[] {
  let out = strokes.map(([r, c]) => [r, c] as Offset);
  for (let t = 0; t < turns; t++) out = out.map(([r, c]) => [c, -r] as Offset);
  return out;
}

/** The outline of a square of half-size `radius`. */
function ringStrokes(radius: number): Offset[] {
  const out: Offset[] = [];
  for (let dr = -radius; dr <= radius; dr++) {
    for (let dc = -radius; dc <= radius; dc++) {
      if (Math.max(Math.abs(dr), Math.abs(dc)) === radius) out.push([dr, dc]);
    }
  }
  return out;
}

function stampBlob(
  pixels: Float32Array,
  at: { row: number; col: number },
  sigma: number,
  amp: number,
) {
  for (let dr = -3; dr <= 3; dr++) {
    for (let dc = -3; dc <= 3; dc++) {
      const i = (at.row + dr) * IMAGE_SIZE + (at.col + dc);
      pixels[i] =
        (pixels[i] as number) + amp * Math.exp(-(dr * dr + dc * dc) / (2 * sigma * sigma));
    }
  }
}
