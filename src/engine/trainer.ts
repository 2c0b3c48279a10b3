/**
 * A training run: the detector, its optimizer, the training stream and the held-out set of one
 * config on the current tfjs backend. `step()` queues its loss and gradient norm on the device;
 * `flush()` reads them back in one transfer (every N steps, never a blocking read per step) and
 * stops the run at the first step whose loss or gradient is not finite or explodes.
 */
import * as tf from "@tensorflow/tfjs";
import { focalOptionsOf, type TrainConfig, validateConfig } from "../experiment/config";
import {
  createHeldOutSet,
  type HeldOutSet,
  INPUT_CHANNELS,
  trainingBatch,
} from "../experiment/dataset";
import { type Evaluation, evaluationOf } from "../experiment/evaluation";
import { keptPerStep, lossMethodOf, ohemSettingsOf } from "../experiment/ohem";
import { GRID_SIZE, LOCATIONS_PER_IMAGE } from "../experiment/scene";
import { resolveTask, type TaskSpec, taskKey } from "../experiment/task";
import type { Divergence, StepLog, TrainerSnapshot } from "../experiment/training";
import type { FocalOptions } from "../math/focal";
import type { LossMethod } from "../math/methods";
import { type ConvGradMode, convGradModeFor } from "./conv";
import { readBack, throwIfDeviceLost } from "./device";
import { detectionLossParts, type OhemStep, ohemLossParts } from "./losses";
import { Detector } from "./model";
import { createOptimizer, learningRateAt, setLearningRate } from "./optimizers";

/** A global gradient norm above this counts as an explosion (healthy runs stay far below). */
export const MAX_GRAD_NORM = 1e6;
/**
 * Images per forward pass of a held-out evaluation. On wasm, 160 (4 passes over the default 640
 * images) took 407 ms against 526 ms at 64 here, with the same logits bit for bit (tested); its
 * activations peak at about 100 MB. Other backends keep 64: GPU read-backs are bounded per
 * chunk (see READ_BACK_TIMEOUT_MS), and other chunk sizes are untested there.
 */
export function evalChunkFor(backend: string): number {
  return backend === "wasm" ? 160 : 64;
}

export interface TrainerOptions {
  /** A held-out set to reuse (e.g. across runs of one benchmark); built from the config if absent. */
  heldOut?: HeldOutSet;
  /** Defaults to what the current backend needs (`convGradModeFor`). */
  convGrad?: ConvGradMode;
  maxGradNorm?: number;
}

export type { Divergence, StepLog, TrainerSnapshot };

/** Values read back per step: loss, gradient norm, positive part of the loss. */
const STATS = 3;

/** Thrown by `evaluate()` and `step()` after a divergence: later weights are not a valid model. */
export class DivergedError extends Error {
  constructor(readonly divergence: Divergence) {
    super(`Training diverged at step ${divergence.step}: ${divergence.reason}`);
    this.name = "DivergedError";
  }
}

export class Trainer {
  readonly config: Readonly<TrainConfig>;
  readonly heldOut: HeldOutSet;
  readonly model: Detector;
  readonly focal: FocalOptions;
  /** OHEM's selection per step; null for the focal family. */
  readonly ohem: OhemStep | null;
  /** The loss as the held-out figures recompute it (OHEM over the held-out images). */
  readonly method: LossMethod;
  /** The config's task with today's values filled in. */
  readonly task: TaskSpec;
  private readonly optimizer: tf.Optimizer;
  private readonly maxGradNorm: number;
  private pending: tf.Tensor1D[] = [];
  private firstPendingStep = 1;
  private heldOutInput: tf.Tensor4D | null = null;
  private steps = 0;
  private diverged: Divergence | null = null;
  private good: TrainerSnapshot | null = null;

  constructor(config: TrainConfig, options: TrainerOptions = {}) {
    this.config = Object.freeze({ ...validateConfig(config) });
    this.focal = focalOptionsOf(config);
    this.task = resolveTask(config.task);
    this.heldOut = options.heldOut ?? createHeldOutSet(config.imbalance, undefined, this.task);
    if (this.heldOut.imbalance !== config.imbalance)
      throw new Error("held-out set has another imbalance");
    if (this.heldOut.task !== taskKey(this.task)) throw new Error("held-out set has another task");
    this.ohem =
      config.loss === "ohem"
        ? { ratio: ohemSettingsOf(config).ratio, keep: keptPerStep(config) }
        : null;
    this.method = lossMethodOf(config, this.heldOut.batch.count);
    const { seed, priorInit, prior } = config;
    this.model = new Detector(
      { seed, priorInit, prior, channels: this.task.channels },
      options.convGrad ?? convGradModeFor(tf.getBackend()),
    );
    this.optimizer = createOptimizer(config);
    this.maxGradNorm = options.maxGradNorm ?? MAX_GRAD_NORM;
  }

