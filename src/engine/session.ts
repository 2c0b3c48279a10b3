/**
 * The training session: two runs (A and B) of the toy detector trained in lockstep on one
 * backend, with play / pause / step / reset, periodic held-out evaluations and failure handling.
 * No React and no DOM: the same class runs in a Web Worker and, as a fallback, on the page.
 */
import type { Evaluation } from "../experiment/evaluation";
import type {
  BackendReport,
  Job,
  JobProgress,
  RunUpdate,
  SessionApi,
  SessionSetup,
  SessionUpdate,
} from "../experiment/protocol";
import { type RankedLogits, RUN_IDS } from "../experiment/protocol";
import type { BackendSetupOptions } from "./backend";
import { fallbacksAfter } from "./backendChoice";
import { runJob } from "./jobs";
import { RateMeter } from "./rate";
import { divergenceOf, isAlive, type Run, rankedOf } from "./run";
import { type SessionEngine, TFJS_ENGINE } from "./sessionEngine";
import { DivergedError } from "./trainer";

/** Steps between reading the step statistics back from the device. */
const FLUSH_EVERY = 5;

export interface SessionHost {
  thread: BackendReport["thread"];
  backendOptions: BackendSetupOptions;
  /** Give the host a turn (messages in a worker; rendering on the main thread). */
  yieldToHost: () => Promise<void>;
  /** Trainers and backends; tfjs unless a test gives a fake. */
  engine?: SessionEngine;
}

export class TrainingSession implements SessionApi {
  private runs: Run[] = [];
  private setup: SessionSetup | null = null;
  private backend: BackendReport | null = null;
  private emit: (update: SessionUpdate) => void = () => {};
  private running = false;
  /** Start, step and reset run one at a time, in call order (never over one another). */
  private queue: Promise<void> = Promise.resolve();
  private busy = 0;
  private loopDone: Promise<void> = Promise.resolve();
  private jobCancelled = false;
  /** The backend failed and no other works: nothing trains until a reset starts one afresh. */
  private failed = false;

  private readonly engine: SessionEngine;

  constructor(private readonly host: SessionHost) {
    this.engine = host.engine ?? TFJS_ENGINE;
  }

  async start(setup: SessionSetup, onUpdate: (update: SessionUpdate) => void): Promise<void> {
    this.emit = onUpdate;
    await this.exclusive(() => this.rebuild(setup));
  }

  play(): void {
    if (this.running || this.busy > 0 || this.failed || !this.runs.some(isAlive)) return;
    this.running = true;
    this.loopDone = this.loop();
  }

  pause(): void {
    this.running = false;
  }

  async step(): Promise<void> {
    this.pause();
    await this.loopDone;
    await this.exclusive(async () => {
      await this.guard(async () => {
        this.advance();
        await this.flush(true);
      });
      this.post({ status: this.statusWhenIdle(), runs: [] });
    });
  }

  async reset(setup: SessionSetup): Promise<void> {
    this.pause();
    await this.loopDone;
    await this.exclusive(() => this.rebuild(setup));
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

  /** Build both runs from `setup` (choosing the backend when it changed) and evaluate step 0. */
  private async rebuild(setup: SessionSetup): Promise<void> {
    this.disposeRuns();
    const backendChanged =
      setup.backend !== this.setup?.backend || this.backend === null || this.failed;
    this.failed = false;
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
    const runs = await Promise.all(this.runs.map((run) => this.evaluationUpdate(run)));
    this.post({ status: "idle", runs, backend: this.backend ?? undefined, notice });
  }

  private async loop(): Promise<void> {
    this.post({ status: "running", runs: [] });
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
      await this.host.yieldToHost();
    }
    await this.guard(() => this.flush(false));
    this.running = false;
    this.post({ status: this.statusWhenIdle(), runs: [] });
  }

  private statusWhenIdle(): "paused" | "stopped" {
    return !this.failed && this.runs.some(isAlive) ? "paused" : "stopped";
  }

  /** One step of every run that has not diverged. */
  private advance(): void {
    for (const run of this.runs) if (isAlive(run)) run.trainer.step();
  }

  /** Read back step statistics; evaluate runs that are due (or all, when `evaluateAll`). */
  private async flush(evaluateAll: boolean): Promise<void> {
    const now = performance.now();
    const updates: RunUpdate[] = [];
    for (const run of this.runs) {
      const log = await run.trainer.flush();
      run.rate.add(now, run.trainer.stepCount);
      const update: RunUpdate = {
        id: run.id,
        step: run.trainer.stepCount,
        stepsPerSecond: run.rate.perSecond,
        divergence: divergenceOf(run),
      };
      if (log.loss.length > 0) update.steps = log;
      const due = run.trainer.stepCount - run.lastEvalStep >= (this.setup?.evalEvery ?? 25);
      if ((due || evaluateAll) && isAlive(run)) Object.assign(update, await this.evaluate(run));
      updates.push(update);
    }
    this.post({ status: this.running ? "running" : "paused", runs: updates });
  }

  private async evaluate(run: Run): Promise<{ evaluation: Evaluation; ranked: RankedLogits }> {
    run.lastEvalStep = run.trainer.stepCount;
    const evaluation = await run.trainer.evaluate();
    return { evaluation, ranked: rankedOf(evaluation) };
  }

  private async evaluationUpdate(run: Run): Promise<RunUpdate> {
    return {
      id: run.id,
      step: run.trainer.stepCount,
      stepsPerSecond: 0,
      ...(await this.evaluate(run)),
      divergence: null,
    };
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
    const message = error instanceof Error ? error.message : String(error);
    const snapshots = this.runs.map((run) => run.trainer.lastGood());
    const divergences = this.runs.map(divergenceOf);
    const setup = this.setup;
    if (!setup) return false;
    for (const name of fallbacksAfter(failed)) {
      if (name === "auto") continue;
      try {
        const info = await this.engine.useBackend(name, this.host.backendOptions);
        this.disposeRuns();
        this.runs = RUN_IDS.map((id, i) => ({
          id,
          trainer: this.engine.restoreTrainer(setup.runs[id], snapshots[i] ?? null),
          rate: new RateMeter(),
          lastEvalStep: snapshots[i]?.step ?? 0,
          carried: divergences[i] ?? null,
        }));
        this.backend = {
          name,
          info,
          reason: `${failed} failed during training (${message}); switched to ${name}`,
          timings: [],
          thread: this.host.thread,
        };
        const from = RUN_IDS.map(
          (id, i) => `${id.toUpperCase()} from step ${snapshots[i]?.step ?? 0}`,
        );
        this.post({
          status: this.running ? "running" : "paused",
          runs: this.runs.map((run) => ({
            id: run.id,
            step: run.trainer.stepCount,
            stepsPerSecond: 0,
            divergence: divergenceOf(run),
          })),
          backend: this.backend,
          notice: `The ${failed} backend failed (${message}). Training continues on ${name} from the last evaluated weights (${from.join(", ")}); the optimizers' state starts afresh.`,
        });
        return true;
      } catch {
        // try the next backend
      }
    }
    this.running = false;
    this.failed = true;
    this.post({
      status: "stopped",
      runs: [],
      error: `Training stopped: ${failed} failed (${message}) and no other backend works. Reset tries the backends again; reloading the page starts afresh.`,
    });
    return false;
  }
}
