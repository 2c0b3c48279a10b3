/**
 * The design study of docs/design-study.md: trains (task variant × loss × seed) under the
 * paper's recipe on the wasm backend in Node and records held-out AP at fixed steps.
 *
 *   npx tsx bench/designStudy.ts <plan> [--variants a,b] [--losses ce,afl] [--seeds 1-10]
 *       [--checkpoints 250,500] [--warmup N] [--out NAME]
 *   npx tsx bench/designStudy.ts report bench-results/design-study-NAME.json … [--at 500] [--compact]
 *   npx tsx bench/designStudy.ts doc      (rewrites docs/design-study.md's generated blocks)
 *   npx tsx bench/designStudy.ts speed
 *   npx tsx bench/designStudy.ts diagnose VARIANT LOSS SEED [--steps 10,50,250] [--warmup N]
 *
 * Plans are in bench/designStudyPlans.ts. Runs append to bench-results/design-study-NAME.json
 * (NAME defaults to the plan) after each run, and a run already in the file is skipped, so an
 * interrupted study resumes where it stopped. Every run is deterministic given its seed.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import * as tf from "@tensorflow/tfjs";
import { useBackend } from "../src/engine/backend";
import { Trainer } from "../src/engine/trainer";
import { DEFAULT_CONFIG, type TrainConfig } from "../src/experiment/config";
import { createHeldOutSet, type HeldOutSet, trainingBatch } from "../src/experiment/dataset";
import { resolveTask } from "../src/experiment/task";
import { summarize } from "../src/math/seedStats";
import type { LossShares } from "../src/math/shares";
import { diagnose } from "./designStudyDiagnose";
import { STUDY_DOC, studyBlocks, withBlocks } from "./designStudyDoc";
import { LOSSES, PLANS, type Plan, RECIPE, VARIANTS } from "./designStudyPlans";
import { compactReport, studyReport } from "./designStudyReport";
import { median } from "./layersBaseline";

export interface StudyCheckpoint {
  step: number;
  ap: number;
  recallAtP50: number;
  /** Mean training loss over the 10 steps before the checkpoint. */
  trainLoss: number;
  /** Standard deviation of the held-out logits: about 0 when the model outputs a constant. */
  logitStd?: number;
  shares: LossShares;
}

export interface StudyRun {
  key: string;
  variant: string;
  loss: string;
  seed: number;
  warmupSteps: number;
  config: TrainConfig;
  checkpoints: StudyCheckpoint[];
  divergence: { step: number; reason: string } | null;
  msPerStep: number;
  wallSeconds: number;
}

export interface StudyFile {
  name: string;
  environment: Record<string, unknown>;
  runs: StudyRun[];
}

const READ_EVERY = 10;

function parseList(value: string): string[] {
  return value.split(",").filter((s) => s.length > 0);
}

