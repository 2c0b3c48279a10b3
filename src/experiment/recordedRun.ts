/**
 * A recorded training run: the default A/B pair of the training page trained once in Node
 * (`npm run record:run`, scripts/record-run.ts) and stored compactly in `public/recorded-run.json`,
 * so that embeds of the training page's charts have something to draw without training in the
 * reader's tab. This module is the file format and its encoder (used by the script); reading a
 * fetched file and turning it into a `SessionView` is in `recordedRun.ts`. Pure: no React, DOM
 * or tfjs.
 *
 * Compactness: floats keep 4 significant digits; Figure 4's loss-ranked logits are thinned to
 * evenly spaced ranks; PR curves to at most `MAX_PR_POINTS` points; the showcase images' pixels
 * are bytes and their score maps 16-bit logits (1/1000 steps), both base64.
 */
import type { LossShares } from "../math/shares";
import type { TrainConfig } from "./config";
import type { Evaluation } from "./evaluation";
import type { RunId } from "./protocol";

export const RECORDED_RUN_FORMAT = "focal-loss-explorer/recorded-run@1";
/** Where the file is served, relative to the site root. */
export const RECORDED_RUN_PATH = "recorded-run.json";
export const MAX_PR_POINTS = 300;
/** Figure 4's ranked logits per class in the file. */
export const MAX_RANKED_RECORDED = 2000;
/** Pixels are stored as bytes over [0, PIXEL_SCALE] (the heatmap draws min(1, px / 1.2)). */
const PIXEL_SCALE = 1.2;
const LOGIT_STEP = 1000;
export const IMAGE_SIZE = 64;
export const GRID_SIZE = 32;

/** A float with 4 significant digits; NaN and ±∞ are stored as null. */
export type Num = number | null;

export interface RecordedShares {
  loss: Record<keyof LossShares["loss"], Num>;
  gradient: Record<keyof LossShares["loss"], Num>;
  counts: Record<keyof LossShares["loss"], Num>;
}

export interface RecordedSummary {
  step: number;
  ap: Num;
  recallAtP50: Num;
  shares: RecordedShares;
}

export interface RecordedRunHistory {
  divergence: { step: number; reason: string } | null;
  loss: Num[];
  lossPositive: Num[];
  lossNegative: Num[];
  metrics: { step: number; ap: Num; recallAtP50: Num }[];
  initial: RecordedSummary;
  latest: RecordedSummary & {
    pr: { recall: Num[]; precision: Num[]; threshold: Num[] };
    /** Per showcase image (same order as `images`): 32×32 logits as int16 (×1000), base64. */
    logits: string[];
    /** Per showcase image: detections as [row, col, score]. */
    detections: [number, number, Num][][];
  };
  /** Figure 4: the latest held-out logits of each class ranked by loss, thinned. */
  ranked: { positives: Num[]; negatives: Num[] };
}

export interface RecordedImage {
  index: number;
  /** 64×64 intensities as bytes over [0, 1.2], base64. */
  pixels: string;
  targets: [number, number][];
  distractors: [number, number, string][];
}

export interface RecordedRun {
  format: typeof RECORDED_RUN_FORMAT;
  produced: {
    by: string;
    date: string;
    backend: string;
    tfjs: string;
    node: string;
    note: string;
  };
  steps: number;
  evalEvery: number;
  config: Record<RunId, TrainConfig>;
  measured: { positives: number; negatives: number; ratio: Num };
  images: RecordedImage[];
  runs: Record<RunId, RecordedRunHistory>;
}

// ---------------------------------------------------------------- numbers and bytes

export function round4(x: number): Num {
  return Number.isFinite(x) ? Number(x.toPrecision(4)) : null;
}

export function unround(x: Num): number {
  return x === null ? Number.NaN : x;
}

function round4All(values: ArrayLike<number>): Num[] {
  return Array.from(values, round4);
}

