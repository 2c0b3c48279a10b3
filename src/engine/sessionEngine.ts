/**
 * What a session needs of the engine, as one seam: trainers, and the backend switch. The real
 * one is tfjs; tests drive `TrainingSession` through a fake that trains nothing and fails on cue.
 */
import * as tf from "@tensorflow/tfjs";
import type { BackendChoice, BackendInfo, BackendName } from "../experiment/backends";
import type { TrainConfig } from "../experiment/config";
import type { HeldOutSet } from "../experiment/dataset";
import type { Evaluation } from "../experiment/evaluation";
import type { BackendReport } from "../experiment/protocol";
import type { Divergence, StepLog, TrainerSnapshot } from "../experiment/training";
import { type BackendSetupOptions, describeBackend, useBackend } from "./backend";
import { startBackend } from "./backendChoice";
import { activeBackendLost } from "./device";
import { Trainer } from "./trainer";

/** The part of `Trainer` a session uses. */
export interface SessionTrainer {
  readonly stepCount: number;
  readonly divergence: Divergence | null;
  step(): void;
  flush(): Promise<StepLog>;
  evaluate(): Promise<Evaluation>;
  /** The current weights, checked and kept as the last good snapshot (see `Trainer.checkpoint`). */
  checkpoint(): Promise<TrainerSnapshot>;
  lastGood(): TrainerSnapshot | null;
  dispose(): void;
}

export interface SessionEngine {
  createTrainer(config: TrainConfig, heldOut?: HeldOutSet): SessionTrainer;
  /** A trainer that continues from `snapshot` on the backend active now. */
  restoreTrainer(config: TrainConfig, snapshot: TrainerSnapshot | null): SessionTrainer;
  startBackend(
    choice: BackendChoice,
    config: TrainConfig,
    options: BackendSetupOptions,
    thread: BackendReport["thread"],
  ): Promise<{ report: BackendReport; notice?: string }>;
  useBackend(name: BackendName, options: BackendSetupOptions): Promise<BackendInfo>;
  /** The backend tfjs is on now (it may differ from the one asked for after a failure). */
  activeBackend(): string;
  /** Whether the active backend's device is gone (a lost WebGL context): it must be restarted. */
  activeBackendLost(): boolean;
  describeBackend(name: BackendName): BackendInfo;
}

export const TFJS_ENGINE: SessionEngine = {
  createTrainer: (config, heldOut) => new Trainer(config, heldOut ? { heldOut } : {}),
  restoreTrainer: (config, snapshot) => Trainer.restore(config, snapshot),
  startBackend,
  useBackend,
  activeBackend: () => tf.getBackend(),
  activeBackendLost,
  describeBackend,
};
