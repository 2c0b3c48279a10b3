/**
 * TrainingSession driven through a fake engine (no tfjs work): its queue, generations, backend
 * failover, divergence carried across a switch, and job cancellation, in plain Node.
 */
import { describe, expect, it } from "vitest";
import type { BackendName } from "../experiment/backends";
import { DEFAULT_CONFIG, type TrainConfig } from "../experiment/config";
import type { Evaluation } from "../experiment/evaluation";
import type { JobProgress, SessionSetup, SessionUpdate } from "../experiment/protocol";
import type { Divergence, StepLog, TrainerSnapshot } from "../experiment/training";
import { TrainingSession } from "./session";
import type { SessionEngine, SessionTrainer } from "./sessionEngine";
import type { SnapshotEvaluator } from "./snapshotEvaluator";
import { DivergedError } from "./trainer";

/** What goes wrong, and when, for trainers built on a backend (1-based steps). */
interface Faults {
  /** step() throws a backend error at this step on these backends. */
  crashAt?: { step: number; on: BackendName[] };
  /** The run with this loss diverges at this step (found at the next flush). */
  divergeAt?: { step: number; loss: TrainConfig["loss"] };
  /** Backends that cannot be started. */
  broken?: BackendName[];
  /**
   * The device of this backend is lost after this step: like tfjs on a lost WebGL context, its
   * read-backs never settle (unless the engine bounds them) and it stays lost until restarted.
   */
  loseAt?: { step: number; on: BackendName };
  /** Read-backs on a lost device reject with this error (the engine's bound); else they hang. */
  boundReadBacks?: boolean;
}

function fakeEvaluation(step: number): Evaluation {
  const logits = Float32Array.from([2, -3, -4, -1]);
  const labels = Uint8Array.from([1, 0, 0, 0]);
  const groups = { positives: 0.5, hardNegatives: 0.3, easyNegatives: 0.2 };
  return {
    step,
    ap: Math.min(1, step / 100),
    recallAtP50: 0,
    pr: {
      recall: new Float64Array(0),
      precision: new Float64Array(0),
      threshold: new Float64Array(0),
    },
    shares: {
      loss: groups,
      gradient: groups,
      counts: { positives: 1, hardNegatives: 1, easyNegatives: 2 },
    },
    measured: { positives: 1, negatives: 3, ratio: 3 },
    predictions: { logits, labels, distractorMask: new Uint8Array(4) },
    images: [],
  };
}

class FakeTrainer implements SessionTrainer {
  stepCount: number;
  divergence: Divergence | null = null;
  disposed = false;
  private pendingFrom: number;
  private good: TrainerSnapshot | null;

  constructor(
    readonly config: TrainConfig,
    readonly backend: BackendName,
    private readonly faults: Faults,
    private readonly device: { lost: boolean },
    snapshot: TrainerSnapshot | null = null,
  ) {
    this.stepCount = snapshot?.step ?? 0;
    this.pendingFrom = this.stepCount + 1;
    this.good = snapshot;
  }

  step(): void {
    if (this.divergence) throw new DivergedError(this.divergence);
    if (this.device.lost && this.faults.boundReadBacks) throw new Error("the device was lost");
    const crash = this.faults.crashAt;
    if (crash && this.stepCount + 1 === crash.step && crash.on.includes(this.backend))
      throw new Error(`${this.backend} lost its device`);
    this.stepCount += 1;
  }

  async flush(): Promise<StepLog> {
    const lose = this.faults.loseAt;
    if (lose && this.backend === lose.on && this.stepCount >= lose.step) this.device.lost = true;
    if (this.device.lost) {
      if (!this.faults.boundReadBacks) return new Promise<StepLog>(() => {});
      throw new Error("the WebGL context was lost");
    }
    const first = this.pendingFrom;
    let count = this.stepCount - first + 1;
    const d = this.faults.divergeAt;
    if (
      d &&
      d.loss === this.config.loss &&
      !this.divergence &&
      d.step >= first &&
      d.step <= this.stepCount
    ) {
      this.divergence = { step: d.step, reason: "loss is NaN" };
      count = d.step - first;
    }
    this.pendingFrom = this.stepCount + 1;
    const values = Float32Array.from({ length: Math.max(0, count) }, (_, k) => 1 / (first + k));
    return {
      firstStep: first,
      loss: values,
      lossPositive: values,
      lossNegative: values.map(() => 0),
      gradNorm: values,
    };
  }

