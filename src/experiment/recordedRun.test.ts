import { describe, expect, it } from "vitest";
import type { LossShares } from "../math/shares";
import { DEFAULT_CONFIG } from "./config";
import type { Evaluation } from "./evaluation";
import { describeLoss } from "./labels";
import {
  decodeLogits,
  decodePixels,
  encodeLogits,
  encodePixels,
  encodeRecordedRun,
  MAX_PR_POINTS,
  MAX_RANKED_RECORDED,
  parseRecordedRun,
  type RecordedRun,
  type RunRecording,
  recordedRunLabel,
  round4,
  thin,
  viewOfRecordedRun,
} from "./recordedRunView";

const config = {
  a: { ...DEFAULT_CONFIG, loss: "ce" as const },
  b: { ...DEFAULT_CONFIG, loss: "alpha-fl" as const, gamma: 2, alpha: 0.25 },
};

const shares = (easy: number): LossShares => ({
  loss: { positives: 0.2, hardNegatives: 0.8 - easy, easyNegatives: easy },
  gradient: { positives: 0.5, hardNegatives: 0.25, easyNegatives: 0.25 },
  counts: { positives: 3, hardNegatives: 100, easyNegatives: 5000 },
});

function evaluation(step: number, ap: number, scale: number): Evaluation {
  const probabilities = Float32Array.from({ length: 1024 }, (_, i) =>
    i === 5 ? 0.9 : i === 6 ? 1e-6 : 0.01 * scale,
  );
  const prLength = 700;
  return {
    step,
    ap,
    recallAtP50: ap / 2,
    pr: {
      recall: Float64Array.from({ length: prLength }, (_, i) => i / (prLength - 1)),
      precision: Float64Array.from({ length: prLength }, (_, i) => 1 - i / prLength / 3),
      threshold: Float64Array.from({ length: prLength }, (_, i) => 5 - i / 100),
    },
    shares: shares(step === 0 ? 0.7 : 0.1),
    measured: { positives: 131, negatives: 130_941, ratio: 130_941 / 131 },
    predictions: {
      logits: new Float32Array(10),
      labels: new Uint8Array(10),
      distractorMask: new Uint8Array(10),
    },
    images: [0, 3].map((index) => ({
      index,
      pixels: Float32Array.from({ length: 4096 }, (_, i) => (i % 7) / 5),
      probabilities,
      targets: [{ row: 2, col: 3 }],
      distractors: [{ row: 10, col: 11, kind: "tee" as const }],
      detections: step === 0 ? [] : [{ row: 2, col: 3, score: 0.912345 }],
    })),
  };
}

function recording(final: number): RunRecording {
  const steps = 50;
  return {
    loss: Array.from({ length: steps }, (_, i) => 10 / (i + 1) + 1e-7),
    lossPositive: Array.from({ length: steps }, (_, i) => 4 / (i + 1)),
    lossNegative: Array.from({ length: steps }, (_, i) => 6 / (i + 1) + 1e-7),
    metrics: [
      { step: 0, ap: 0.001, recallAtP50: 0 },
      { step: 25, ap: final / 2, recallAtP50: final / 4 },
      { step: 50, ap: final, recallAtP50: final / 2 },
    ],
    initial: evaluation(0, 0.001, 1),
    latest: evaluation(50, final, 2),
    ranked: {
      positives: Float32Array.from({ length: 131 }, (_, i) => 3 - i / 10),
      negatives: Float32Array.from({ length: 5000 }, (_, i) => -8 + i / 1000),
    },
    divergence: null,
  };
}

function recorded(): RecordedRun {
  const run = encodeRecordedRun({
    produced: {
      by: "a test",
      date: "2026-11-28T10:00:00.000Z",
      backend: "wasm in Node",
      tfjs: "4.22.0",
      node: "v20",
      note: "",
    },
    steps: 50,
    evalEvery: 25,
    config,
    runs: { a: recording(0.3123456), b: recording(0.7) },
  });
  // What the page gets is the JSON text.
  return parseRecordedRun(JSON.parse(JSON.stringify(run)));
}

