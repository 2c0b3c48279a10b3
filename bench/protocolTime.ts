/**
 * Timing pieces of the worker protocol's overhead (bench:efficiency, bench/protocolBeforeAfter):
 * two bare trainers against the real TrainingSession, in wall and CPU time. The session and
 * trainer classes are parameters, so another revision's (imported from a copy of it) can be
 * timed in the same process.
 */
import type { TrainingSession } from "../src/engine/session";
import type { Trainer } from "../src/engine/trainer";
import type { TrainConfig } from "../src/experiment/config";
import type { HeldOutSet } from "../src/experiment/dataset";
import type { RunId, SessionUpdate } from "../src/experiment/protocol";

/**
 * Wall and CPU milliseconds (this process's user + system time) since `since`. On a shared
 * 2-core machine the wall time also counts waiting for a core; the CPU time is closer to the work.
 */
export interface Clock {
  wall: number;
  cpu: number;
}
export function clock(since?: Clock): Clock {
  const u = process.cpuUsage();
  const now = { wall: performance.now(), cpu: (u.user + u.system) / 1000 };
  return since ? { wall: now.wall - since.wall, cpu: now.cpu - since.cpu } : now;
}

export type Pair = Record<RunId, TrainConfig>;
type TrainerClass = new (config: TrainConfig, options: { heldOut: HeldOutSet }) => Trainer;
type SessionClass = new (host: ConstructorParameters<typeof TrainingSession>[0]) => TrainingSession;

/** Two bare trainers in lockstep for `steps` steps, read back every 5 steps as the session does. */
export async function bareTime(
  TrainerOf: TrainerClass,
  pair: Pair,
  heldOut: (c: TrainConfig) => HeldOutSet,
  steps: number,
): Promise<Clock> {
  const trainers = [pair.a, pair.b].map((c) => new TrainerOf(c, { heldOut: heldOut(c) }));
  for (const t of trainers) t.step();
  await Promise.all(trainers.map((t) => t.flush()));
  const start = clock();
  for (let i = 1; i <= steps; i++) {
    for (const t of trainers) t.step();
    if (i % 5 === 0) for (const t of trainers) await t.flush();
  }
  for (const t of trainers) await t.flush();
  const spent = clock(start);
  for (const t of trainers) t.dispose();
  return spent;
}

/**
 * The real session on wasm (auto off), playing `steps` steps after its first Step; updates
 * cloned as a postMessage would copy them.
 */
export async function sessionTime(
  SessionOf: SessionClass,
  pair: Pair,
  steps: number,
  evalEvery: number,
) {
  let cloneMs = 0;
  let updates = 0;
  let reached: (() => void) | null = null;
  let lastStep = 0;
  const session = new SessionOf({
    thread: "worker",
    backendOptions: {},
    yieldToHost: () => new Promise((resolve) => setImmediate(resolve)),
  });
  const onUpdate = (u: SessionUpdate) => {
    const start = performance.now();
    structuredClone(u);
    cloneMs += performance.now() - start;
    updates += 1;
    for (const r of u.runs) if (r.id === "a") lastStep = r.step;
    if (lastStep >= steps + 1 && reached) reached();
  };
  await session.start({ runs: pair, backend: "wasm", evalEvery, generation: 0 }, onUpdate);
  await session.step();
  const done = new Promise<void>((resolve) => {
    reached = resolve;
  });
  const start = clock();
  session.play();
  await done;
  const spent = clock(start);
  session.pause();
  session.dispose();
  return { ...spent, steps: lastStep - 1, cloneMs, updates };
}