  async evaluate(): Promise<Evaluation> {
    await this.flush();
    if (this.divergence) throw new DivergedError(this.divergence);
    this.good = { step: this.stepCount, weights: [] };
    return fakeEvaluation(this.stepCount);
  }

  async checkpoint(): Promise<TrainerSnapshot> {
    await this.flush();
    if (this.divergence) throw new DivergedError(this.divergence);
    this.good = { step: this.stepCount, weights: [] };
    return this.good;
  }

  lastGood(): TrainerSnapshot | null {
    return this.good;
  }

  dispose(): void {
    this.disposed = true;
  }
}

/**
 * A second worker that answers when `release()` is called (all it holds, the newest first), or
 * at once when `auto`, or fails every evaluation when `broken`. Its evaluations carry the run
 * in `recallAtP50` (a 0.25, b 0.75) so a test can tell them apart. Disposed, it rejects what it
 * holds, as the real one does.
 */
function fakeEvaluator(mode: "held" | "auto" | "broken" = "held") {
  const asked: { run: string; step: number }[] = [];
  let held: { answer: () => void; refuse: () => void }[] = [];
  let disposed = false;
  const resultFor = (run: string, step: number) => ({
    evaluation: { ...fakeEvaluation(step), recallAtP50: run === "a" ? 0.25 : 0.75 },
    ranked: { positives: new Float32Array(1), negatives: new Float32Array(1) },
  });
  const evaluator: SnapshotEvaluator = {
    prepare: () => {},
    evaluate: (run, _config, snapshot) => {
      asked.push({ run, step: snapshot.step });
      if (mode === "broken") return Promise.reject(new Error("the worker crashed"));
      if (mode === "auto") return Promise.resolve(resultFor(run, snapshot.step));
      return new Promise((resolve, reject) =>
        held.push({
          answer: () => resolve(resultFor(run, snapshot.step)),
          refuse: () => reject(new Error("the evaluator was disposed")),
        }),
      );
    },
    dispose: () => {
      disposed = true;
      for (const h of held.splice(0)) h.refuse();
    },
  };
  return {
    evaluator,
    asked,
    release: () => {
      const answering = held.reverse();
      held = [];
      for (const h of answering) h.answer();
    },
    disposed: () => disposed,
  };
}

function fakeEngine(faults: Faults = {}) {
  let active: BackendName = "wasm";
  const trainers: FakeTrainer[] = [];
  /** One device per backend; starting a backend afresh gives it a new one. */
  const devices = new Map<BackendName, { lost: boolean }>();
  const deviceOf = (name: BackendName) => {
    const device = devices.get(name) ?? { lost: false };
    devices.set(name, device);
    return device;
  };
  const started: BackendName[] = [];
  const switchTo = (name: BackendName) => {
    if (faults.broken?.includes(name)) throw new Error(`${name} cannot start`);
    // Like useBackend, which starts a backend whose device was lost afresh.
    if (deviceOf(name).lost) devices.set(name, { lost: false });
    active = name;
    started.push(name);
  };
  const engine: SessionEngine = {
    createTrainer: (config) => {
      const t = new FakeTrainer(config, active, faults, deviceOf(active));
      trainers.push(t);
      return t;
    },
    restoreTrainer: (config, snapshot) => {
      const t = new FakeTrainer(config, active, faults, deviceOf(active), snapshot);
      trainers.push(t);
      return t;
    },
    startBackend: async (choice, _config, _options, thread) => {
      const name: BackendName = choice === "auto" ? "wasm" : choice;
      switchTo(name);
      return {
        report: { name, info: { name }, reason: `${name} was requested`, timings: [], thread },
      };
    },
    useBackend: async (name) => {
      switchTo(name);
      return { name };
    },
    activeBackend: () => active,
    activeBackendLost: () => deviceOf(active).lost,
    describeBackend: (name) => ({ name }),
  };
  return { engine, trainers, started };
}

