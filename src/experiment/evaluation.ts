/**
 * Turns the model's logits on the held-out set into what the page draws: AP, the PR curve,
 * recall at precision 0.5, loss/gradient shares, the raw predictions (so Figure 4 can be
 * recomputed for any γ) and a few fixed images with heatmaps and detections. Plain objects and
 * typed arrays only, so an evaluation can be posted from a worker with its buffers transferred.
 */
import { type Detection, localMaxima } from "../math/detections";
import { type LossMethod, methodShares } from "../math/methods";
import { type PrCurve, rankingMetrics } from "../math/metrics";
import { sigmoid } from "../math/numeric";
import { descendingOrder } from "../math/rank";
import type { GroupTotals, LossShares } from "../math/shares";
import type { HeldOutSet, MeasuredImbalance } from "./dataset";
import { cellOf, type DistractorKind, GRID_SIZE, LOCATIONS_PER_IMAGE } from "./scene";

/**
 * Detections are 3×3 local maxima of σ(logit) at or above this: the score at which the paper
 * decodes detections (§4.1; it then keeps the top 1,000 per pyramid level and applies non-maximum
 * suppression at IoU 0.5 — on our single-scale grid, keeping local maxima plays that part). A fixed
 * 0.5 would hide most of an α-FL model's objects: α = 0.25 and γ both lower its scores.
 */
export const DETECTION_THRESHOLD = 0.05;
export const SHOWCASE_IMAGES = 4;

/** One held-out image as the page shows it. */
export interface ImageReport {
  index: number;
  /** 64×64 row-major intensities. */
  pixels: Float32Array;
  /** 32×32 row-major σ(logit). */
  probabilities: Float32Array;
  targets: { row: number; col: number }[];
  distractors: { row: number; col: number; kind: DistractorKind }[];
  detections: Detection[];
}

export interface Evaluation {
  step: number;
  /** Non-interpolated AP over every held-out location (see `averagePrecision`). */
  ap: number;
  recallAtP50: number;
  /** Step PR curve; thresholds are logits. */
  pr: PrCurve;
  /** Shares under the run's own loss (OHEM: CE on what it keeps of the held-out set). */
  shares: LossShares;
  /** OHEM runs: the held-out locations OHEM would keep, per group (absent for other losses). */
  trained?: GroupTotals;
  measured: MeasuredImbalance;
  predictions: { logits: Float32Array; labels: Uint8Array; distractorMask: Uint8Array };
  images: ImageReport[];
}

/** The evaluation of held-out logits (one per location, images in held-out order). */
export function evaluationOf(
  step: number,
  logits: Float32Array,
  heldOut: HeldOutSet,
  method: LossMethod,
): Evaluation {
  // 0/1 floats convert to the same 0/1 bytes as Uint8Array.from, without its iterator.
  const labels = new Uint8Array(heldOut.batch.labels);
  const ranking = rankingMetrics(logits, labels, 0.5, rankingOf(logits));
  const { trained, ...shares } = methodShares(logits, labels, method);
  return {
    step,
    ap: ranking.averagePrecision,
    recallAtP50: ranking.recallAtPrecision,
    pr: ranking.pr,
    shares,
    ...(method.kind === "ohem" ? { trained } : {}),
    measured: heldOut.measured,
    predictions: { logits, labels, distractorMask: heldOut.distractorMask.slice() },
    images: showcaseIndices(heldOut).map((index) => imageReport(index, logits, heldOut)),
  };
}

const rankings = new WeakMap<Float32Array, Uint32Array>();

/**
 * `descendingOrder(logits)`, sorted once per logits array: `evaluationOf` ranks an evaluation's
 * logits for the AP, and Figure 4's ranked logits (`rankedOf`) read the same ranking instead of
 * sorting again. An evaluation's logits are never written after it is made.
 */
export function rankingOf(logits: Float32Array): Uint32Array {
  let order = rankings.get(logits);
  if (!order) {
    order = descendingOrder(logits);
    rankings.set(logits, order);
  }
  return order;
}

/** The buffers of an evaluation, for `postMessage(evaluation, transferablesOf(evaluation))`. */
export function transferablesOf(e: Evaluation): ArrayBuffer[] {
  const arrays = [
    e.pr.recall,
    e.pr.precision,
    e.pr.threshold,
    e.predictions.logits,
    e.predictions.labels,
    e.predictions.distractorMask,
    ...e.images.flatMap((image) => [image.pixels, image.probabilities]),
  ];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

/** Fixed images to show: the first three with targets, then the first without any. */
export function showcaseIndices(heldOut: HeldOutSet): number[] {
  const withTargets = heldOut.scenes
    .flatMap((s, i) => (s.targets.length > 0 ? [i] : []))
    .slice(0, SHOWCASE_IMAGES - 1);
  const empty = heldOut.scenes.findIndex((s) => s.targets.length === 0);
  return empty >= 0 ? [...withTargets, empty] : withTargets;
}

function imageReport(index: number, logits: Float32Array, heldOut: HeldOutSet): ImageReport {
  const scene = heldOut.scenes[index];
  if (!scene) throw new Error(`no held-out image ${index}`);
  const offset = index * LOCATIONS_PER_IMAGE;
  const probabilities = Float32Array.from(
    logits.subarray(offset, offset + LOCATIONS_PER_IMAGE),
    sigmoid,
  );
  return {
    index,
    pixels: scene.pixels.slice(),
    probabilities,
    targets: scene.targets.map(cellOf),
    distractors: scene.distractors.map((d) => ({ ...cellOf(d), kind: d.kind })),
    detections: localMaxima(probabilities, GRID_SIZE, GRID_SIZE, DETECTION_THRESHOLD),
  };
}
