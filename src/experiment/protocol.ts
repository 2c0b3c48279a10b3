/**
 * The typed messages between the training page and the session that trains (in a Web Worker,
 * or on the main thread as a fallback). Plain objects and typed arrays only: updates are posted
 * with their buffers transferred, never copied.
 */
import type { BackendChoice, BackendInfo, BackendName, BackendTiming } from "./backends";
import type { TrainConfig } from "./config";
import type { Evaluation } from "./evaluation";
import type { Divergence } from "./training";

export type RunId = "a" | "b";
export const RUN_IDS: readonly RunId[] = ["a", "b"];

/** Everything needed to (re)build the two runs. */
export interface SessionSetup {
  runs: Record<RunId, TrainConfig>;
  backend: BackendChoice;
  /** Steps between held-out evaluations. */
  evalEvery: number;
  /**
   * Play pauses, with a held-out evaluation, when every live run reaches this step (the
   * benchmark's budget, so the page shows the step its quoted numbers were measured at). Only a
   * Play that starts below it stops there: pressing Play again trains on. Absent: no pause.
   */
  pauseAt?: number;
  /**
   * Counts the page's resets; every update is stamped with it, so the page can drop updates of
   * an earlier setup that were still on their way when it reset. Absent means 0.
   */
  generation?: number;
  /**
   * false: every held-out evaluation runs on the training thread, never in a second worker
   * (for side-by-side measurements). Absent means true where the session can (see
   * `SessionHost.evaluator`).
   */
  evaluateOffThread?: boolean;
}

/** Which backend trains, and why. */
export interface BackendReport {
  name: BackendName;
  info: BackendInfo;
  reason: string;
  timings: BackendTiming[];
  /** Where the session runs: a Web Worker, or the page's main thread (fallback). */
  thread: "worker" | "main";
  /**
   * Where the periodic held-out evaluations run: a second worker, or the training thread
   * between steps. Absent: the training thread.
   */
  evaluations?: "second worker" | "training thread";
}

/** Per-step training statistics since the previous update (1-based steps). */
export interface StepDelta {
  firstStep: number;
  loss: Float32Array;
  /** Positive and negative parts of the loss (both normalized by the positives, like the loss). */
  lossPositive: Float32Array;
  lossNegative: Float32Array;
}

/**
 * Each class's held-out logits ranked by loss (see `lossRankedLogits`), prepared in the worker
 * with every evaluation so the page's Figure 4 re-weights them for any γ without sorting.
 */
export interface RankedLogits {
  positives: Float32Array;
  negatives: Float32Array;
}

/** What changed in one run. */
export interface RunUpdate {
  id: RunId;
  step: number;
  stepsPerSecond: number;
  steps?: StepDelta;
  evaluation?: Evaluation;
  /** Sent with every evaluation. */
  ranked?: RankedLogits;
  divergence: Divergence | null;
}

export type SessionStatus = "starting" | "idle" | "running" | "paused" | "stopped";

/** One message from the session to the page. */
export interface SessionUpdate {
  /** The `generation` of the setup this update belongs to (stamped by the session). */
  generation?: number;
  status: SessionStatus;
  runs: RunUpdate[];
  backend?: BackendReport;
  /** Something the learner should know: a fallback, a recovered failure. */
  notice?: string;
  /** A failure the session could not recover from. */
  error?: string;
}

/** A background experiment: the pair over several seeds, or a (γ, α) grid. */
export type Job =
  | { kind: "seeds"; runs: Record<RunId, TrainConfig>; seeds: number[]; steps: number }
  | {
      kind: "sweep";
      base: TrainConfig;
      gammas: number[];
      alphas: number[];
      /** Every cell is trained once per seed. */
      seeds: number[];
      steps: number;
      /** A baseline column (e.g. OHEM) trained once per seed next to the grid; absent: none. */
      baseline?: TrainConfig;
    };

/** One finished training of a job. */
export interface JobResult {
  /** Seed for "seeds"; grid cell (or `baseline`) for "sweep". */
  key: { seed: number; run?: RunId; gamma?: number; alpha?: number; baseline?: true };
  /** Null when the training diverged. */
  ap: number | null;
  recallAtP50: number | null;
  divergence: Divergence | null;
}

export interface JobProgress {
  done: number;
  total: number;
  result?: JobResult;
  backend?: BackendReport;
  error?: string;
}

/**
 * A worker holds a Web Lock named with this prefix for its whole life, so the page hears of its
 * end at once: the lock is released when the worker is closed, terminated or crashes.
 */
export const LIFE_LOCK_PREFIX = "focal-loss-explorer:alive:";

/** The session's remote API (exposed by the worker through Comlink, or called directly). */
export interface SessionApi {
  /**
   * A liveness check, answered as soon as the session can: in a worker, once it holds its life
   * lock, whose name it returns ("" when it holds none: no Web Locks here, or not a worker).
   */
  ping(): Promise<string>;
  start(setup: SessionSetup, onUpdate: (update: SessionUpdate) => void): Promise<void>;
  play(): void;
  pause(): void;
  step(): Promise<void>;
  reset(setup: SessionSetup): Promise<void>;
  runJob(job: Job, backend: BackendChoice, onProgress: (p: JobProgress) => void): Promise<void>;
  cancelJob(): void;
  dispose(): void;
}

/** The buffers of an update, for a transferring postMessage. */
export function transferablesOfUpdate(
  update: SessionUpdate,
  evaluationBuffers: (e: Evaluation) => ArrayBuffer[],
): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const run of update.runs) {
    if (run.steps) {
      for (const a of [run.steps.loss, run.steps.lossPositive, run.steps.lossNegative])
        buffers.add(a.buffer as ArrayBuffer);
    }
    if (run.evaluation) for (const b of evaluationBuffers(run.evaluation)) buffers.add(b);
    if (run.ranked)
      for (const a of [run.ranked.positives, run.ranked.negatives])
        buffers.add(a.buffer as ArrayBuffer);
  }
  return [...buffers];
}
