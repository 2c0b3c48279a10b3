/**
 * The training session: two runs (A and B) of the toy detector trained in lockstep on one
 * backend, with play / pause / step / reset, periodic held-out evaluations and failure handling.
 * No React and no DOM: the same class runs in a Web Worker and, as a fallback, on the page.
 */
import type { BackendInfo } from "../experiment/backends";
import type {
  BackendReport,
  Job,
  JobProgress,
  RunUpdate,
  SessionApi,
  SessionSetup,
  SessionUpdate,
} from "../experiment/protocol";
import { RUN_IDS } from "../experiment/protocol";
import type { BackendSetupOptions } from "./backend";
import { failOver, noBackendLeft } from "./failover";
import { runJob } from "./jobs";
import { OffThreadEvaluations, type OffThreadJob } from "./offThreadEvaluations";
import { RateMeter } from "./rate";
import { divergenceOf, evaluateRun, isAlive, type Run, stepOf } from "./run";
import { type SessionEngine, TFJS_ENGINE } from "./sessionEngine";
import type { SnapshotEvaluator } from "./snapshotEvaluator";
import { DivergedError } from "./trainer";

/** Steps between reading the step statistics back from the device. */
const FLUSH_EVERY = 5;

export interface SessionHost {
  thread: BackendReport["thread"];
  /**
   * Whether a job may choose tfjs's backend: true in a worker (default there) and for a job on
   * the page when no live session trains on the page; a job sharing the page with live runs
   * must keep their backend.
   */
  ownsBackend?: boolean;
  backendOptions: BackendSetupOptions;
  /** Give the host a turn (messages in a worker; rendering on the main thread). */
  yieldToHost: () => Promise<void>;
  /** Trainers and backends; tfjs unless a test gives a fake. */
  engine?: SessionEngine;
  /**
   * A second worker for the periodic held-out evaluations on the wasm build `build` (see
   * `snapshotEvaluator.ts`), made on first use; used only while the session trains on wasm
   * with at most one XNNPACK thread. Absent: every evaluation runs on the session's own thread.
   */
  evaluator?: (build: BackendInfo) => SnapshotEvaluator;
}

export class TrainingSession implements SessionApi {
  private runs: Run[] = [];
  private setup: SessionSetup | null = null;
  private backend: BackendReport | null = null;
  private emit: (update: SessionUpdate) => void = () => {};
  private running = false;
  /** Play was asked for and no Pause (or step or reset) came after it. */
  private wantsPlay = false;
  /** The step this Play pauses at (setup.pauseAt when it started below it), else null. */
  private stopAt: number | null = null;
  /** Start, step and reset run one at a time, in call order (never over one another). */
  private queue: Promise<void> = Promise.resolve();
  private busy = 0;
  private loopDone: Promise<void> = Promise.resolve();
  private jobCancelled = false;
  /** The backend failed and no other works: nothing trains until a reset starts one afresh. */
  private failed = false;
  /**
   * The chosen backend failed mid-run and another took over: the next reset tries the chosen
   * one again (a lost GPU context is often transient), once.
   */
  private retryChoice = false;
  private readonly offThreadEvaluations: OffThreadEvaluations;

  private readonly engine: SessionEngine;

  constructor(private readonly host: SessionHost) {
    this.engine = host.engine ?? TFJS_ENGINE;
    this.offThreadEvaluations = new OffThreadEvaluations(host.evaluator, {
      setup: () => this.setup,
      runs: () => this.runs,
      post: (runs) => this.post({ status: this.statusNow(), runs }),
      failed: (error) => {
        this.reportEvaluations();
        this.post({
          status: this.statusNow(),
          runs: [],
          backend: this.backend ?? undefined,
          notice: `Held-out evaluations run on the training thread from now on: the second worker that ran them failed (${String(error)}).`,
        });
      },
    });
  }

  async ping(): Promise<string> {
    return "";
  }

  async start(setup: SessionSetup, onUpdate: (update: SessionUpdate) => void): Promise<void> {
    this.emit = onUpdate;
    await this.exclusive(() => this.rebuild(setup));
  }

  /**
   * Play is never dropped: sent while a start, step or reset is under way (the page may send a
   * reset and Play together), it takes effect when the operations queued before it are done,
   * unless a Pause or another operation came after it.
   */
  play(): void {
    this.wantsPlay = true;
    void this.queue.then(() => {
      if (!this.wantsPlay || this.running || this.busy > 0) return;
      if (this.failed || !this.runs.some(isAlive)) return;
      const budget = this.setup?.pauseAt;
      const below = (run: Run) =>
        isAlive(run) && budget !== undefined && run.trainer.stepCount < budget;
      this.stopAt = budget !== undefined && this.runs.some(below) ? budget : null;
      this.running = true;
      this.loopDone = this.loop();
    });
  }