describe("numbers and bytes", () => {
  it("rounds to 4 significant digits and stores non-finite values as null", () => {
    expect(round4(0.123456)).toBe(0.1235);
    expect(round4(123456)).toBe(123500);
    expect(round4(1.23456e-7)).toBe(1.235e-7);
    expect(round4(Number.NaN)).toBeNull();
    expect(round4(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it("round-trips logits to 1/1000 and pixels to a byte over [0, 1.2]", () => {
    const logits = [-4.6, 0, 2.1234, -50, 50];
    expect(Array.from(decodeLogits(encodeLogits(logits)))).toEqual(
      [-4.6, 0, 2.123, -32.767, 32.767].map((x) => Math.fround(x)),
    );
    const pixels = decodePixels(encodePixels([0, 0.6, 1.2, 2, -1]));
    expect(pixels[0]).toBe(0);
    expect(pixels[1]).toBeCloseTo(0.6, 2);
    expect(pixels[2]).toBeCloseTo(1.2, 5);
    expect(pixels[3]).toBeCloseTo(1.2, 5);
    expect(pixels[4]).toBe(0);
  });

  it("thins to evenly spaced values, first and last kept", () => {
    expect(thin([1, 2, 3], 5)).toEqual([1, 2, 3]);
    const t = thin(
      Array.from({ length: 101 }, (_, i) => i),
      11,
    );
    expect(t).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
  });
});

describe("a recorded run as a session view", () => {
  it("gives each run its losses, metrics, evaluations and Figure 4's ranked logits", () => {
    const view = viewOfRecordedRun(recorded());
    const a = view.runs.a;
    expect(a.step).toBe(50);
    expect(a.loss).toHaveLength(50);
    expect(a.loss[0]).toBe(10);
    expect(a.lossNegative[1]).toBe(3);
    expect(a.metrics.map((m) => m.step)).toEqual([0, 25, 50]);
    expect(a.metrics[2]?.ap).toBe(0.3123);
    expect(view.runs.b.metrics[2]?.ap).toBe(0.7);
    expect(a.initial?.step).toBe(0);
    expect(a.initial?.shares.loss.easyNegatives).toBe(0.7);
    expect(a.latest?.step).toBe(50);
    expect(a.latest?.shares.loss.easyNegatives).toBe(0.1);
    expect(a.latest?.measured).toEqual({ positives: 131, negatives: 130_941, ratio: 999.5 });
    expect(a.ranked?.positives).toHaveLength(131);
    expect(a.ranked?.negatives).toHaveLength(MAX_RANKED_RECORDED);
    // Still ranked by loss: negatives by ascending logit, first and last kept.
    expect(a.ranked?.negatives[0]).toBe(-8);
    expect(a.ranked?.negatives[MAX_RANKED_RECORDED - 1]).toBeCloseTo(-3.001, 3);
    expect(view.status).toBe("stopped");
  });

  it("thins the PR curve and keeps its ends", () => {
    const pr = viewOfRecordedRun(recorded()).runs.a.latest?.pr;
    expect(pr?.recall.length).toBe(MAX_PR_POINTS);
    expect(pr?.recall[0]).toBe(0);
    expect(pr?.recall[MAX_PR_POINTS - 1]).toBe(1);
    expect(pr?.precision.length).toBe(MAX_PR_POINTS);
  });

  it("rebuilds the showcase images: pixels, score maps, targets and detections", () => {
    const images = viewOfRecordedRun(recorded()).runs.b.latest?.images ?? [];
    expect(images.map((i) => i.index)).toEqual([0, 3]);
    const img = images[0];
    expect(img?.pixels).toHaveLength(4096);
    expect(img?.probabilities).toHaveLength(1024);
    expect(img?.probabilities[5]).toBeCloseTo(0.9, 3);
    // Small scores survive (stored as logits, not as quantized probabilities).
    expect((img?.probabilities[6] ?? 0) / 1e-6).toBeCloseTo(1, 1);
    expect(img?.probabilities[0]).toBeCloseTo(0.02, 4);
    expect(img?.targets).toEqual([{ row: 2, col: 3 }]);
    expect(img?.distractors).toEqual([{ row: 10, col: 11, kind: "tee" }]);
    expect(img?.detections).toEqual([{ row: 2, col: 3, score: 0.9123 }]);
  });

  it("turns stored nulls back into NaN", () => {
    const run = recorded();
    run.runs.a.loss[3] = null;
    run.runs.a.initial.shares.loss.positives = null;
    const view = viewOfRecordedRun(run);
    expect(view.runs.a.loss[3]).toBeNaN();
    expect(view.runs.a.initial?.shares.loss.positives).toBeNaN();
  });

  it("names the run in its label", () => {
    expect(recordedRunLabel(recorded())).toBe(
      "Recorded run: 50 steps, seed 1, Adam lr 0.001 (A: CE, B: α-FL γ = 2, α = 0.25; recorded 2026-11-28)",
    );
    expect(describeLoss({ loss: "alpha-ce", gamma: 2, alpha: 0.75 })).toBe("α-CE α = 0.75");
    expect(describeLoss({ loss: "fl", gamma: 0.5, alpha: 0.25 })).toBe("FL γ = 0.5");
  });
});

describe("parseRecordedRun", () => {
  it("rejects what is not a recorded run, saying why", () => {
    expect(() => parseRecordedRun(null)).toThrow(/not an object/);
    expect(() => parseRecordedRun({ format: "other" })).toThrow(/format/);
    const broken = JSON.parse(JSON.stringify(recorded()));
    broken.runs.b.loss = ["1", 2];
    expect(() => parseRecordedRun(broken)).toThrow(/run b loss/);
    const noImages = JSON.parse(JSON.stringify(recorded()));
    noImages.runs.a.latest.logits = [];
    expect(() => parseRecordedRun(noImages)).toThrow(/image logits/);
  });
});
