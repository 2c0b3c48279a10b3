/**
 * Reading the recorded run (see `recordedRunCodec.ts`): checks on a fetched file, and the
 * conversion into the `SessionView` the training figures draw, plus the labels embeds show.
 */

import { formatCount } from "../math/format";
import { sigmoid } from "../math/numeric";
import type { LossShares } from "../math/shares";
import type { Evaluation, ImageReport } from "./evaluation";
import type { SessionView } from "./history";
import { describeLoss } from "./labels";
import {
  decodeLogits,
  decodePixels,
  GRID_SIZE,
  IMAGE_SIZE,
  RECORDED_RUN_FORMAT,
  type RecordedRun,
  type RecordedRunHistory,
  type RecordedShares,
  unround,
} from "./recordedRun";

export * from "./recordedRun";

// ---------------------------------------------------------------- checking a fetched file

function fail(what: string): never {
  throw new Error(`The recorded run is not in the expected format (${what}).`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function numbers(v: unknown, what: string): void {
  if (!Array.isArray(v) || !v.every((x) => x === null || typeof x === "number"))
    fail(`${what} is not a list of numbers`);
}

/** The recorded run in `json`, checked enough that drawing it cannot go wrong silently. */
export function parseRecordedRun(json: unknown): RecordedRun {
  if (!isObject(json)) fail("not an object");
  if (json.format !== RECORDED_RUN_FORMAT) fail(`format is not ${RECORDED_RUN_FORMAT}`);
  if (typeof json.steps !== "number" || json.steps < 0) fail("steps");
  if (!isObject(json.config) || !isObject(json.config.a) || !isObject(json.config.b))
    fail("config");
  if (!isObject(json.produced) || typeof json.produced.date !== "string") fail("produced");
  if (!isObject(json.measured)) fail("measured");
  if (!Array.isArray(json.images)) fail("images");
  if (!isObject(json.runs)) fail("runs");
  for (const id of ["a", "b"] as const) {
    const run = json.runs[id];
    if (!isObject(run)) fail(`run ${id}`);
    for (const key of ["loss", "lossPositive", "lossNegative"])
      numbers(run[key], `run ${id} ${key}`);
    if (!Array.isArray(run.metrics)) fail(`run ${id} metrics`);
    if (!isObject(run.initial) || !isObject(run.initial.shares)) fail(`run ${id} initial`);
    const latest = run.latest;
    if (!isObject(latest) || !isObject(latest.pr) || !isObject(latest.shares))
      fail(`run ${id} latest`);
    numbers(latest.pr.recall, `run ${id} PR recall`);
    numbers(latest.pr.precision, `run ${id} PR precision`);
    if (!Array.isArray(latest.logits) || latest.logits.length !== json.images.length)
      fail(`run ${id} image logits`);
    if (!isObject(run.ranked)) fail(`run ${id} ranked`);
    numbers(run.ranked.positives, `run ${id} ranked positives`);
    numbers(run.ranked.negatives, `run ${id} ranked negatives`);
  }
  return json as unknown as RecordedRun;
}

// ---------------------------------------------------------------- into a SessionView

function decodeShares(s: RecordedShares): LossShares {
  const group = (g: RecordedShares["loss"]) => ({
    positives: unround(g.positives),
    hardNegatives: unround(g.hardNegatives),
    easyNegatives: unround(g.easyNegatives),
  });
  return { loss: group(s.loss), gradient: group(s.gradient), counts: group(s.counts) };
}

/**
 * The recorded run as the page-side view of a finished session: per-step losses, metrics, the
 * initial and latest evaluations (without the full held-out predictions, which no chart of an
 * embed needs), Figure 4's ranked logits and the showcase images' score maps.
 */
export function viewOfRecordedRun(run: RecordedRun): SessionView {
  const measured = {
    positives: run.measured.positives,
    negatives: run.measured.negatives,
    ratio: run.measured.ratio === null ? Number.POSITIVE_INFINITY : run.measured.ratio,
  };
  const pixels = run.images.map((img) => {
    const px = decodePixels(img.pixels);
    if (px.length !== IMAGE_SIZE * IMAGE_SIZE) fail(`image ${img.index} has ${px.length} pixels`);
    return px;
  });
  const noPredictions = () => ({
    logits: new Float32Array(0),
    labels: new Uint8Array(0),
    distractorMask: new Uint8Array(0),
  });
  const emptyPr = () => ({
    recall: new Float64Array(0),
    precision: new Float64Array(0),
    threshold: new Float64Array(0),
  });
  const history = (r: RecordedRunHistory) => {
    const images: ImageReport[] = run.images.map((img, i) => {
      const logits = decodeLogits(r.latest.logits[i] ?? "");
      if (logits.length !== GRID_SIZE * GRID_SIZE)
        fail(`score map ${i} has ${logits.length} locations`);
      return {
        index: img.index,
        pixels: pixels[i] as Float32Array,
        probabilities: Float32Array.from(logits, sigmoid),
        targets: img.targets.map(([row, col]) => ({ row, col })),
        distractors: img.distractors.map(([row, col, kind]) => ({
          row,
          col,
          kind: kind as ImageReport["distractors"][number]["kind"],
        })),
        detections: (r.latest.detections[i] ?? []).map(([row, col, score]) => ({
          row,
          col,
          score: unround(score),
        })),
      };
    });
    const initial: Evaluation = {
      step: r.initial.step,
      ap: unround(r.initial.ap),
      recallAtP50: unround(r.initial.recallAtP50),
      pr: emptyPr(),
      shares: decodeShares(r.initial.shares),
      measured,
      predictions: noPredictions(),
      images: [],
    };
    const latest: Evaluation = {
      step: r.latest.step,
      ap: unround(r.latest.ap),
      recallAtP50: unround(r.latest.recallAtP50),
      pr: {
        recall: Float64Array.from(r.latest.pr.recall, unround),
        precision: Float64Array.from(r.latest.pr.precision, unround),
        threshold: Float64Array.from(r.latest.pr.threshold ?? [], unround),
      },
      shares: decodeShares(r.latest.shares),
      measured,
      predictions: noPredictions(),
      images,
    };
    return {
      step: r.loss.length,
      stepsPerSecond: 0,
      divergence: r.divergence,
      loss: r.loss.map(unround),
      lossPositive: r.lossPositive.map(unround),
      lossNegative: r.lossNegative.map(unround),
      metrics: r.metrics.map((m) => ({
        step: m.step,
        ap: unround(m.ap),
        recallAtP50: unround(m.recallAtP50),
      })),
      initial,
      latest,
      ranked: {
        positives: Float32Array.from(r.ranked.positives, unround),
        negatives: Float32Array.from(r.ranked.negatives, unround),
      },
    };
  };
  return {
    version: 1,
    status: "stopped",
    backend: null,
    notices: [],
    error: null,
    runs: { a: history(run.runs.a), b: history(run.runs.b) },
  };
}

/** "Recorded run: 300 steps, seed 1 (A: CE, B: α-FL γ = 2, α = 0.25; recorded 2026-11-30)". */
export function recordedRunLabel(run: RecordedRun): string {
  const { a, b } = run.config;
  const recipe = (c: typeof a) =>
    c.optimizer === "sgd"
      ? `SGD lr ${c.lr}${c.weightDecay ? `, weight decay ${c.weightDecay}` : ""}`
      : `Adam lr ${c.lr}`;
  const recipes = recipe(a) === recipe(b) ? recipe(a) : `A ${recipe(a)}, B ${recipe(b)}`;
  return `Recorded run: ${formatCount(run.steps)} steps, seed ${a.seed}, ${recipes} (A: ${describeLoss(a)}, B: ${describeLoss(
    b,
  )}; recorded ${run.produced.date.slice(0, 10)})`;
}
