/**
 * `npm run bench:train [-- --quick] [-- --seeds N] [-- --only id,id] [-- --extended]`: trains the
 * benchmark settings the site quotes (src/experiment/trainBench.ts: the paper's recipe first,
 * then Adam; with --extended also the γ sweep, OHEM at batch 256 and CE under Adam) over the
 * same seeds on the wasm backend in Node, records held-out AP, recall at precision ≥ 0.5 and the easy
 * negatives' loss share at fixed steps, measures the engine's speed, and
 *   - full run: writes the checked-in results the site quotes (src/content/measured/train-bench.json)
 *     and regenerates the tables in docs/benchmarks.md;
 *   - --quick (under 2 minutes): two settings, two seeds, 250 steps; writes bench-results/ only.
 * Progress is saved after every training (bench-results/train-partial.json), so an interrupted
 * full run resumes where it stopped.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import * as tf from "@tensorflow/tfjs";
import { useBackend } from "../src/engine/backend";
import { trainingStepFlops } from "../src/engine/model";
import { Trainer } from "../src/engine/trainer";
import { DEFAULT_CONFIG, type TrainConfig } from "../src/experiment/config";
import { createHeldOutSet, type HeldOutSet, trainingBatch } from "../src/experiment/dataset";
import { TOY_BUDGET, TOY_TASK } from "../src/experiment/recipes";
import {
  BENCH_SETTINGS,
  type BenchCheckpoint,
  type BenchRun,
  type BenchSetting,
  round4,
  TRAIN_BENCH_FORMAT,
  type TrainBenchResults,
} from "../src/experiment/trainBench";
import { measureLayersFit, median } from "./layersBaseline";
import { engineStepMs } from "./stepTime";
import { matMulGflops } from "./throughput";
import { RESULTS_PATH, trainTables, writeBenchmarksDoc } from "./trainReport";
import { registerWasmConvBackpropFilter } from "./wasmConvBackpropFilter";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const SEED_COUNT = Number(arg("--seeds") ?? (quick ? 2 : 5));
const SEEDS = Array.from({ length: SEED_COUNT }, (_, i) => i + 1);
const CHECKPOINTS = quick ? [0, 100, 250] : [0, 100, 250, TOY_BUDGET];
const only = arg("--only")?.split(",");
const extended = args.includes("--extended");
const SETTINGS = BENCH_SETTINGS.filter((s) =>
  only
    ? only.includes(s.id)
    : quick
      ? ["sgd/alpha-fl", "sgd/alpha-ce-0.75"].includes(s.id)
      : extended || !s.extended,
);
/** Shared by every setting: the training page's default task (imbalance, 16 images per batch). */
const BASE: Partial<TrainConfig> = { ...TOY_TASK };
const READ_EVERY = 10;
const PARTIAL = "bench-results/train-partial.json";

function configOf(setting: BenchSetting, seed: number): TrainConfig {
  return { ...DEFAULT_CONFIG, ...BASE, ...setting.config, seed };
}

async function runOne(setting: BenchSetting, seed: number, heldOut: HeldOutSet): Promise<BenchRun> {
  const trainer = new Trainer(configOf(setting, seed), { heldOut });
  const checkpoints: BenchCheckpoint[] = [];
  const chunkMs: number[] = [];
  let maxGradNorm = 0;
  const record = async () => {
    const e = await trainer.evaluate();
    checkpoints.push({
      step: e.step,
      ap: round4(e.ap),
      recallAtP50: round4(e.recallAtP50),
      easyShare: round4(e.shares.loss.easyNegatives),
    });
  };
  await record();
  const last = CHECKPOINTS[CHECKPOINTS.length - 1] as number;
  while (trainer.stepCount < last && !trainer.divergence) {
    const start = performance.now();
    for (let i = 0; i < READ_EVERY; i++) trainer.step();
    const log = await trainer.flush();
    chunkMs.push((performance.now() - start) / READ_EVERY);
    for (const g of log.gradNorm) maxGradNorm = Math.max(maxGradNorm, g);
    if (CHECKPOINTS.includes(trainer.stepCount) && !trainer.divergence) await record();
  }
  const run = {
    setting: setting.id,
    seed,
    checkpoints,
    divergence: trainer.divergence,
    msPerStep: round4(median(chunkMs)),
    maxGradNorm: round4(maxGradNorm),
  };
  trainer.dispose();
  return run;
}