  /** Updates applied so far. */
  get stepCount(): number {
    return this.steps;
  }

  get divergence(): Divergence | null {
    return this.diverged;
  }

  /** One optimizer step on the next training batch; its stats wait on the device for `flush()`. */
  step(): void {
    if (this.diverged) throw new DivergedError(this.diverged);
    // On a lost WebGL context the step would "run" and its read-back never come: fail now.
    throwIfDeviceLost();
    const { batchSize, seed, imbalance, weightDecay = 0, warmupSteps = 0 } = this.config;
    const batch = trainingBatch(seed, imbalance, this.steps, batchSize, this.task);
    if (this.steps <= warmupSteps && warmupSteps > 0)
      setLearningRate(this.optimizer, learningRateAt(this.config, this.steps));
    const stats = tf.tidy(() => {
      const input = tf.tensor4d(batch.input, [batchSize, GRID_SIZE, GRID_SIZE, INPUT_CHANNELS]);
      const labels = tf.tensor3d(batch.labels, [batchSize, GRID_SIZE, GRID_SIZE]);
      let positive: tf.Scalar | null = null;
      const { value, grads } = tf.variableGrads(() => {
        const logits = this.model.logits(input);
        const parts = this.ohem
          ? ohemLossParts(
              logits,
              labels,
              batch.positives,
              batch.labels.length - batch.positives,
              this.ohem,
            )
          : detectionLossParts(logits, labels, batch.positives, this.focal);
        positive = tf.keep(parts.positive);
        return parts.total;
      }, this.model.variables);
      // The norm of the loss's gradient alone; weight decay is added after it.
      const gradNorm = tf.sqrt(tf.addN(Object.values(grads).map((g) => tf.sum(tf.square(g)))));
      if (weightDecay > 0) {
        for (const kernel of this.model.kernels)
          grads[kernel.name] = tf.add(grads[kernel.name] as tf.Tensor, tf.mul(kernel, weightDecay));
      }
      this.optimizer.applyGradients(grads);
      // tf.keep took it out of variableGrads' scope, so no tidy frees it: dispose it here.
      const kept = positive as unknown as tf.Scalar;
      const stacked = tf.stack([value, gradNorm, kept]) as tf.Tensor1D;
      kept.dispose();
      return stacked;
    });
    this.pending.push(stats);
    this.steps++;
  }

  /** Reads the queued step stats (one transfer) and checks them; stops the run on divergence. */
  async flush(): Promise<StepLog> {
    const firstStep = this.firstPendingStep;
    const pending = this.pending;
    this.pending = [];
    this.firstPendingStep = this.steps + 1;
    if (pending.length === 0) return emptyLog(firstStep);
    const stacked = tf.stack(pending);
    for (const t of pending) t.dispose();
    let values: Float32Array;
    try {
      values = await readBack(stacked);
    } finally {
      stacked.dispose();
    }
    let valid = pending.length;
    for (let k = 0; k < pending.length && !this.diverged; k++) {
      const reason = this.problemOf(values[STATS * k] as number, values[STATS * k + 1] as number);
      if (reason !== null) {
        this.diverged = { step: firstStep + k, reason };
        valid = k;
      }
    }
    const log = emptyLog(firstStep, valid);
    for (let k = 0; k < valid; k++) {
      log.loss[k] = values[STATS * k] as number;
      log.gradNorm[k] = values[STATS * k + 1] as number;
      log.lossPositive[k] = values[STATS * k + 2] as number;
      log.lossNegative[k] = (values[STATS * k] as number) - (values[STATS * k + 2] as number);
    }
    return log;
  }

  /** `steps` more steps (fewer if it diverges), reading stats back every `readEvery` steps. */
  async train(steps: number, readEvery = 10): Promise<StepLog> {
    const logs: StepLog[] = [];
    for (let i = 0; i < steps && !this.diverged; i++) {
      this.step();
      if (this.pending.length >= readEvery) logs.push(await this.flush());
    }
    logs.push(await this.flush());
    return concatLogs(logs);
  }