const A: TrainConfig = { ...DEFAULT_CONFIG, loss: "ce" };
const B: TrainConfig = { ...DEFAULT_CONFIG, loss: "alpha-fl" };

function setupOf(backend: SessionSetup["backend"] = "wasm", generation = 0): SessionSetup {
  return { runs: { a: A, b: B }, backend, evalEvery: 5, generation };
}

function sessionWith(faults: Faults = {}, evaluator?: SnapshotEvaluator) {
  const fake = fakeEngine(faults);
  const updates: SessionUpdate[] = [];
  const session = new TrainingSession({
    thread: "worker",
    backendOptions: {},
    yieldToHost: () => new Promise((resolve) => setTimeout(resolve, 0)),
    engine: fake.engine,
    ...(evaluator ? { evaluator: () => evaluator } : {}),
  });
  return { session, updates, onUpdate: (u: SessionUpdate) => updates.push(u), ...fake };
}

/** Play until `done` holds for the updates so far (or fail after a while), then pause. */
async function playUntil(
  t: ReturnType<typeof sessionWith>,
  done: (updates: SessionUpdate[]) => boolean,
): Promise<void> {
  t.session.play();
  for (let i = 0; i < 2000 && !done(t.updates); i++) await new Promise((r) => setTimeout(r, 0));
  t.session.pause();
  expect(done(t.updates)).toBe(true);
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
}

const lastStep = (updates: SessionUpdate[], id: "a" | "b") =>
  updates.flatMap((u) => u.runs.filter((r) => r.id === id).map((r) => r.step)).at(-1) ?? 0;

