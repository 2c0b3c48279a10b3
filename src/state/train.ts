/**
 * The training page's state: the shared setup, runs A and B, the backend and the Figure 4 γ.
 * One schema for the controls and the URL, so a teacher can share "this exact experiment".
 */

import { BACKEND_CHOICES } from "../experiment/backends";
import {
  CONFIG_RANGES,
  DEFAULT_CONFIG,
  DEFAULT_OHEM,
  LOSS_KINDS,
  type LossKind,
  OHEM_BATCHES,
  OHEM_RATIOS,
  OPTIMIZER_KINDS,
  OPTIONAL_RANGES,
  type Range,
  type TrainConfig,
} from "../experiment/config";
import type { RunId } from "../experiment/protocol";
import { PAPER_BEST_CE, PAPER_FL, PAPER_RECIPE, TOY_TASK } from "../experiment/recipes";
import { defaultsOf, type NumberParam, type Schema, type StateOf } from "./schema";

/**
 * A URL number parameter over an engine range: an open range keeps one step of `precision`
 * away from its ends, so every value the URL can hold is one the engine accepts.
 */
function numberParam(range: Range, value: number, precision?: number): NumberParam {
  const step = precision === undefined ? 0 : 10 ** -precision;
  return {
    kind: "number",
    default: value,
    min: range.open ? range.min + step : range.min,
    max: range.open ? range.max - step : range.max,
    ...(range.integer ? { integer: true } : { precision }),
  };
}

/** One run's parameters; the page opens on the paper's recipe (A: best α-CE, B: α-FL). */
function runParams(loss: LossKind, alpha: number) {
  return {
    loss: { kind: "enum", default: loss, values: LOSS_KINDS },
    gamma: numberParam(CONFIG_RANGES.gamma, PAPER_FL.gamma, 2),
    alpha: numberParam(CONFIG_RANGES.alpha, alpha, 2),
    prior: { kind: "boolean", default: PAPER_RECIPE.priorInit },
    opt: { kind: "enum", default: PAPER_RECIPE.optimizer, values: OPTIMIZER_KINDS },
    lr: numberParam(CONFIG_RANGES.lr, PAPER_RECIPE.lr, 6),
  } as const;
}

const A = runParams(PAPER_BEST_CE.loss, PAPER_BEST_CE.alpha);
const B = runParams(PAPER_FL.loss, PAPER_FL.alpha);

/** OHEM's batch sizes as URL values (the paper's Table 1d: 128, 256, 512). */
const OHEM_BATCH_VALUES = OHEM_BATCHES.map(String) as readonly `${(typeof OHEM_BATCHES)[number]}`[];
/** A run's OHEM settings (used when its loss is "ohem"): ratio and the paper's batch size. */
const OHEM_PARAMS = {
  ratio: { kind: "enum", default: DEFAULT_OHEM.ohemRatio, values: OHEM_RATIOS },
  batch: { kind: "enum", default: String(DEFAULT_OHEM.ohemBatch), values: OHEM_BATCH_VALUES },
} as const;

export const TRAIN_SCHEMA = {
  seed: numberParam(CONFIG_RANGES.seed, DEFAULT_CONFIG.seed),
  batch: numberParam(CONFIG_RANGES.batchSize, TOY_TASK.batchSize),
  imbalance: numberParam(CONFIG_RANGES.imbalance, TOY_TASK.imbalance),
  /** Coupled weight decay of the SGD runs (Adam runs train without), shared by both runs. */
  wd: numberParam(OPTIONAL_RANGES.weightDecay, PAPER_RECIPE.weightDecay, 6),
  /** Linear warm-up steps of SGD's learning rate from a third of it (Detectron's), shared. */
  warmup: numberParam(OPTIONAL_RANGES.warmupSteps, 0),
  backend: { kind: "enum", default: "auto", values: BACKEND_CHOICES },
  aLoss: A.loss,
  aGamma: A.gamma,
  aAlpha: A.alpha,
  aPrior: A.prior,
  aOpt: A.opt,
  aLr: A.lr,
  bLoss: B.loss,
  bGamma: B.gamma,
  bAlpha: B.alpha,
  bPrior: B.prior,
  bOpt: B.opt,
  bLr: B.lr,
  /** Train in a Web Worker (1) or on the page's main thread (0, the fallback path). */
  worker: { kind: "boolean", default: true },
  /** γ of the live Figure 4 (re-weights the current predictions without retraining). */
  f4gamma: numberParam(CONFIG_RANGES.gamma, 2, 2),
  /** OHEM's ratio and batch size per run (after the older parameters, so old links keep their order). */
  aOhem: OHEM_PARAMS.ratio,
  aOhemBatch: OHEM_PARAMS.batch,
  bOhem: OHEM_PARAMS.ratio,
  bOhemBatch: OHEM_PARAMS.batch,
  /**
   * Held-out evaluations in a second worker where the session can (1), or always on the
   * training thread (0: for side-by-side measurements, `npm run bench:ui`).
   */
  evalworker: { kind: "boolean", default: true },
} as const satisfies Schema;