  /** Logits of every held-out location, images in held-out order, `chunk` images per pass. */
  async heldOutLogits(chunk = evalChunkFor(tf.getBackend())): Promise<Float32Array> {
    const { count, input } = this.heldOut.batch;
    this.heldOutInput ??= tf.tensor4d(input, [count, GRID_SIZE, GRID_SIZE, INPUT_CHANNELS]);
    const all = this.heldOutInput;
    const logits = new Float32Array(count * LOCATIONS_PER_IMAGE);
    for (let start = 0; start < count; start += chunk) {
      const size = Math.min(chunk, count - start);
      const part = tf.tidy(() =>
        this.model.logits(tf.slice(all, [start, 0, 0, 0], [size, -1, -1, -1])),
      );
      try {
        logits.set(await readBack(part), start * LOCATIONS_PER_IMAGE);
      } finally {
        part.dispose();
      }
    }
    return logits;
  }

  /**
   * Metrics of the current model on the held-out set; throws `DivergedError` after a divergence.
   * The weights it evaluated become the run's last good snapshot.
   */
  async evaluate(): Promise<Evaluation> {
    await this.checkpoint();
    const logits = await this.heldOutLogits();
    return evaluationOf(this.steps, logits, this.heldOut, this.method);
  }

  /**
   * The current weights, read back after the queued steps were checked, become the run's last
   * good snapshot (what `evaluate()` does before its forward pass); throws `DivergedError` after
   * a divergence. A second worker evaluates the snapshot (`evaluateSnapshot`) while this one
   * trains on.
   */
  async checkpoint(): Promise<TrainerSnapshot> {
    if (this.pending.length > 0) await this.flush();
    if (this.diverged) throw new DivergedError(this.diverged);
    this.good = { step: this.steps, weights: await this.model.readWeights() };
    return this.good;
  }

  /**
   * Metrics of `snapshot`'s weights on the held-out set, labelled with its step: the same
   * evaluation, bit for bit on the same backend build, as the trainer that took the snapshot
   * would have made. For a trainer that only evaluates (it never steps after this).
   */
  async evaluateSnapshot(snapshot: TrainerSnapshot): Promise<Evaluation> {
    this.model.assignWeights(snapshot.weights);
    const logits = await this.heldOutLogits();
    return evaluationOf(snapshot.step, logits, this.heldOut, this.method);
  }

  /** The weights of the last evaluation (null before any: the config's own init is good then). */
  lastGood(): TrainerSnapshot | null {
    return this.good;
  }

  /**
   * A trainer for `config` that continues from `snapshot` (on whatever backend is active now):
   * same weights and step, so the training stream goes on where it was. The optimizer's state
   * (Adam's moments, SGD's momentum) starts afresh.
   */
  static restore(
    config: TrainConfig,
    snapshot: TrainerSnapshot | null,
    options: TrainerOptions = {},
  ): Trainer {
    const trainer = new Trainer(config, options);
    if (snapshot) {
      trainer.model.assignWeights(snapshot.weights);
      trainer.steps = snapshot.step;
      trainer.firstPendingStep = snapshot.step + 1;
      trainer.good = snapshot;
    }
    return trainer;
  }

  dispose(): void {
    for (const t of this.pending) t.dispose();
    this.pending = [];
    this.heldOutInput?.dispose();
    this.heldOutInput = null;
    this.optimizer.dispose();
    this.model.dispose();
  }

  private problemOf(loss: number, gradNorm: number): string | null {
    if (!Number.isFinite(loss)) return `loss is ${loss}`;
    if (!Number.isFinite(gradNorm)) return `gradient norm is ${gradNorm}`;
    if (gradNorm > this.maxGradNorm)
      return `gradient norm ${gradNorm.toExponential(2)} exceeds ${this.maxGradNorm.toExponential(0)}`;
    return null;
  }
}

function emptyLog(firstStep: number, size = 0): StepLog {
  return {
    firstStep,
    loss: new Float32Array(size),
    lossPositive: new Float32Array(size),
    lossNegative: new Float32Array(size),
    gradNorm: new Float32Array(size),
  };
}

/** Consecutive step logs joined into one. */
export function concatLogs(logs: readonly StepLog[]): StepLog {
  const size = logs.reduce((n, l) => n + l.loss.length, 0);
  const out = emptyLog(logs[0]?.firstStep ?? 1, size);
  let at = 0;
  for (const log of logs) {
    out.loss.set(log.loss, at);
    out.lossPositive.set(log.lossPositive, at);
    out.lossNegative.set(log.lossNegative, at);
    out.gradNorm.set(log.gradNorm, at);
    at += log.loss.length;
  }
  return out;
}
