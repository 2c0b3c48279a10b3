/**
 * The training configuration: plain JSON (numbers, strings, booleans), so it can live in a URL
 * and be posted to a worker. Everything a run does follows from it and the backend.
 */
import type { FocalOptions } from "../math/focal";
import type { OhemRatio } from "../math/ohem";
import { resolveTask, type TaskSpec, taskProblems } from "./task";

/** CE, α-CE, FL, α-FL, or online hard example mining (CE on the hardest locations only). */
export type LossKind = "ce" | "alpha-ce" | "fl" | "alpha-fl" | "ohem";
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
  /** OHEM's split of the kept locations: none (either class) or 1:3; absent: "none". */
  ohemRatio?: OhemRatio;
  /**
   * OHEM's batch size as the paper states it (Table 1d: 128, 256 or 512), per image of about
   * 100k anchors; the engine keeps the same share of this toy's locations (see ohem.ts).
   * Absent: 128.
   */
  ohemBatch?: number;
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

export const LOSS_KINDS = [
  "ce",
  "alpha-ce",
  "fl",
  "alpha-fl",
  "ohem",
] as const satisfies readonly LossKind[];
export const OHEM_RATIOS = ["none", "1:3"] as const satisfies readonly OhemRatio[];
/** The batch sizes of the paper's OHEM rows (Table 1d). */
export const OHEM_BATCHES = [128, 256, 512] as const;
export const DEFAULT_OHEM = { ohemRatio: "none", ohemBatch: 128 } as const;
export const OPTIMIZER_KINDS = ["adam", "sgd"] as const satisfies readonly OptimizerKind[];

/** An allowed interval of a numeric setting; `open` excludes both ends. */
export interface Range {
  min: number;
  max: number;
  integer?: boolean;
  open?: boolean;
}

/**
 * Every numeric setting's allowed range, in one place: the engine validates against it and the
 * training page's URL schema and sliders are built from it.
 */
export const CONFIG_RANGES = {
  seed: { min: 1, max: 999_999, integer: true },
  gamma: { min: 0, max: 5 },
  alpha: { min: 0, max: 1, open: true },
  prior: { min: 0, max: 1, open: true },
  lr: { min: 1e-5, max: 1 },
  momentum: { min: 0, max: 0.99 },
  batchSize: { min: 1, max: 64, integer: true },
  imbalance: { min: 100, max: 10_000, integer: true },
} as const satisfies Record<string, Range>;

/** Ranges of the optional recipe settings (absent means 0). */
export const OPTIONAL_RANGES = {
  weightDecay: { min: 0, max: 0.1 },
  warmupSteps: { min: 0, max: 100_000, integer: true },
} as const satisfies Record<string, Range>;

export const IMBALANCE_RANGE = CONFIG_RANGES.imbalance;

/** Whether `value` lies in `range` (and is an integer where the range asks for one). */
export function inRange(value: number, range: Range): boolean {
  if (!Number.isFinite(value)) return false;
  if (range.integer && !Number.isInteger(value)) return false;
  return range.open
    ? value > range.min && value < range.max
    : value >= range.min && value <= range.max;
}

function describeRange(range: Range): string {
  const [lo, hi] = range.open ? ["(", ")"] : ["[", "]"];
  return `${range.integer ? "an integer" : "a number"} in ${lo}${range.min}, ${range.max}${hi}`;
}

/**
 * The γ and α that `loss` actually uses: CE is γ = 0, the plain variants have no α. OHEM's loss
 * on each location it keeps is plain CE (γ = 0, no α).
 */
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
  for (const [key, range] of Object.entries(CONFIG_RANGES) as [
    keyof typeof CONFIG_RANGES,
    Range,
  ][]) {
    if (!inRange(config[key], range)) problems.push(`${key} must be ${describeRange(range)}`);
  }
  if (!(LOSS_KINDS as readonly string[]).includes(config.loss))
    problems.push(`loss must be one of ${LOSS_KINDS.join(", ")}`);
  if (typeof config.priorInit !== "boolean") problems.push("priorInit must be a boolean");
  if (!(OPTIMIZER_KINDS as readonly string[]).includes(config.optimizer))
    problems.push(`optimizer must be one of ${OPTIMIZER_KINDS.join(", ")}`);
  const { weightDecay = 0, warmupSteps = 0, warmupFactor = DEFAULT_WARMUP_FACTOR } = config;
  if (!inRange(weightDecay, OPTIONAL_RANGES.weightDecay))
    problems.push(`weightDecay must be ${describeRange(OPTIONAL_RANGES.weightDecay)}`);
  if (!inRange(warmupSteps, OPTIONAL_RANGES.warmupSteps))
    problems.push(`warmupSteps must be ${describeRange(OPTIONAL_RANGES.warmupSteps)}`);
  if (!(warmupFactor > 0 && warmupFactor <= 1)) problems.push("warmupFactor must be in (0, 1]");
  const { ohemRatio = DEFAULT_OHEM.ohemRatio, ohemBatch = DEFAULT_OHEM.ohemBatch } = config;
  if (!(OHEM_RATIOS as readonly string[]).includes(ohemRatio))
    problems.push(`ohemRatio must be one of ${OHEM_RATIOS.join(", ")}`);
  if (!(OHEM_BATCHES as readonly number[]).includes(ohemBatch))
    problems.push(`ohemBatch must be one of ${OHEM_BATCHES.join(", ")}`);
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