export type TrainState = StateOf<typeof TRAIN_SCHEMA>;

/** The state keys of one run's settings. */
export const RUN_KEYS = {
  a: {
    loss: "aLoss",
    gamma: "aGamma",
    alpha: "aAlpha",
    prior: "aPrior",
    opt: "aOpt",
    lr: "aLr",
    ohem: "aOhem",
    ohemBatch: "aOhemBatch",
  },
  b: {
    loss: "bLoss",
    gamma: "bGamma",
    alpha: "bAlpha",
    prior: "bPrior",
    opt: "bOpt",
    lr: "bLr",
    ohem: "bOhem",
    ohemBatch: "bOhemBatch",
  },
} as const satisfies Record<RunId, Record<string, keyof TrainState>>;

/** The engine's config of run `id` from the page state. */
export function configOf(state: TrainState, id: RunId): TrainConfig {
  const k = RUN_KEYS[id];
  return {
    seed: state.seed,
    loss: state[k.loss],
    gamma: state[k.gamma],
    alpha: state[k.alpha],
    priorInit: state[k.prior],
    prior: PAPER_RECIPE.prior,
    optimizer: state[k.opt],
    lr: state[k.lr],
    momentum: PAPER_RECIPE.momentum,
    batchSize: state.batch,
    imbalance: state.imbalance,
    // The recipe's decay and warm-up belong to SGD (the engine's warm-up only drives SGD's lr).
    weightDecay: state[k.opt] === "sgd" ? state.wd : 0,
    warmupSteps: state[k.opt] === "sgd" ? state.warmup : 0,
    // OHEM's fields only on OHEM runs: every other config stays exactly what it was.
    ...(state[k.loss] === "ohem"
      ? { ohemRatio: state[k.ohem], ohemBatch: Number(state[k.ohemBatch]) }
      : {}),
  };
}

/** The run whose recipe settings the shared SGD fields hold (A unless only B uses SGD). */
function sgdOf(config: Record<RunId, TrainConfig>): TrainConfig {
  return config.a.optimizer !== "sgd" && config.b.optimizer === "sgd" ? config.b : config.a;
}

/** The page state that trains the pair `config` (the inverse of `configOf` for both runs). */
export function trainStateOf(config: Record<RunId, TrainConfig>, f4gamma: number): TrainState {
  const state: Record<string, unknown> = {
    ...defaultsOf(TRAIN_SCHEMA),
    seed: config.a.seed,
    batch: config.a.batchSize,
    imbalance: config.a.imbalance,
    wd: sgdOf(config).weightDecay ?? TRAIN_SCHEMA.wd.default,
    warmup: sgdOf(config).warmupSteps ?? 0,
    f4gamma,
  };
  for (const id of ["a", "b"] as const) {
    const k = RUN_KEYS[id];
    const c = config[id];
    state[k.loss] = c.loss;
    state[k.gamma] = c.gamma;
    state[k.alpha] = c.alpha;
    state[k.prior] = c.priorInit;
    state[k.opt] = c.optimizer;
    state[k.lr] = c.lr;
    state[k.ohem] = c.ohemRatio ?? DEFAULT_OHEM.ohemRatio;
    state[k.ohemBatch] = String(c.ohemBatch ?? DEFAULT_OHEM.ohemBatch);
  }
  return state as TrainState;
}
