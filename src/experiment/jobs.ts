/** A background job (seeds, sweep) as the list of trainings it consists of. Pure. */
import type { TrainConfig } from "./config";
import type { BackendReport, Job, JobProgress, JobResult } from "./protocol";

/** One training of a job: its config and where its result goes. */
export interface Task {
  config: TrainConfig;
  key: JobResult["key"];
}

/** The trainings a job consists of, in order. */
export function tasksOf(job: Job): Task[] {
  if (job.kind === "seeds") {
    return job.seeds.flatMap((seed) =>
      (["a", "b"] as const).map((run) => ({
        config: { ...job.runs[run], seed },
        key: { seed, run },
      })),
    );
  }
  // Seed by seed, so a cancelled sweep still has whole rows of the grid to compare; the
  // baseline column trains right after its seed's grid, on the same seed.
  const baseline = job.baseline;
  return job.seeds.flatMap((seed) => [
    ...job.gammas.flatMap((gamma) =>
      job.alphas.map((alpha) => ({
        config: { ...job.base, seed, gamma, alpha },
        key: { seed, gamma, alpha },
      })),
    ),
    ...(baseline
      ? [{ config: { ...baseline, seed }, key: { seed, baseline: true as const } }]
      : []),
  ]);
}

/** What the page knows of a background job while it runs and after. */
export interface JobState {
  running: boolean;
  done: number;
  total: number;
  results: JobResult[];
  backend: BackendReport | null;
  error: string | null;
  /** Something to know about how it runs (e.g. on the page: its worker could not start). */
  notice: string | null;
}

export const IDLE_JOB: JobState = Object.freeze({
  running: false,
  done: 0,
  total: 0,
  results: [],
  backend: null,
  error: null,
  notice: null,
});

/** A job just started: nothing done yet. */
export function jobStarted(notice: string | null = null): JobState {
  return { ...IDLE_JOB, running: true, notice };
}

/**
 * Fold one progress message into the state. `done` never goes back (an error message carries
 * done = 0), results are appended in arrival order, and the first error is kept.
 */
export function applyJobProgress(state: JobState, p: JobProgress): JobState {
  return {
    ...state,
    done: Math.max(state.done, p.done),
    total: p.total,
    results: p.result ? [...state.results, p.result] : state.results,
    backend: p.backend ?? state.backend,
    error: state.error ?? p.error ?? null,
  };
}

/** The job failed outside its own progress reports (e.g. its worker could not start). */
export function jobFailed(state: JobState, error: string): JobState {
  return { ...state, running: false, error: state.error ?? error };
}

export function jobStopped(state: JobState): JobState {
  return { ...state, running: false };
}