function parseSeeds(value: string): number[] {
  return parseList(value).flatMap((part) => {
    const [from, to] = part.split("-").map(Number);
    if (to === undefined) return [from as number];
    return Array.from(
      { length: (to as number) - (from as number) + 1 },
      (_, i) => (from as number) + i,
    );
  });
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

function planFrom(args: string[]): { name: string; plan: Plan } {
  const base = PLANS[args[0] as string];
  if (!base) throw new Error(`unknown plan ${args[0]}; plans: ${Object.keys(PLANS).join(", ")}`);
  const pick = (name: string) => option(args, name);
  const plan: Plan = {
    variants: pick("variants") ? parseList(pick("variants") as string) : base.variants,
    losses: pick("losses") ? parseList(pick("losses") as string) : base.losses,
    seeds: pick("seeds") ? parseSeeds(pick("seeds") as string) : base.seeds,
    checkpoints: pick("checkpoints")
      ? parseList(pick("checkpoints") as string).map(Number)
      : base.checkpoints,
    warmupSteps: pick("warmup") ? Number(pick("warmup")) : base.warmupSteps,
  };
  for (const v of plan.variants)
    if (!VARIANTS.some((x) => x.name === v)) throw new Error(`unknown variant ${v}`);
  for (const l of plan.losses)
    if (!LOSSES.some((x) => x.id === l)) throw new Error(`unknown loss ${l}`);
  return { name: pick("out") ?? (args[0] as string), plan };
}

function configOf(variant: string, loss: string, seed: number, warmupSteps: number): TrainConfig {
  const v = VARIANTS.find((x) => x.name === variant);
  const l = LOSSES.find((x) => x.id === loss);
  if (!v || !l) throw new Error(`unknown variant ${variant} or loss ${loss}`);
  return {
    ...DEFAULT_CONFIG,
    ...RECIPE,
    ...l.config,
    seed,
    imbalance: v.imbalance,
    warmupSteps,
    task: v.task,
  };
}

function keyOf(variant: string, loss: string, seed: number, warmup: number, checkpoints: number[]) {
  return JSON.stringify([variant, loss, seed, warmup, checkpoints]);
}

async function trainOne(config: TrainConfig, heldOut: HeldOutSet, checkpoints: number[]) {
  const started = performance.now();
  const trainer = new Trainer(config, { heldOut });
  const records: StudyCheckpoint[] = [];
  const chunkMs: number[] = [];
  let recent: number[] = [];
  const last = Math.max(...checkpoints);
  while (trainer.stepCount < last && !trainer.divergence) {
    const start = performance.now();
    for (let i = 0; i < READ_EVERY; i++) trainer.step();
    const log = await trainer.flush();
    chunkMs.push((performance.now() - start) / READ_EVERY);
    recent = Array.from(log.loss);
    if (checkpoints.includes(trainer.stepCount) && !trainer.divergence) {
      const e = await trainer.evaluate();
      const trainLoss = recent.reduce((a, b) => a + b, 0) / recent.length;
      const logitStd = summarize(Array.from(e.predictions.logits)).sd;
      records.push({
        step: e.step,
        ap: e.ap,
        recallAtP50: e.recallAtP50,
        trainLoss,
        logitStd,
        shares: e.shares,
      });
    }
  }
  const result = {
    checkpoints: records,
    divergence: trainer.divergence,
    msPerStep: median(chunkMs),
    wallSeconds: (performance.now() - started) / 1000,
  };
  trainer.dispose();
  return result;
}

function load(file: string, name: string): StudyFile {
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as StudyFile;
  return { name, environment: {}, runs: [] };
}

function save(file: string, study: StudyFile) {
  writeFileSync(`${file}.tmp`, JSON.stringify(study, null, 1));
  renameSync(`${file}.tmp`, file);
}

async function runPlan(args: string[]) {
  const { name, plan } = planFrom(args);
  const backend = await useBackend("wasm");
  mkdirSync("bench-results", { recursive: true });
  const file = `bench-results/design-study-${name}.json`;
  const study = load(file, name);
  study.environment = {
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    tfjs: tf.version.tfjs,
    backend,
  };
  const done = new Set(study.runs.map((r) => r.key));
  const heldOuts = new Map<string, HeldOutSet>();
  const total = plan.variants.length * plan.losses.length * plan.seeds.length;
  let index = 0;
  // Seeds outermost, so that an interrupted study has every setting at the same few seeds.
  for (const seed of plan.seeds) {
    for (const variant of plan.variants) {
      for (const loss of plan.losses) {
        index++;
        const key = keyOf(variant, loss, seed, plan.warmupSteps, plan.checkpoints);
        if (done.has(key)) continue;
        const config = configOf(variant, loss, seed, plan.warmupSteps);
        let heldOut = heldOuts.get(variant);
        if (!heldOut) {
          heldOut = createHeldOutSet(config.imbalance, undefined, resolveTask(config.task));
          heldOuts.set(variant, heldOut);
        }
        const result = await trainOne(config, heldOut, plan.checkpoints);
        study.runs.push({
          key,
          variant,
          loss,
          seed,
          warmupSteps: plan.warmupSteps,
          config,
          ...result,
        });
        save(file, study);
        const end = result.checkpoints[result.checkpoints.length - 1];
        console.error(
          `[${index}/${total}] ${variant} ${loss} seed ${seed}: AP ${end?.ap.toFixed(3) ?? "–"} at ${end?.step ?? "–"}, ${result.msPerStep.toFixed(0)} ms/step${result.divergence ? `, diverged at ${result.divergence.step}` : ""}`,
        );
      }
    }
  }
  console.log(`JSON: ${file}`);
}

/** ms per training step of each model size, and ms per batch of scene generation per variant. */
async function speed() {
  await useBackend("wasm");
  const widths = [
    [4, 8, 8],
    [8, 16, 16],
    [16, 32, 32],
    [8, 16, 16, 16],
  ];
  const rows: string[] = [];
  for (const channels of widths) {
    const config = { ...DEFAULT_CONFIG, ...RECIPE, task: { channels } } as TrainConfig;
    const trainer = new Trainer(config, {
      heldOut: createHeldOutSet(config.imbalance, 1, resolveTask(config.task)),
    });
    const times: number[] = [];
    for (let i = 0; i < 33; i++) {
      const start = performance.now();
      trainer.step();
      await trainer.flush();
      if (i >= 3) times.push(performance.now() - start);
    }
    rows.push(
      `| ${channels.join(", ")} | ${trainer.model.parameterCount} | ${median(times).toFixed(0)} |`,
    );
    trainer.dispose();
  }
  console.log("| channels | parameters | ms/step (median of 30, batch 16) |\n|---|---|---|");
  console.log(rows.join("\n"));
  console.log("\n| imbalance | held-out images | ms per evaluate() (median of 3) |\n|---|---|---|");
  for (const imbalance of [1000, 2000, 5000, 10000]) {
    const config = { ...DEFAULT_CONFIG, ...RECIPE, imbalance } as TrainConfig;
    const trainer = new Trainer(config);
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      await trainer.evaluate();
      times.push(performance.now() - start);
    }
    console.log(
      `| 1:${imbalance} | ${trainer.heldOut.batch.count} | ${median(times).toFixed(0)} |`,
    );
    trainer.dispose();
  }
  console.log("\n| variant | ms per batch of 16 scenes (median of 10) |\n|---|---|");
  for (const v of VARIANTS) {
    const task = resolveTask(v.task);
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const start = performance.now();
      trainingBatch(1, v.imbalance, i, 16, task);
      times.push(performance.now() - start);
    }
    console.log(`| ${v.name} | ${median(times).toFixed(1)} |`);
  }
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === "report") {
    const files = args.slice(1).filter((a) => a.endsWith(".json"));
    const at = option(args, "at");
    const runs = files.flatMap((f) => (JSON.parse(readFileSync(f, "utf8")) as StudyFile).runs);
    console.log(
      args.includes("--compact")
        ? compactReport(runs)
        : studyReport(runs, at ? Number(at) : undefined),
    );
  } else if (args[0] === "doc") {
    writeFileSync(STUDY_DOC, withBlocks(readFileSync(STUDY_DOC, "utf8"), studyBlocks()));
    console.log(`${STUDY_DOC}: generated blocks rewritten`);
  } else if (args[0] === "speed") await speed();
  else if (args[0] === "diagnose") {
    await useBackend("wasm");
    const [variant, loss, seed] = args.slice(1, 4) as [string, string, string];
    const steps = parseList(option(args, "steps") ?? "10,25,50,100,250,500").map(Number);
    const config = configOf(variant, loss, Number(seed), Number(option(args, "warmup") ?? 0));
    await diagnose(config, steps);
  } else await runPlan(args);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