  pause(): void {
    this.wantsPlay = false;
    this.running = false;
  }

  step(): Promise<void> {
    this.pause();
    return this.exclusive(async () => {
      await this.loopDone;
      await this.guard(async () => {
        this.advance();
        await this.flush(true);
      });
      this.post({ status: this.statusWhenIdle(), runs: [] });
    });
  }

  reset(setup: SessionSetup): Promise<void> {
    this.pause();
    return this.exclusive(async () => {
      await this.loopDone;
      await this.rebuild(setup);
    });
  }

  async runJob(
    job: Job,
    backend: SessionSetup["backend"],
    onProgress: (p: JobProgress) => void,
  ): Promise<void> {
    this.jobCancelled = false;
    await runJob(job, backend, this.host, onProgress, () => this.jobCancelled);
  }

  cancelJob(): void {
    this.jobCancelled = true;
  }

  dispose(): void {
    this.running = false;
    this.jobCancelled = true;
    this.disposeRuns();
    this.offThreadEvaluations.drop();
  }

  private exclusive(work: () => Promise<void>): Promise<void> {
    const run = this.queue.then(async () => {
      this.busy += 1;
      try {
        await work();
      } finally {
        this.busy -= 1;
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Every update carries the generation of the setup it belongs to (see SessionSetup). */
  private post(update: SessionUpdate): void {
    this.emit({ ...update, generation: this.setup?.generation ?? 0 });
  }

  private disposeRuns(): void {
    for (const run of this.runs) run.trainer.dispose();
    this.runs = [];
  }

  /**
   * Build both runs from `setup` (choosing the backend when it changed, failed or lost its
   * device) and evaluate step 0. When that fails, the next reset chooses the backend afresh.
   */
  private async rebuild(setup: SessionSetup): Promise<void> {
    try {
      await this.build(setup);
    } catch (error) {
      this.failed = true;
      throw error;
    }
  }

  private async build(setup: SessionSetup): Promise<void> {
    this.disposeRuns();
    const backendChanged =
      setup.backend !== this.setup?.backend ||
      this.backend === null ||
      this.failed ||
      this.retryChoice ||
      this.engine.activeBackendLost();
    this.failed = false;
    this.retryChoice = false;
    this.setup = setup;
    this.post({ status: "starting", runs: [] });
    let notice: string | undefined;
    if (backendChanged) {
      const started = await this.engine.startBackend(
        setup.backend,
        setup.runs.a,
        this.host.backendOptions,
        this.host.thread,
      );
      this.backend = started.report;
      notice = started.notice;
    }
    this.runs = RUN_IDS.map((id) => ({
      id,
      trainer: this.engine.createTrainer(setup.runs[id]),
      rate: new RateMeter(),
      lastEvalStep: 0,
      carried: null,
    }));
    this.reportEvaluations();
    let runs: RunUpdate[];
    try {
      runs = await this.evaluateAll();
    } catch (error) {
      // The backend failed while evaluating step 0 (e.g. its WebGL context was lost): go on
      // with fresh runs on the next backend that starts, as after a failure mid-run.
      const switched = await this.switchBackend(error);
      if (switched === null) throw error;
      notice = switched;
      this.reportEvaluations();
      runs = await this.evaluateAll();
    }
    this.post({ status: "idle", runs, backend: this.backend ?? undefined, notice });
  }

  /** Every run evaluated at its current step (step 0 after a build). */
  private evaluateAll(): Promise<RunUpdate[]> {
    return Promise.all(
      this.runs.map(async (run) => ({
        id: run.id,
        step: run.trainer.stepCount,
        stepsPerSecond: 0,
        ...(await evaluateRun(run)),
        divergence: null,
      })),
    );
  }

  private async loop(): Promise<void> {
    this.post({ status: "running", runs: [] });
    // The second worker starts (or finds its trainers) while the first steps run.
    const evaluator = this.offThread();
    if (evaluator && this.setup) {
      const { runs } = this.setup;
      for (const id of RUN_IDS) evaluator.prepare(id, runs[id]);
    }
    let sinceFlush = 0;
    while (this.running && this.runs.some(isAlive)) {
      const ok = await this.guard(async () => {
        this.advance();
        sinceFlush += 1;
        if (sinceFlush >= FLUSH_EVERY) {
          sinceFlush = 0;
          await this.flush(false);
        }
      });
      if (!ok) break;
      if (this.reachedStop()) {
        this.pause();
        break;
      }
      await this.host.yieldToHost();
    }
    const atStop = this.reachedStop();
    this.stopAt = null;
    await this.guard(() => this.flush(atStop));
    this.running = false;
    this.post({ status: this.statusWhenIdle(), runs: [] });
  }

  /** Every live run has reached the step this Play pauses at. */
  private reachedStop(): boolean {
    const stop = this.stopAt;
    return (
      stop !== null && this.runs.every((run) => !isAlive(run) || run.trainer.stepCount >= stop)
    );
  }

  /** What an update posted between the loop's own updates says of the session. */
  private statusNow(): "running" | "paused" | "stopped" {
    return this.running ? "running" : this.statusWhenIdle();
  }

  private statusWhenIdle(): "paused" | "stopped" {
    return !this.failed && this.runs.some(isAlive) ? "paused" : "stopped";
  }

  /** One step of every run that has not diverged. */
  private advance(): void {
    for (const run of this.runs) if (isAlive(run)) run.trainer.step();
  }

  /**
   * Read back step statistics; evaluate runs that are due (or all, when `evaluateAll`). A due
   * evaluation goes to the second worker when there is one, and its result is posted when it
   * comes; one asked for (`evaluateAll`: Step, the pause at the budget) runs here, after the
   * ones in flight have been posted, so evaluations always arrive in step order.
   */
  private async flush(evaluateAll: boolean): Promise<void> {
    const offThread = evaluateAll ? null : this.offThread();
    // An evaluation made here comes after every one in flight (the page sees them in order).
    if (!offThread) await this.offThreadEvaluations.posted();
    const offThreadFree = this.offThreadEvaluations.free;
    const now = performance.now();
    const jobs: OffThreadJob[] = [];
    const updates: RunUpdate[] = [];
    for (const run of this.runs) {
      const log = await run.trainer.flush();
      run.rate.add(now, run.trainer.stepCount);
      const divergence = divergenceOf(run);
      run.shownStep = stepOf(run);
      const update: RunUpdate = {
        id: run.id,
        step: run.shownStep,
        stepsPerSecond: divergence ? 0 : run.rate.perSecond,
        divergence,
      };
      if (log.loss.length > 0) update.steps = log;
      const due = run.trainer.stepCount - run.lastEvalStep >= (this.setup?.evalEvery ?? 25);
      // Asked for: every run not evaluated at this very step yet (at the budget, the due
      // evaluation of the same step has just been posted).
      const wanted = evaluateAll ? run.lastEvalStep !== run.trainer.stepCount : due;
      if (wanted && isAlive(run)) {
        if (!offThread) Object.assign(update, await evaluateRun(run));
        else if (offThreadFree) jobs.push(await this.offThreadEvaluations.ask(run, offThread));
      }
      updates.push(update);
    }
    this.post({ status: this.running ? "running" : "paused", runs: updates });
    if (jobs.length > 0) this.offThreadEvaluations.postWhenEvaluated(jobs);
  }

  /** The second worker to use now, or null (see `OffThreadEvaluations.evaluator`). */
  private offThread(): SnapshotEvaluator | null {
    return this.offThreadEvaluations.evaluator(this.backend, this.engine.activeBackend());
  }

  /** Says in the backend report where the periodic evaluations run now. */
  private reportEvaluations(): void {
    if (!this.backend) return;
    const where = this.offThread() ? "second worker" : "training thread";
    this.backend = { ...this.backend, evaluations: where };
  }

  /**
   * Run `work`; a divergence is the run's own business (already recorded), any other error is a
   * backend failure: switch to the next backend and continue from the last good weights.
   */
  private async guard(work: () => Promise<void>): Promise<boolean> {
    try {
      await work();
      return true;
    } catch (error) {
      if (error instanceof DivergedError) return true;
      return this.recover(error);
    }
  }

  private async recover(error: unknown): Promise<boolean> {
    const failed = this.engine.activeBackend();
    const notice = await this.switchBackend(error);
    if (notice !== null) {
      this.reportEvaluations();
      const runs = this.runs.map((run) => ({
        id: run.id,
        step: stepOf(run),
        stepsPerSecond: 0,
        divergence: divergenceOf(run),
      }));
      this.post({
        status: this.running ? "running" : "paused",
        runs,
        backend: this.backend ?? undefined,
        notice,
      });
      return true;
    }
    this.running = false;
    this.failed = true;
    this.post({ status: "stopped", runs: [], error: noBackendLeft(failed, error) });
    return false;
  }

  /** Move the runs to the next backend that starts (see `failOver`); its notice, or null. */
  private async switchBackend(error: unknown): Promise<string | null> {
    const setup = this.setup;
    if (!setup) return null;
    const { thread, backendOptions } = this.host;
    const switched = await failOver(this.engine, backendOptions, thread, setup, this.runs, error);
    if (!switched) return null;
    this.runs = switched.runs;
    this.backend = switched.backend;
    this.retryChoice = setup.backend !== "auto";
    return switched.notice;
  }
}
