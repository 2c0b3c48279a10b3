/**
 * The worker protocol's overhead of this checkout against another revision's, side by side in
 * one process, for before/after figures that share the machine's load:
 *
 *   git archive REV | tar -x -C /tmp/before && ln -s "$PWD/node_modules" /tmp/before/
 *   BEFORE_DIR=/tmp/before npx tsx bench/protocolBeforeAfter.ts
 *
 * (the link makes both revisions use one tfjs). The page's default pair, on wasm in Node: per
 * round, two bare trainers and each revision's real TrainingSession evaluating every
 * PROTOCOL_INTERVALS steps (default 50, the page's, and none at all), in an order that rotates
 * from round to round; then each revision's held-out evaluation (evaluate + Figure 4's ranking)
 * timed apart. Prints wall and CPU time per step of both runs; a benchmark, no assertions.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { useBackend } from "../src/engine/backend";
import { rankedOf } from "../src/engine/run";
import { TrainingSession } from "../src/engine/session";
import { Trainer } from "../src/engine/trainer";
import type { TrainConfig } from "../src/experiment/config";
import { createHeldOutSet } from "../src/experiment/dataset";
import { median } from "./layersBaseline";
import { bareTime, type Clock, type Pair, sessionTime } from "./protocolTime";

const BEFORE_DIR = process.env.BEFORE_DIR;
const STEPS = Number(process.env.PROTOCOL_STEPS ?? 150);
const ROUNDS = Number(process.env.PROTOCOL_ROUNDS ?? 3);
/** 0 stands for no evaluation during play. */
const INTERVALS = (process.env.PROTOCOL_INTERVALS ?? "50,0").split(",").map(Number);
const NONE = 1_000_000;

const pair = (JSON.parse(readFileSync("public/recorded-run.json", "utf8")) as { config: Pair })
  .config;
const heldOutOf = (c: TrainConfig) => createHeldOutSet(c.imbalance);

interface Revision {
  name: string;
  Session: typeof TrainingSession;
  Trainer: typeof Trainer;
  rankedOf: typeof rankedOf;
}

async function importRevision(dir: string): Promise<Revision> {
  const load = (path: string) => import(pathToFileURL(join(dir, path)).href);
  const [session, trainer, run] = await Promise.all([
    load("src/engine/session.ts"),
    load("src/engine/trainer.ts"),
    load("src/engine/run.ts"),
  ]);
  return {
    name: `before (${dir})`,
    Session: session.TrainingSession,
    Trainer: trainer.Trainer,
    rankedOf: run.rankedOf,
  };
}

/** Median ms of `evaluate()` + `rankedOf` of each run of the pair after 50 steps, 5 times. */
async function evaluationMs(rev: Revision): Promise<number[]> {
  const out = [];
  for (const config of [pair.a, pair.b]) {
    const trainer = new rev.Trainer(config, { heldOut: heldOutOf(config) });
    await trainer.train(50, 5);
    const times = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      rev.rankedOf(await trainer.evaluate());
      times.push(performance.now() - start);
    }
    trainer.dispose();
    out.push(+median(times).toFixed(1));
  }
  return out;
}

async function main() {
  if (!BEFORE_DIR) throw new Error("set BEFORE_DIR to a copy of the revision to compare with");
  await useBackend("wasm");
  const after: Revision = {
    name: "after (this checkout)",
    Session: TrainingSession,
    Trainer,
    rankedOf,
  };
  const revisions = [await importRevision(BEFORE_DIR), after];
  const cases = revisions.flatMap((rev) =>
    INTERVALS.map((n) => ({ rev, evalEvery: n === 0 ? NONE : n, wall: 0, cpu: 0, steps: 0 })),
  );
  const bare: Clock[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    bare.push(await bareTime(Trainer, pair, heldOutOf, STEPS));
    for (let k = 0; k < cases.length; k++) {
      const c = cases[(k + round) % cases.length] as (typeof cases)[number];
      const r = await sessionTime(c.rev.Session, pair, STEPS, c.evalEvery);
      c.wall += r.wall;
      c.cpu += r.cpu;
      c.steps += r.steps;
    }
  }
  bare.push(await bareTime(Trainer, pair, heldOutOf, STEPS));
  const bareWall = bare.reduce((a, b) => a + b.wall, 0) / (bare.length * STEPS);
  const bareCpu = bare.reduce((a, b) => a + b.cpu, 0) / (bare.length * STEPS);
  console.log(
    `Bare pair: ${bareWall.toFixed(1)} ms wall, ${bareCpu.toFixed(1)} ms CPU per step of both runs (runs of ${STEPS} steps: ${bare.map((b) => (b.wall / STEPS).toFixed(1)).join(", ")} ms wall)`,
  );
  for (const c of cases) {
    const wall = c.wall / c.steps;
    const cpu = c.cpu / c.steps;
    const every = c.evalEvery === NONE ? "no evaluations" : `evaluating every ${c.evalEvery}`;
    console.log(
      `${c.rev.name}, ${every} (${c.steps} steps over ${ROUNDS} rounds): ${wall.toFixed(1)} ms wall → overhead ${((100 * (wall - bareWall)) / wall).toFixed(1)}%; ${cpu.toFixed(1)} ms CPU → ${((100 * (cpu - bareCpu)) / cpu).toFixed(1)}%`,
    );
  }
  for (const rev of revisions) {
    const [a, b] = await evaluationMs(rev);
    const both = (a as number) + (b as number);
    const estimate = INTERVALS.filter((n) => n > 0)
      .map((n) => `${((100 * both) / (n * bareWall + both)).toFixed(1)}% at every ${n}`)
      .join(", ");
    console.log(
      `${rev.name}: one held-out evaluation with Figure 4's ranking ${a} ms (A) and ${b} ms (B); from these and the bare step alone, evaluations would cost ${estimate}`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