export function bytesToBase64(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

export function base64ToBytes(text: string): Uint8Array {
  const raw = atob(text);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

/** Logits as little-endian int16 in 1/1000 steps (clamped to ±32.767), base64. */
export function encodeLogits(logits: ArrayLike<number>): string {
  const bytes = new Uint8Array(logits.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < logits.length; i++) {
    const x = logits[i] as number;
    const q = Number.isFinite(x) ? Math.round(x * LOGIT_STEP) : x > 0 ? 32767 : -32767;
    view.setInt16(i * 2, Math.max(-32767, Math.min(32767, q)), true);
  }
  return bytesToBase64(bytes);
}

export function decodeLogits(text: string): Float32Array {
  const bytes = base64ToBytes(text);
  const view = new DataView(bytes.buffer);
  return Float32Array.from(
    { length: bytes.length / 2 },
    (_, i) => view.getInt16(i * 2, true) / LOGIT_STEP,
  );
}

export function encodePixels(pixels: ArrayLike<number>): string {
  return bytesToBase64(
    Uint8Array.from(pixels, (px) => Math.round(Math.max(0, Math.min(1, px / PIXEL_SCALE)) * 255)),
  );
}

export function decodePixels(text: string): Float32Array {
  return Float32Array.from(base64ToBytes(text), (b) => (b / 255) * PIXEL_SCALE);
}

/** At most `max` points, evenly spaced, first and last kept. */
export function thin<T>(values: readonly T[], max: number): T[] {
  if (values.length <= max) return [...values];
  const count = Math.max(2, max);
  return Array.from(
    { length: count },
    (_, k) => values[Math.round((k * (values.length - 1)) / (count - 1))] as T,
  );
}

// ---------------------------------------------------------------- encoding (the script)

function encodeShares(s: LossShares): RecordedShares {
  const group = (g: LossShares["loss"]) => ({
    positives: round4(g.positives),
    hardNegatives: round4(g.hardNegatives),
    easyNegatives: round4(g.easyNegatives),
  });
  return { loss: group(s.loss), gradient: group(s.gradient), counts: group(s.counts) };
}

function summaryOf(e: Evaluation): RecordedSummary {
  return {
    step: e.step,
    ap: round4(e.ap),
    recallAtP50: round4(e.recallAtP50),
    shares: encodeShares(e.shares),
  };
}

/** What the script collected for one run. */
export interface RunRecording {
  loss: ArrayLike<number>;
  lossPositive: ArrayLike<number>;
  lossNegative: ArrayLike<number>;
  metrics: { step: number; ap: number; recallAtP50: number }[];
  initial: Evaluation;
  latest: Evaluation;
  /** Figure 4's ranked logits of the latest evaluation (see `lossRankedLogits`). */
  ranked: { positives: ArrayLike<number>; negatives: ArrayLike<number> };
  divergence: { step: number; reason: string } | null;
}

export function encodeRecordedRun(input: {
  produced: RecordedRun["produced"];
  steps: number;
  evalEvery: number;
  config: Record<RunId, TrainConfig>;
  runs: Record<RunId, RunRecording>;
}): RecordedRun {
  const { a } = input.runs;
  const encodeRun = (r: RunRecording): RecordedRunHistory => {
    const pr = thin(
      Array.from(r.latest.pr.recall, (recall, i) => ({
        recall,
        precision: r.latest.pr.precision[i] as number,
        threshold: r.latest.pr.threshold[i] as number,
      })),
      MAX_PR_POINTS,
    );
    return {
      divergence: r.divergence,
      loss: round4All(r.loss),
      lossPositive: round4All(r.lossPositive),
      lossNegative: round4All(r.lossNegative),
      metrics: r.metrics.map((m) => ({
        step: m.step,
        ap: round4(m.ap),
        recallAtP50: round4(m.recallAtP50),
      })),
      initial: summaryOf(r.initial),
      latest: {
        ...summaryOf(r.latest),
        pr: {
          recall: pr.map((p) => round4(p.recall)),
          precision: pr.map((p) => round4(p.precision)),
          threshold: pr.map((p) => round4(p.threshold)),
        },
        logits: r.latest.images.map((img) =>
          // The image reports hold σ(logit); store the logit, which keeps small scores exact.
          encodeLogits(Array.from(img.probabilities, (p) => Math.log(p) - Math.log1p(-p))),
        ),
        detections: r.latest.images.map((img) =>
          img.detections.map((d): [number, number, Num] => [d.row, d.col, round4(d.score)]),
        ),
      },
      ranked: {
        positives: round4All(thin(Array.from(r.ranked.positives), MAX_RANKED_RECORDED)),
        negatives: round4All(thin(Array.from(r.ranked.negatives), MAX_RANKED_RECORDED)),
      },
    };
  };
  return {
    format: RECORDED_RUN_FORMAT,
    produced: input.produced,
    steps: input.steps,
    evalEvery: input.evalEvery,
    config: input.config,
    measured: {
      positives: a.latest.measured.positives,
      negatives: a.latest.measured.negatives,
      ratio: round4(a.latest.measured.ratio),
    },
    images: a.latest.images.map((img) => ({
      index: img.index,
      pixels: encodePixels(img.pixels),
      targets: img.targets.map((t): [number, number] => [t.row, t.col]),
      distractors: img.distractors.map((d): [number, number, string] => [d.row, d.col, d.kind]),
    })),
    runs: { a: encodeRun(input.runs.a), b: encodeRun(input.runs.b) },
  };
}
