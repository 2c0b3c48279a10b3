/**
 * The training page's state: the shared setup, runs A and B, the backend and the Figure 4 γ.
 * One schema for the controls and the URL, so a teacher can share "this exact experiment".
 */

import { BACKEND_CHOICES } from "../experiment/backends";
import {
  CONFIG_RANGES,
  DEFAULT_CONFIG,
  LOSS_KINDS,
  type LossKind,
  OPTIMIZER_KINDS,
  type Range,
  type TrainConfig,
} from "../experiment/config";
import type { RunId } from "../experiment/protocol";
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

function runParams(loss: LossKind) {
  return {
    loss: { kind: "enum", default: loss, values: LOSS_KINDS },
    gamma: numberParam(CONFIG_RANGES.gamma, DEFAULT_CONFIG.gamma, 2),
    alpha: numberParam(CONFIG_RANGES.alpha, DEFAULT_CONFIG.alpha, 2),
    prior: { kind: "boolean", default: DEFAULT_CONFIG.priorInit },
    opt: { kind: "enum", default: DEFAULT_CONFIG.optimizer, values: OPTIMIZER_KINDS },
    lr: numberParam(CONFIG_RANGES.lr, DEFAULT_CONFIG.lr, 6),
  } as const;
}

const A = runParams("ce");
const B = runParams("alpha-fl");

export const TRAIN_SCHEMA = {
  seed: numberParam(CONFIG_RANGES.seed, DEFAULT_CONFIG.seed),
  batch: numberParam(CONFIG_RANGES.batchSize, DEFAULT_CONFIG.batchSize),
  imbalance: numberParam(CONFIG_RANGES.imbalance, DEFAULT_CONFIG.imbalance),
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
} as const satisfies Schema;

export type TrainState = StateOf<typeof TRAIN_SCHEMA>;

/** The state keys of one run's settings. */
export const RUN_KEYS = {
  a: { loss: "aLoss", gamma: "aGamma", alpha: "aAlpha", prior: "aPrior", opt: "aOpt", lr: "aLr" },
  b: { loss: "bLoss", gamma: "bGamma", alpha: "bAlpha", prior: "bPrior", opt: "bOpt", lr: "bLr" },
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
    prior: DEFAULT_CONFIG.prior,
    optimizer: state[k.opt],
    lr: state[k.lr],
    momentum: DEFAULT_CONFIG.momentum,
    batchSize: state.batch,
    imbalance: state.imbalance,
  };
}

/** The page state that trains the pair `config` (the inverse of `configOf` for both runs). */
export function trainStateOf(config: Record<RunId, TrainConfig>, f4gamma: number): TrainState {
  const state: Record<string, unknown> = {
    ...defaultsOf(TRAIN_SCHEMA),
    seed: config.a.seed,
    batch: config.a.batchSize,
    imbalance: config.a.imbalance,
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
  }
  return state as TrainState;
}
