/**
 * Background experiments: the A/B pair over several seeds, and a (γ, α) sweep. Each training is
 * a fresh Trainer for a short budget, evaluated on the shared held-out set.
 */
import type { BackendChoice, BackendName } from "../experiment/backends";
import type { TrainConfig } from "../experiment/config";
import { createHeldOutSet } from "../experiment/dataset";
import { tasksOf } from "../experiment/jobs";
import type { BackendReport, Job, JobProgress } from "../experiment/protocol";
import type { SessionHost } from "./session";
import { TFJS_ENGINE } from "./sessionEngine";

/** Steps between reading statistics back. */
const READ_EVERY = 10;

/**
 * In a worker of its own (or alone on the page), a job chooses its backend like the live
 * session does. On the main thread beside live runs it shares the page's tfjs with them, so it
 * must not switch the backend under them: it uses the one already active.
 */
async function jobBackend(
  backend: BackendChoice,
  config: TrainConfig,
  host: SessionHost,
): Promise<BackendReport> {
  const engine = host.engine ?? TFJS_ENGINE;
  if (host.thread === "worker" || host.ownsBackend)
    return (await engine.startBackend(backend, config, host.backendOptions, host.thread)).report;
  const name = engine.activeBackend() as BackendName;
  return {
    name,
    info: engine.describeBackend(name),
    reason: "shares the page's backend (no worker)",
    timings: [],
    thread: host.thread,
  };
}

export async function runJob(
  job: Job,
  backend: BackendChoice,
  host: SessionHost,
  onProgress: (p: JobProgress) => void,
  cancelled: () => boolean,
): Promise<void> {
  const tasks = tasksOf(job);
  const first = tasks[0];
  if (!first) return;
  let done = 0;
  try {
    const report = await jobBackend(backend, first.config, host);
    onProgress({ done: 0, total: tasks.length, backend: report });
    const heldOut = createHeldOutSet(first.config.imbalance);
    for (const [i, task] of tasks.entries()) {
      if (cancelled()) return;
      const trainer = (host.engine ?? TFJS_ENGINE).createTrainer(task.config, heldOut);
      try {
        for (let s = 0; s < job.steps && trainer.divergence === null; s++) {
          trainer.step();
          if ((s + 1) % READ_EVERY === 0) await trainer.flush();
          // Every step: the page's pings (and a Cancel) are answered between steps, never later.
          await host.yieldToHost();
          if (cancelled()) return;
        }
        await trainer.flush();
        const divergence = trainer.divergence;
        const evaluation = divergence === null ? await trainer.evaluate() : null;
        done = i + 1;
        onProgress({
          done,
          total: tasks.length,
          result: {
            key: task.key,
            ap: evaluation?.ap ?? null,
            recallAtP50: evaluation?.recallAtP50 ?? null,
            divergence,
          },
        });
      } finally {
        trainer.dispose();
      }
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    onProgress({
      done,
      total: tasks.length,
      error: `The job stopped after ${done} of ${tasks.length} trainings: ${message}. Run it again to retry.`,
    });
  }
}
