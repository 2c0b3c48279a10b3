/** The training engine's public surface: no React, no DOM; runs in a worker, a page or Node. */
export {
  type BackendSelection,
  type BackendTiming,
  measureStepMs,
  selectBackend,
} from "./autoBackend";
export {
  BACKEND_NAMES,
  type BackendChoice,
  BackendError,
  type BackendInfo,
  type BackendName,
  type BackendSetupOptions,
  describeBackend,
  useBackend,
} from "./backend";
export {
  configProblems,
  DEFAULT_CONFIG,
  focalOptionsOf,
  IMBALANCE_RANGE,
  LOSS_KINDS,
  type LossKind,
  OPTIMIZER_KINDS,
  type OptimizerKind,
  type TrainConfig,
  validateConfig,
} from "./config";
export { createHeldOutSet, type HeldOutSet, heldOutSize, type MeasuredImbalance } from "./dataset";
export {
  DETECTION_THRESHOLD,
  type Evaluation,
  type ImageReport,
  transferablesOf,
} from "./evaluate";
export { Detector, priorBias, trainingStepFlops } from "./model";
export { GRID_SIZE, IMAGE_SIZE, STRIDE } from "./scene";
export {
  concatLogs,
  DivergedError,
  type Divergence,
  type StepLog,
  Trainer,
  type TrainerOptions,
  type TrainerSnapshot,
} from "./trainer";
