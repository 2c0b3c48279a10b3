/**
 * The training configuration: plain JSON (numbers, strings, booleans), so it can live in a URL
 * and be posted to a worker. Everything a run does follows from it and the backend.
 */
import type { FocalOptions } from "../math/focal";
import { resolveTask, type TaskSpec, taskProblems } from "./task";

export type LossKind = "ce" | "alpha-ce" | "fl" | "alpha-fl";
export type OptimizerKind = "adam" | "sgd";

export interface TrainConfig {
  /** Seeds the training stream and the initialization (the held-out set is fixed). */
  seed: number;
  loss: LossKind;
  /** Focusing parameter γ ≥ 0; used by "fl" and "alpha-fl". */
  gamma: number;
  /** Weight α ∈ (0, 1) of positives (1 − α of negatives); used by "alpha-ce" and "alpha-fl". */
  alpha: number;
  /** Head bias b = −ln((1 − π)/π) when true, b = 0 when false. */
  priorInit: boolean;
  /** π ∈ (0, 1): the foreground probability the head predicts at initialization. */
  prior: number;
  optimizer: OptimizerKind;
  lr: number;
  /** Momentum of "sgd" (ignored by "adam"). */
  momentum: number;
  batchSize: number;
  /** Nominal background:foreground ratio 1:N of locations; the held-out set reports the measured one. */
  imbalance: number;
  /**
   * Coupled L2 weight decay λ: each step adds λ·w to the gradient of every conv and head kernel
   * (as PyTorch's and Detectron's SGD do); biases are not decayed, as in Detectron's
   * RetinaNet. Absent or 0: none.
   */
  weightDecay?: number;
  /**
   * Linear warm-up, as Detectron's "linear" WARM_UP_METHOD: step t < warmupSteps (0-based) runs
   * at lr·(f + (1 − f)·t/warmupSteps) with f = `warmupFactor`, later steps at lr. Absent or 0: none.
   */
  warmupSteps?: number;
  /** The warm-up's starting fraction f of lr; Detectron's default 1/3 when absent. */
  warmupFactor?: number;
  /** Scene and model knobs (task.ts); absent fields, or no `task`, are today's task. */
  task?: Partial<TaskSpec>;
}

/** Detectron's default SOLVER.WARM_UP_FACTOR. */
export const DEFAULT_WARMUP_FACTOR = 1 / 3;

export const DEFAULT_CONFIG: Readonly<TrainConfig> = Object.freeze({
  seed: 1,
  loss: "alpha-fl",
  gamma: 2,
  alpha: 0.25,
  priorInit: true,
  prior: 0.01,
  optimizer: "adam",
  lr: 1e-3,
  momentum: 0.9,
  batchSize: 16,
  imbalance: 1000,
});

export const LOSS_KINDS: readonly LossKind[] = ["ce", "alpha-ce", "fl", "alpha-fl"];
export const OPTIMIZER_KINDS: readonly OptimizerKind[] = ["adam", "sgd"];
export const IMBALANCE_RANGE = { min: 100, max: 10000 } as const;

/** The γ and α that `loss` actually uses: CE is γ = 0, the plain variants have no α. */
export function focalOptionsOf(
  config: Pick<TrainConfig, "loss" | "gamma" | "alpha">,
): FocalOptions {
  const focal = config.loss === "fl" || config.loss === "alpha-fl";
  const balanced = config.loss === "alpha-ce" || config.loss === "alpha-fl";
  return { gamma: focal ? config.gamma : 0, alpha: balanced ? config.alpha : null };
}

/** The problems with a config, as readable strings; empty when it is valid. */
export function configProblems(config: TrainConfig): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, message: string) => {
    if (!ok) problems.push(message);
  };
  check(
    Number.isInteger(config.seed) && config.seed >= 0 && config.seed < 2 ** 32,
    "seed must be an integer in [0, 2^32)",
  );
  check(LOSS_KINDS.includes(config.loss), `loss must be one of ${LOSS_KINDS.join(", ")}`);
  check(
    Number.isFinite(config.gamma) && config.gamma >= 0 && config.gamma <= 10,
    "gamma must be in [0, 10]",
  );
  check(config.alpha > 0 && config.alpha < 1, "alpha must be in (0, 1)");
  check(typeof config.priorInit === "boolean", "priorInit must be a boolean");
  check(config.prior > 0 && config.prior < 1, "prior must be in (0, 1)");
  check(
    OPTIMIZER_KINDS.includes(config.optimizer),
    `optimizer must be one of ${OPTIMIZER_KINDS.join(", ")}`,
  );
  check(config.lr > 0 && config.lr <= 10, "lr must be in (0, 10]");
  check(config.momentum >= 0 && config.momentum < 1, "momentum must be in [0, 1)");
  check(
    Number.isInteger(config.batchSize) && config.batchSize >= 1 && config.batchSize <= 256,
    "batchSize must be an integer in [1, 256]",
  );
  check(
    config.imbalance >= IMBALANCE_RANGE.min && config.imbalance <= IMBALANCE_RANGE.max,
    `imbalance must be in [${IMBALANCE_RANGE.min}, ${IMBALANCE_RANGE.max}]`,
  );
  const { weightDecay = 0, warmupSteps = 0, warmupFactor = DEFAULT_WARMUP_FACTOR } = config;
  check(
    Number.isFinite(weightDecay) && weightDecay >= 0 && weightDecay <= 0.1,
    "weightDecay must be in [0, 0.1]",
  );
  check(
    Number.isInteger(warmupSteps) && warmupSteps >= 0 && warmupSteps <= 100000,
    "warmupSteps must be an integer in [0, 100000]",
  );
  check(warmupFactor > 0 && warmupFactor <= 1, "warmupFactor must be in (0, 1]");
  if (config.task !== undefined) {
    if (typeof config.task !== "object" || config.task === null)
      problems.push("task must be an object");
    else problems.push(...taskProblems(resolveTask(config.task)));
  }
  return problems;
}

/** `config` if valid; throws a message listing every problem otherwise. */
export function validateConfig(config: TrainConfig): TrainConfig {
  const problems = configProblems(config);
  if (problems.length > 0) throw new Error(`Invalid training config: ${problems.join("; ")}`);
  return config;
}