function loadPartial(): BenchRun[] {
  if (quick || only || !existsSync(PARTIAL)) return [];
  const saved = JSON.parse(readFileSync(PARTIAL, "utf8")) as {
    checkpoints: number[];
    runs: BenchRun[];
  };
  return JSON.stringify(saved.checkpoints) === JSON.stringify(CHECKPOINTS) ? saved.runs : [];
}

async function main() {
  const backend = await useBackend("wasm");
  const started = Date.now();
  const base = { ...DEFAULT_CONFIG, ...BASE };
  const heldOut = createHeldOutSet(base.imbalance);
  mkdirSync("bench-results", { recursive: true });
  const runs = loadPartial();
  if (runs.length > 0) console.error(`resuming: ${runs.length} trainings already done`);
  const total = SETTINGS.length * SEEDS.length;
  for (const setting of SETTINGS) {
    for (const seed of SEEDS) {
      if (runs.some((r) => r.setting === setting.id && r.seed === seed)) continue;
      const run = await runOne(setting, seed, heldOut);
      runs.push(run);
      if (!quick && !only)
        writeFileSync(PARTIAL, JSON.stringify({ checkpoints: CHECKPOINTS, runs }));
      const end = run.checkpoints.at(-1);
      console.error(
        `[${runs.length}/${total}] ${setting.id} seed ${seed}: AP ${end?.ap} at ${end?.step}, ${run.msPerStep} ms/step${run.divergence ? `, diverged at ${run.divergence.step}` : ""}`,
      );
    }
  }
  const results: TrainBenchResults = {
    format: TRAIN_BENCH_FORMAT,
    produced: {
      date: new Date().toISOString(),
      by: `npm run bench:train${args.length > 0 ? ` -- ${args.join(" ")}` : ""}`,
      node: process.version,
      tfjs: tf.version.tfjs,
      backend: backend.name,
      cpus: cpus().length,
    },
    base: BASE,
    heldOut: {
      images: heldOut.batch.count,
      positives: heldOut.measured.positives,
      negatives: heldOut.measured.negatives,
    },
    seeds: SEEDS,
    checkpoints: CHECKPOINTS,
    settings: SETTINGS.map((s) => ({ ...s })),
    runs: runs.filter((r) => SETTINGS.some((s) => s.id === r.setting)),
    speed: await measureSpeed(),
    wallSeconds: Math.round((Date.now() - started) / 1000),
  };
  const stamp = results.produced.date.replace(/[:.]/g, "-");
  const file = `bench-results/train-${quick ? "quick-" : ""}${stamp}.json`;
  writeFileSync(file, JSON.stringify(results, null, 1));
  console.log(`JSON: ${file}`);
  if (!quick && !only) {
    writeFileSync(RESULTS_PATH, `${JSON.stringify(results, null, 1)}\n`);
    writeBenchmarksDoc(results);
    console.log(`Checked-in results: ${RESULTS_PATH}; tables in docs/benchmarks.md`);
  }
  console.log(trainTables(results));
}

/** Engine vs tf.layers ms/step at batch 16, GFLOP/s, and the backend's matMul GFLOP/s. */
async function measureSpeed() {
  const config = { ...DEFAULT_CONFIG, ...TOY_TASK };
  const steps = quick ? 15 : 40;
  const engineMs = await engineStepMs(config, steps);
  const dataTimes: number[] = [];
  for (let i = 0; i < 10; i++) {
    const start = performance.now();
    trainingBatch(config.seed, config.imbalance, i, config.batchSize);
    dataTimes.push(performance.now() - start);
  }
  registerWasmConvBackpropFilter();
  const layers = await measureLayersFit(config, steps);
  const flops = trainingStepFlops(config.batchSize);
  return {
    batchSize: config.batchSize,
    engineMsPerStep: round4(engineMs),
    layersFitMsPerStep: round4(layers.msPerStep),
    layersOverEngine: round4(layers.msPerStep / engineMs),
    dataMsPerBatch: round4(median(dataTimes)),
    stepGflops: round4(flops / engineMs / 1e6),
    matMulGflops: round4(await matMulGflops(512, 512, 512)),
  };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
