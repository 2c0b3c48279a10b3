/**
 * Where one held-out evaluation's time goes (`npm run bench:efficiency`, part 3): the forward
 * pass in the trainer's chunks, their read-back, the weights' read-back (the run's last good
 * snapshot), the metrics of `evaluationOf` (ranking, operating points, AP / PR curve, loss and
 * gradient shares, showcase images), Figure 4's ranked logits (`rankedOf`) and posting the
 * update (a structured clone, copied or with its buffers transferred). Each part is timed on its
 * own, repeated, and the median kept.
 */
import * as tf from "@tensorflow/tfjs";
import { rankedOf } from "../src/engine/run";
import type { Trainer } from "../src/engine/trainer";
import { INPUT_CHANNELS } from "../src/experiment/dataset";
import { evaluationOf, transferablesOf } from "../src/experiment/evaluation";
import { transferablesOfUpdate } from "../src/experiment/protocol";
import { GRID_SIZE } from "../src/experiment/scene";
import { methodShares } from "../src/math/methods";
import { rankingMetrics } from "../src/math/metrics";
import { descendingOrder } from "../src/math/rank";
import { median } from "./layersBaseline";

async function timed<T>(work: () => T | Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await work();
  return [performance.now() - start, value];
}

export interface EvaluationSplit {
  images: number;
  locations: number;
  /** The whole of `trainer.evaluate()` plus `rankedOf`, as the session calls them. */
  totalMs: number;
  forwardMs: number;
  readBackMs: number;
  weightsMs: number;
  metricsMs: number;
  /** Parts of `metricsMs`, timed apart (their sum need not equal it exactly). */
  metrics: { rankMs: number; apAndCurveMs: number; sharesMs: number };
  rankedMs: number;
  cloneCopyMs: number;
  cloneTransferMs: number;
}

/**
 * Median parts of `repeats` evaluations of `trainer` at its current weights; the forward pass and
 * read-back are timed apart in passes of `chunk` images (the trainer's own, `evalChunkFor`).
 */
export async function evaluationSplit(
  trainer: Trainer,
  chunk: number,
  repeats = 5,
): Promise<EvaluationSplit> {
  const { count, input } = trainer.heldOut.batch;
  const all = tf.tensor4d(input, [count, GRID_SIZE, GRID_SIZE, INPUT_CHANNELS]);
  const parts: Record<string, number[]> = {};
  const add = (name: string, ms: number) => {
    parts[name] ??= [];
    parts[name].push(ms);
  };
  for (let r = 0; r < repeats; r++) {
    const [totalMs, evaluation] = await timed(async () => {
      const e = await trainer.evaluate();
      return { e, ranked: rankedOf(e) };
    });
    add("total", totalMs);
    let forward = 0;
    let readBack = 0;
    const logits = new Float32Array(evaluation.e.predictions.logits.length);
    for (let start = 0; start < count; start += chunk) {
      const size = Math.min(chunk, count - start);
      // wasm computes when an op is called, so the forward pass is done when logits() returns.
      const [f, part] = await timed(() =>
        tf.tidy(() =>
          trainer.model.logits(tf.slice(all, [start, 0, 0, 0], [size, -1, -1, -1]) as tf.Tensor4D),
        ),
      );
      const [b, values] = await timed(() => part.data() as Promise<Float32Array>);
      part.dispose();
      logits.set(values, (start * logits.length) / count);
      forward += f;
      readBack += b;
    }
    add("forward", forward);
    add("readBack", readBack);
    add("weights", (await timed(() => trainer.model.readWeights()))[0]);
    const [metricsMs, e] = await timed(() =>
      evaluationOf(trainer.stepCount, logits, trainer.heldOut, trainer.method),
    );
    add("metrics", metricsMs);
    const labels = new Uint8Array(trainer.heldOut.batch.labels);
    const [rankMs, order] = await timed(() => descendingOrder(logits));
    add("rank", rankMs);
    add("apAndCurve", (await timed(() => rankingMetrics(logits, labels, 0.5, order)))[0]);
    add("shares", (await timed(() => methodShares(logits, labels, trainer.method)))[0]);
    const [rankedMs, ranked] = await timed(() => rankedOf(e));
    add("ranked", rankedMs);
    const update = {
      status: "running" as const,
      runs: [
        {
          id: "a" as const,
          step: e.step,
          stepsPerSecond: 0,
          evaluation: e,
          ranked,
          divergence: null,
        },
      ],
    };
    add("cloneCopy", (await timed(() => structuredClone(update)))[0]);
    const transfer = transferablesOfUpdate(update, transferablesOf);
    add("cloneTransfer", (await timed(() => structuredClone(update, { transfer })))[0]);
  }
  all.dispose();
  const m = (name: string) => +median(parts[name] ?? []).toFixed(2);
  return {
    images: count,
    locations: count * GRID_SIZE * GRID_SIZE,
    totalMs: m("total"),
    forwardMs: m("forward"),
    readBackMs: m("readBack"),
    weightsMs: m("weights"),
    metricsMs: m("metrics"),
    metrics: {
      rankMs: m("rank"),
      apAndCurveMs: m("apAndCurve"),
      sharesMs: m("shares"),
    },
    rankedMs: m("ranked"),
    cloneCopyMs: m("cloneCopy"),
    cloneTransferMs: m("cloneTransfer"),
  };
}
