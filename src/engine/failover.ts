/**
 * After the backend fails mid-run (a thrown kernel, a lost WebGL context, a read-back that
 * timed out): both runs continue on the next backend that starts, from the weights of their
 * last evaluation, each keeping a divergence it already had.
 */
import type { BackendReport, SessionSetup } from "../experiment/protocol";
import { RUN_IDS } from "../experiment/protocol";
import type { BackendSetupOptions } from "./backend";
import { fallbacksAfter } from "./backendChoice";
import { RateMeter } from "./rate";
import { divergenceOf, type Run } from "./run";
import type { SessionEngine } from "./sessionEngine";

export interface FailOver {
  runs: Run[];
  backend: BackendReport;
  notice: string;
}

/**
 * Switch to the first backend after the failed one that starts, rebuild `runs` there (disposing
 * the old trainers) and say what happened; null when no other backend starts.
 */
export async function failOver(
  engine: SessionEngine,
  options: BackendSetupOptions,
  thread: BackendReport["thread"],
  setup: SessionSetup,
  runs: readonly Run[],
  error: unknown,
): Promise<FailOver | null> {
  const failed = engine.activeBackend();
  const message = error instanceof Error ? error.message : String(error);
  const snapshots = runs.map((run) => run.trainer.lastGood());
  const divergences = runs.map(divergenceOf);
  for (const name of fallbacksAfter(failed)) {
    if (name === "auto") continue;
    let info: BackendReport["info"];
    try {
      info = await engine.useBackend(name, options);
    } catch {
      continue;
    }
    for (const run of runs) run.trainer.dispose();
    const next = RUN_IDS.map((id, i) => ({
      id,
      trainer: engine.restoreTrainer(setup.runs[id], snapshots[i] ?? null),
      rate: new RateMeter(),
      lastEvalStep: snapshots[i]?.step ?? 0,
      carried: divergences[i] ?? null,
    }));
    const from = RUN_IDS.map((id, i) => `${id.toUpperCase()} from step ${snapshots[i]?.step ?? 0}`);
    return {
      runs: next,
      backend: {
        name,
        info,
        reason: `${failed} failed during training (${message}); switched to ${name}`,
        timings: [],
        thread,
      },
      notice: `The ${failed} backend failed (${message}). Training continues on ${name} from the last evaluated weights (${from.join(", ")}); the optimizers' state starts afresh.`,
    };
  }
  return null;
}

/** The error shown when no backend is left. */
export function noBackendLeft(failed: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `Training stopped: ${failed} failed (${message}) and no other backend works. Reset tries the backends again; reloading the page starts afresh.`;
}