describe("TrainingSession", () => {
  it("starts by evaluating both runs at step 0 and saying which backend trains", async () => {
    const t = sessionWith();
    await t.session.start(setupOf(), t.onUpdate);
    expect(t.updates.map((u) => u.status)).toEqual(["starting", "idle"]);
    const idle = t.updates[1] as SessionUpdate;
    expect(idle.runs.map((r) => [r.id, r.step, r.evaluation?.step])).toEqual([
      ["a", 0, 0],
      ["b", 0, 0],
    ]);
    expect(idle.runs.every((r) => r.ranked !== undefined)).toBe(true);
    expect(idle.backend?.name).toBe("wasm");
  });

  it("plays both runs in lockstep, sending every step once, in order, until paused", async () => {
    const t = sessionWith();
    await t.session.start(setupOf(), t.onUpdate);
    await playUntil(t, (u) => lastStep(u, "b") >= 12);
    for (const id of ["a", "b"] as const) {
      const deltas = t.updates.flatMap((u) =>
        u.runs.filter((r) => r.id === id && r.steps).map((r) => r.steps),
      );
      const steps = deltas.flatMap((d) =>
        Array.from(d?.loss ?? [], (_, k) => (d?.firstStep ?? 0) + k),
      );
      expect(steps).toEqual(Array.from({ length: steps.length }, (_, k) => k + 1));
      const evaluated = t.updates.flatMap((u) =>
        u.runs.filter((r) => r.id === id && r.evaluation).map((r) => r.step),
      );
      expect(evaluated.slice(0, 3)).toEqual([0, 5, 10]);
    }
    expect(t.updates.at(-1)?.status).toBe("paused");
    const stopped = lastStep(t.updates, "a");
    await new Promise((r) => setTimeout(r, 20));
    expect(lastStep(t.updates, "a")).toBe(stopped);
  });

  it("pauses at the budget with an evaluation there, once: Play again trains on past it", async () => {
    const t = sessionWith();
    await t.session.start({ ...setupOf(), evalEvery: 4, pauseAt: 7 }, t.onUpdate);
    const settle = async (n = 200) => {
      for (let i = 0; i < n; i++) await new Promise((r) => setTimeout(r, 0));
    };
    t.session.play();
    await settle();
    expect(t.updates.at(-1)?.status).toBe("paused");
    expect([lastStep(t.updates, "a"), lastStep(t.updates, "b")]).toEqual([7, 7]);
    const evaluatedAt = (id: "a" | "b") =>
      t.updates.flatMap((u) =>
        u.runs.filter((r) => r.id === id && r.evaluation).map((r) => r.step),
      );
    // Due evaluations happen at flushes (every 5 steps); the budget gets its own.
    expect(evaluatedAt("a")).toEqual([0, 5, 7]);
    await playUntil(t, (u) => lastStep(u, "a") >= 12);
    expect(lastStep(t.updates, "a")).toBeGreaterThan(7);
  });

  it("runs start, step and reset one at a time, in call order, each stamped with its generation", async () => {
    const t = sessionWith();
    const started = t.session.start(setupOf("wasm", 0), t.onUpdate);
    const stepped = t.session.step();
    const reset = t.session.reset(setupOf("wasm", 7));
    await Promise.all([started, stepped, reset]);
    expect(t.updates.map((u) => [u.generation, u.status])).toEqual([
      [0, "starting"],
      [0, "idle"],
      [0, "paused"],
      [0, "paused"],
      [7, "starting"],
      [7, "idle"],
    ]);
    const stepUpdate = t.updates[2] as SessionUpdate;
    expect(stepUpdate.runs.map((r) => r.step)).toEqual([1, 1]);
    // The reset disposed the first pair of trainers.
    expect(t.trainers.slice(0, 2).every((tr) => tr.disposed)).toBe(true);
  });

  it("after a backend failure mid-run, continues on the next backend from the last evaluated weights", async () => {
    const t = sessionWith({ crashAt: { step: 8, on: ["webgl"] } });
    await t.session.start(setupOf("webgl"), t.onUpdate);
    await playUntil(t, (u) => lastStep(u, "a") >= 14);
    const switched = t.updates.find((u) => u.notice);
    expect(switched?.notice).toMatch(/The webgl backend failed \(webgl lost its device\)/);
    expect(switched?.notice).toMatch(/A from step 5, B from step 5/);
    expect(switched?.backend?.name).toBe("wasm");
    expect(switched?.runs.map((r) => r.step)).toEqual([5, 5]);
    expect(t.trainers.filter((tr) => tr.backend === "wasm").length).toBe(2);
    expect(t.updates.some((u) => u.error)).toBe(false);
  });

  it("keeps a run's divergence across a backend switch, and trains the other one on", async () => {
    const t = sessionWith({
      divergeAt: { step: 3, loss: "ce" },
      crashAt: { step: 8, on: ["webgl"] },
    });
    await t.session.start(setupOf("webgl"), t.onUpdate);
    await playUntil(t, (u) => lastStep(u, "b") >= 12);
    const after = t.updates.filter((_, i) => i > t.updates.findIndex((x) => x.notice));
    const a = after.flatMap((u) => u.runs.filter((r) => r.id === "a"));
    expect(a.length).toBeGreaterThan(0);
    expect(a.every((r) => r.divergence?.step === 3)).toBe(true);
    expect(lastStep(t.updates, "b")).toBeGreaterThanOrEqual(12);
  });

  it("stops with an error, never a silent stall, when no other backend works", async () => {
    const t = sessionWith({
      crashAt: { step: 3, on: ["webgl"] },
      broken: ["wasm", "webgpu", "cpu"],
    });
    await t.session.start(setupOf("webgl"), t.onUpdate);
    await playUntil(t, (u) => u.some((x) => x.error));
    const failed = t.updates.find((u) => u.error);
    expect(failed?.status).toBe("stopped");
    expect(failed?.error).toMatch(/webgl failed .* no other backend works/);
    expect(t.updates.at(-1)?.status).toBe("stopped");
  });

  it("shows a diverged run at the step it diverged, not at the step the divergence was found", async () => {
    const t = sessionWith({ divergeAt: { step: 2, loss: "ce" } });
    await t.session.start(setupOf(), t.onUpdate);
    await playUntil(t, (u) => lastStep(u, "b") >= 10);
    const a = t.updates.flatMap((u) => u.runs.filter((r) => r.id === "a" && r.divergence));
    expect(a.length).toBeGreaterThan(0);
    expect(a.every((r) => r.step === 2 && r.stepsPerSecond === 0)).toBe(true);
  });

  it("plays when Play comes while a reset is being applied (it is never dropped)", async () => {
    const t = sessionWith();
    await t.session.start(setupOf("wasm", 0), t.onUpdate);
    // The page sends both at once: a setting changed just before Play was pressed.
    const reset = t.session.reset(setupOf("wasm", 1));
    t.session.play();
    await reset;
    const current = () => t.updates.filter((u) => u.generation === 1);
    for (let i = 0; i < 500 && lastStep(current(), "a") < 10; i++)
      await new Promise((r) => setTimeout(r, 0));
    t.session.pause();
    expect(lastStep(current(), "a")).toBeGreaterThanOrEqual(10);
    expect(current().map((u) => u.status)).toContain("running");
  });

  it("plays when Play comes during a Step, once the step is done", async () => {
    const t = sessionWith();
    await t.session.start(setupOf(), t.onUpdate);
    const step = t.session.step();
    t.session.play();
    await step;
    for (let i = 0; i < 500 && lastStep(t.updates, "a") < 10; i++)
      await new Promise((r) => setTimeout(r, 0));
    t.session.pause();
    expect(lastStep(t.updates, "a")).toBeGreaterThanOrEqual(10);
  });

  it("a Pause sent after Play wins, even while an operation is still queued", async () => {
    const t = sessionWith();
    await t.session.start(setupOf(), t.onUpdate);
    const step = t.session.step();
    t.session.play();
    t.session.pause();
    await step;
    for (let i = 0; i < 50; i++) await new Promise((r) => setTimeout(r, 0));
    expect(lastStep(t.updates, "a")).toBe(1);
    expect(t.updates.some((u) => u.status === "running")).toBe(false);
  });

  it("survives a lost device whose read-backs are bounded: continues elsewhere, pauses and resets", async () => {
    const t = sessionWith({ loseAt: { step: 7, on: "webgl" }, boundReadBacks: true });
    await t.session.start(setupOf("webgl"), t.onUpdate);
    await playUntil(t, (u) => lastStep(u, "a") >= 14);
    const switched = t.updates.find((u) => u.notice);
    expect(switched?.notice).toMatch(/The webgl backend failed \(the WebGL context was lost\)/);
    expect(switched?.backend?.name).toBe("wasm");
    expect(t.updates.at(-1)?.status).toBe("paused");
    // Reset with the same setup asks for webgl again, and gets a fresh device.
    await t.session.reset(setupOf("webgl", 1));
    expect(t.updates.at(-1)).toMatchObject({ generation: 1, status: "idle" });
    expect(t.updates.at(-1)?.backend?.name).toBe("webgl");
    expect(t.started.at(-1)).toBe("webgl");
  });

  it("starts on the next backend when the chosen one fails while evaluating step 0", async () => {
    const t = sessionWith({ loseAt: { step: 0, on: "webgl" }, boundReadBacks: true });
    await t.session.start(setupOf("webgl"), t.onUpdate);
    const idle = t.updates.at(-1);
    expect(idle?.status).toBe("idle");
    expect(idle?.backend?.name).toBe("wasm");
    expect(idle?.notice).toMatch(/The webgl backend failed \(the WebGL context was lost\)/);
    expect(idle?.runs.map((r) => r.evaluation?.step)).toEqual([0, 0]);
    await playUntil(t, (u) => lastStep(u, "a") >= 5);
  });

  describe("with a second worker for evaluations", () => {
    const evaluatedSteps = (updates: SessionUpdate[], id: "a" | "b") =>
      updates.flatMap((u) =>
        u.runs.filter((r) => r.id === id && r.evaluation).map((r) => r.evaluation?.step),
      );
    const settle = async (n = 50) => {
      for (let i = 0; i < n; i++) await new Promise((r) => setTimeout(r, 0));
    };
    const waitFor = async (done: () => boolean) => {
      for (let i = 0; i < 2000 && !done(); i++) await new Promise((r) => setTimeout(r, 0));
      expect(done()).toBe(true);
    };

    it("trains on while it evaluates, asks for no more until it answers, and posts both runs together", async () => {
      const second = fakeEvaluator();
      const t = sessionWith({}, second.evaluator);
      await t.session.start(setupOf(), t.onUpdate);
      // Step 0 is evaluated here.
      expect(second.asked).toEqual([]);
      expect(t.updates.at(-1)?.backend?.evaluations).toBe("second worker");
      t.session.play();
      await waitFor(() => lastStep(t.updates, "a") >= 17);
      // Training went on past 10 and 15 while step 5 was being evaluated; nothing else was asked.
      expect(second.asked).toEqual([
        { run: "a", step: 5 },
        { run: "b", step: 5 },
      ]);
      expect(evaluatedSteps(t.updates, "a")).toEqual([0]);
      second.release(); // b's answer first
      await waitFor(() => second.asked.length === 4);
      // The runs stayed due: the next flush asked at once, for both.
      const next = second.asked[2]?.step ?? 0;
      expect(second.asked.slice(2)).toEqual([
        { run: "a", step: next },
        { run: "b", step: next },
      ]);
      expect(next).toBeGreaterThanOrEqual(20);
      second.release();
      await settle();
      t.session.pause();
      second.release();
      await settle();
      const a = evaluatedSteps(t.updates, "a");
      expect(a.slice(0, 3)).toEqual([0, 5, next]);
      expect(a).toEqual([...a].sort((x, y) => (x ?? 0) - (y ?? 0)));
      expect(new Set(a).size).toBe(a.length);
      for (const u of t.updates.filter((x) => x.runs.some((r) => r.evaluation))) {
        if (u.runs[0]?.evaluation?.step === 0) continue;
        // Each run's own result, both in one update.
        expect(u.runs.map((r) => [r.id, r.evaluation?.recallAtP50])).toEqual([
          ["a", 0.25],
          ["b", 0.75],
        ]);
        expect(u.runs[1]?.evaluation?.step).toBe(u.runs[0]?.evaluation?.step);
      }
      expect(t.updates.some((u) => u.notice)).toBe(false);
    });

    it("a Step waits for the evaluation in flight, then evaluates on its own thread", async () => {
      const second = fakeEvaluator();
      const t = sessionWith({}, second.evaluator);
      await t.session.start(setupOf(), t.onUpdate);
      t.session.play();
      await waitFor(() => second.asked.length === 2);
      const stepped = t.session.step();
      await settle();
      second.release();
      await stepped;
      const a = evaluatedSteps(t.updates, "a");
      expect(a.slice(0, 2)).toEqual([0, 5]);
      expect(a.length).toBe(3);
      expect(a[2]).toBe(lastStep(t.updates, "a"));
      expect(second.asked.length).toBe(2);
      expect(t.updates.at(-1)?.status).toBe("paused");
    });

    it("evaluates the budget's step once: the pause does not repeat what the worker just did", async () => {
      const second = fakeEvaluator("auto");
      const t = sessionWith({}, second.evaluator);
      await t.session.start({ ...setupOf(), pauseAt: 10 }, t.onUpdate);
      t.session.play();
      await waitFor(() => t.updates.at(-1)?.status === "paused");
      await settle();
      expect(evaluatedSteps(t.updates, "a")).toEqual([0, 5, 10]);
      expect(second.asked.filter((x) => x.run === "a").map((x) => x.step)).toEqual([5, 10]);
    });

    it("drops an evaluation that comes back after a reset", async () => {
      const second = fakeEvaluator();
      const t = sessionWith({}, second.evaluator);
      await t.session.start(setupOf("wasm", 0), t.onUpdate);
      t.session.play();
      await waitFor(() => second.asked.length === 2);
      await t.session.reset(setupOf("wasm", 1));
      second.release();
      await settle();
      const late = t.updates.filter((u) => u.generation === 1 && u.runs.some((r) => r.evaluation));
      expect(late.flatMap((u) => u.runs.map((r) => r.evaluation?.step))).toEqual([0, 0]);
    });

    it("after a failover away from wasm, ends the worker and evaluates here, in order, without a false alarm", async () => {
      const second = fakeEvaluator();
      const t = sessionWith({ crashAt: { step: 8, on: ["wasm"] } }, second.evaluator);
      await t.session.start(setupOf(), t.onUpdate);
      t.session.play();
      // Step 5's evaluation is with the worker when wasm fails at step 8.
      await waitFor(() => t.updates.some((u) => u.notice));
      await playUntil(t, (u) => evaluatedSteps(u, "a").length >= 3);
      expect(second.disposed()).toBe(true);
      const notices = t.updates.flatMap((u) => (u.notice ? [u.notice] : []));
      expect(notices.join(" ")).toMatch(/The wasm backend failed/);
      expect(notices.join(" ")).not.toMatch(/second worker/);
      const a = evaluatedSteps(t.updates, "a");
      expect(a).toEqual([...a].sort((x, y) => (x ?? 0) - (y ?? 0)));
      expect(t.updates.filter((u) => u.backend).at(-1)?.backend?.evaluations).toBe(
        "training thread",
      );
    });

    it("says so and evaluates on its own thread when the second worker fails", async () => {
      const second = fakeEvaluator("broken");
      const t = sessionWith({}, second.evaluator);
      await t.session.start(setupOf(), t.onUpdate);
      await playUntil(t, (u) => evaluatedSteps(u, "a").length >= 3);
      expect(second.asked.length).toBeGreaterThan(0);
      const failed = t.updates.find((u) => u.notice);
      expect(failed?.notice).toMatch(
        /run on the training thread from now on: .*the worker crashed/,
      );
      expect(failed?.backend?.evaluations).toBe("training thread");
      const asked = second.asked.length;
      await playUntil(t, (u) => evaluatedSteps(u, "a").length >= 5);
      expect(second.asked.length).toBe(asked);
    });

    it("is not used when the setup says so, nor on another backend", async () => {
      for (const setup of [{ ...setupOf(), evaluateOffThread: false }, setupOf("webgl")]) {
        const second = fakeEvaluator();
        const t = sessionWith({}, second.evaluator);
        await t.session.start(setup, t.onUpdate);
        expect(t.updates.at(-1)?.backend?.evaluations).toBe("training thread");
        await playUntil(t, (u) => evaluatedSteps(u, "a").length >= 3);
        expect(second.asked).toEqual([]);
      }
    });
  });

  it("runs a job's trainings in order and stops between trainings when cancelled", async () => {
    const t = sessionWith();
    const progress: JobProgress[] = [];
    await t.session.runJob(
      { kind: "seeds", runs: { a: A, b: B }, seeds: [1, 2], steps: 10 },
      "wasm",
      (p) => {
        progress.push(p);
        if (p.done === 1) t.session.cancelJob();
      },
    );
    expect(progress.map((p) => [p.done, p.total])).toEqual([
      [0, 4],
      [1, 4],
    ]);
    expect(progress[1]?.result?.key).toEqual({ seed: 1, run: "a" });
    expect(progress[1]?.result?.ap).toBeCloseTo(0.1);
    expect(t.trainers.every((tr) => tr.disposed)).toBe(true);
  });
});
