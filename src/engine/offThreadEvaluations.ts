/**
 * The session's side of the second worker (see `snapshotEvaluator.ts`): whether it is used now,
 * checkpoints handed to it, and its answers posted in step order, both runs together, at most
 * one evaluation of the pair in flight. The session keeps what it posts and when; this keeps
 * the worker, its failure and the chain of answers.
 */
import type { BackendInfo } from "../experiment/backends";
import type { BackendReport, RunId, RunUpdate, SessionSetup } from "../experiment/protocol";
import { divergenceOf, type Run, stepOf } from "./run";
import type { EvaluatedRun, SnapshotEvaluator } from "./snapshotEvaluator";

/** An evaluation of one run asked of the second worker. */
export interface OffThreadJob {
  id: RunId;
  result: Promise<EvaluatedRun>;
}

export interface OffThreadHost {
  /** The session's setup now (a new object at every start and reset). */
  setup(): SessionSetup | null;
  runs(): readonly Run[];
  /** Post answers (one update holding both runs' evaluations). */
  post(runs: RunUpdate[]): void;
  /** The second worker failed and is not used again: say so. */
  failed(error: unknown): void;
}

export class OffThreadEvaluations {
  private current: { build: string; evaluator: SnapshotEvaluator } | null = null;
  /** The worker failed once: every evaluation runs on the training thread from then on. */
  private failedOnce = false;
  /** Posting the answers in flight, in the order they were asked for. */
  private chain: Promise<void> = Promise.resolve();
  /** A flush's evaluations are with the worker: the next due ones wait (the runs stay due). */
  private busy = false;

  constructor(
    private readonly make: ((build: BackendInfo) => SnapshotEvaluator) | undefined,
    private readonly host: OffThreadHost,
  ) {}

  /**
   * The second worker, where it evaluates exactly what the training thread would: wasm, on the
   * same build with the same thread count, at most one (more XNNPACK threads already use the
   * cores; the GPU backends evaluate on the training thread). Else null, and a worker no longer
   * wanted (another backend, `evalworker=0`) ends with its memory.
   */
  evaluator(backend: BackendReport | null, activeBackend: string): SnapshotEvaluator | null {
    const make = this.make;
    const usable =
      !this.failedOnce &&
      this.host.setup()?.evaluateOffThread !== false &&
      activeBackend === "wasm" &&
      backend?.name === "wasm" &&
      (backend.info.threads ?? 1) <= 1;
    if (!usable || !make || !backend) {
      this.drop();
      return null;
    }
    const build = JSON.stringify(backend.info);
    if (this.current?.build !== build) {
      this.current?.evaluator.dispose();
      this.current = { build, evaluator: make(backend.info) };
    }
    return this.current.evaluator;
  }

  /** No evaluation is with the worker (the next due ones may be asked for). */
  get free(): boolean {
    return !this.busy;
  }

  /** Settles when every answer asked for so far has been posted (or dropped). */
  posted(): Promise<void> {
    return this.chain;
  }

  /**
   * Checkpoint `run` (its weights become its last good snapshot, as an evaluation on the
   * training thread makes them) and have the worker evaluate it while training goes on.
   */
  async ask(run: Run, evaluator: SnapshotEvaluator): Promise<OffThreadJob> {
    const setup = this.host.setup() as SessionSetup;
    run.lastEvalStep = run.trainer.stepCount;
    const snapshot = await run.trainer.checkpoint();
    const result = evaluator.evaluate(run.id, setup.runs[run.id], snapshot);
    // Not an unhandled rejection while it waits its turn (see `postWhenEvaluated`).
    result.catch(() => undefined);
    return { id: run.id, result };
  }

  /**
   * Post one flush's evaluations together (the page never shows one run at a newer step than
   * the other), after the ones before them, unless a reset came first. If the worker fails,
   * the host says so and the runs are evaluated on the training thread from then on (due again
   * at once); a worker ended on purpose is no failure.
   */
  postWhenEvaluated(jobs: OffThreadJob[]): void {
    const setup = this.host.setup();
    const asked = this.current?.evaluator;
    this.busy = true;
    const link = async () => {
      let evaluated: EvaluatedRun[];
      try {
        evaluated = await Promise.all(jobs.map((job) => job.result));
      } catch (error) {
        if (this.host.setup() !== setup) return;
        for (const run of this.host.runs()) run.lastEvalStep = Number.NEGATIVE_INFINITY;
        if (asked === undefined || this.current?.evaluator !== asked) return;
        this.failedOnce = true;
        this.drop();
        this.host.failed(error);
        return;
      }
      if (this.host.setup() !== setup) return;
      const runs: RunUpdate[] = [];
      jobs.forEach((job, i) => {
        const run = this.host.runs().find((r) => r.id === job.id);
        const result = evaluated[i];
        if (!run || !result) return;
        runs.push({
          id: run.id,
          step: run.shownStep ?? stepOf(run),
          stepsPerSecond: divergenceOf(run) ? 0 : run.rate.perSecond,
          divergence: divergenceOf(run),
          ...result,
        });
      });
      this.host.post(runs);
    };
    this.chain = this.chain
      .then(link)
      // One update that could not be posted must not hold back the ones after it.
      .catch((error) => console.error("posting an off-thread evaluation failed", error))
      .finally(() => {
        this.busy = false;
      });
  }

  /** End the worker (what it still owed is evaluated on the training thread, see above). */
  drop(): void {
    const current = this.current;
    this.current = null;
    current?.evaluator.dispose();
  }
}
