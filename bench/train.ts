/**
 * `npm run bench:train [-- --quick]`: trains the detector under each loss/init/optimizer
 * setting for several seeds on the wasm backend in Node, and reports AP and recall at precision
 * 0.5 at fixed steps, loss shares at init and at the end, ms/step, the tf.layers + model.fit
 * baseline, and GFLOP/s against the backend's matMul. Prints markdown tables; writes JSON into
 * bench-results/.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import * as tf from "@tensorflow/tfjs";
import { useBackend } from "../src/engine/backend";
import { trainingStepFlops } from "../src/engine/model";
import { Trainer } from "../src/engine/trainer";
import { DEFAULT_CONFIG, type TrainConfig } from "../src/experiment/config";
import { createHeldOutSet, trainingBatch } from "../src/experiment/dataset";
import type { LossShares } from "../src/math/shares";
import { measureLayersFit, median } from "./layersBaseline";
import { printReport } from "./report";
import { matMulGflops } from "./throughput";
import { registerWasmConvBackpropFilter } from "./wasmConvBackpropFilter";

interface Setting {
  name: string;
  config: Partial<TrainConfig>;
}

const SETTINGS: Setting[] = [
  { name: "CE zero-init", config: { loss: "ce", priorInit: false } },
  { name: "CE prior-init", config: { loss: "ce", priorInit: true } },
  { name: "α-CE α=.25", config: { loss: "alpha-ce", alpha: 0.25 } },
  { name: "α-CE α=.75", config: { loss: "alpha-ce", alpha: 0.75 } },
  ...[0.5, 1, 2, 5].map((gamma) => ({
    name: `FL γ=${gamma} α=.25`,
    config: { loss: "alpha-fl" as const, gamma, alpha: 0.25 },
  })),
  {
    name: "FL γ=2 α=.25 zero-init",
    config: { loss: "alpha-fl", gamma: 2, alpha: 0.25, priorInit: false },
  },
];
/** Adam at the defaults; SGD+momentum 0.9 at the paper's learning rate 0.01, shared by every loss. */
const OPTIMIZERS: Partial<TrainConfig>[] = [
  { optimizer: "adam", lr: 1e-3 },
  { optimizer: "sgd", lr: 1e-2, momentum: 0.9 },
];

export interface Checkpoint {
  step: number;
  ap: number;
  recallAtP50: number;
  shares: LossShares;
}

export interface RunResult {
  setting: string;
  config: TrainConfig;
  checkpoints: Checkpoint[];
  msPerStep: number;
  maxGradNorm: number;
  divergence: { step: number; reason: string } | null;
}

const quick = process.argv.includes("--quick");
const CHECKPOINTS = quick ? [100, 250] : [250, 500, 1000];
const SEEDS = quick ? [1] : [1, 2, 3];
const settings = quick
  ? SETTINGS.filter((s) => s.name === "CE prior-init" || s.name === "FL γ=2 α=.25")
  : SETTINGS;
const READ_EVERY = 10;

async function runOne(
  setting: Setting,
  config: TrainConfig,
  heldOut: ReturnType<typeof createHeldOutSet>,
): Promise<RunResult> {
  const trainer = new Trainer(config, { heldOut });
  const checkpoints: Checkpoint[] = [];
  const chunkMs: number[] = [];
  let maxGradNorm = 0;
  const record = async () => {
    const e = await trainer.evaluate();
    checkpoints.push({ step: e.step, ap: e.ap, recallAtP50: e.recallAtP50, shares: e.shares });
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
  const result = {
    setting: setting.name,
    config,
    checkpoints,
    msPerStep: median(chunkMs),
    maxGradNorm,
    divergence: trainer.divergence,
  };
  trainer.dispose();
  return result;
}

async function main() {
  const backend = await useBackend("wasm");
  const started = Date.now();
  const heldOut = createHeldOutSet(DEFAULT_CONFIG.imbalance);
  console.error(
    `held-out: ${heldOut.batch.count} images, measured 1:${heldOut.measured.ratio.toFixed(0)} (${heldOut.measured.positives} positives)`,
  );
  const runs: RunResult[] = [];
  for (const setting of settings) {
    for (const optimizer of OPTIMIZERS) {
      for (const seed of SEEDS) {
        const config = { ...DEFAULT_CONFIG, ...setting.config, ...optimizer, seed };
        const run = await runOne(setting, config, heldOut);
        runs.push(run);
        const end = run.checkpoints[run.checkpoints.length - 1];
        console.error(
          `${setting.name} ${config.optimizer} seed ${seed}: AP ${end?.ap.toFixed(3)} at ${end?.step}, ${run.msPerStep.toFixed(1)} ms/step${run.divergence ? `, diverged at ${run.divergence.step}` : ""}`,
        );
      }
    }
  }
  const speed = await measureSpeed();
  const report = {
    date: new Date().toISOString(),
    quick,
    environment: {
      node: process.version,
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      tfjs: tf.version.tfjs,
      backend,
    },
    heldOut: { images: heldOut.batch.count, ...heldOut.measured },
    checkpoints: CHECKPOINTS,
    seeds: SEEDS,
    runs,
    speed,
    wallSeconds: (Date.now() - started) / 1000,
  };
  printReport(report);
  mkdirSync("bench-results", { recursive: true });
  const file = `bench-results/train-${quick ? "quick-" : ""}${report.date.replace(/[:.]/g, "-")}.json`;
  writeFileSync(file, JSON.stringify(report, null, 2));
  console.log(`\nJSON: ${file}`);
}

/** Engine vs tf.layers ms/step at the default config, GFLOP/s, and the backend's matMul GFLOP/s. */
async function measureSpeed() {
  const config = { ...DEFAULT_CONFIG };
  const steps = quick ? 15 : 40;
  const trainer = new Trainer(config, { heldOut: createHeldOutSet(config.imbalance, 1) });
  const times: number[] = [];
  for (let i = 0; i < steps + 3; i++) {
    const start = performance.now();
    trainer.step();
    await trainer.flush();
    if (i >= 3) times.push(performance.now() - start);
  }
  const engineFirstLoss = await firstLoss(config);
  trainer.dispose();
  const dataTimes: number[] = [];
  for (let i = 0; i < 10; i++) {
    const start = performance.now();
    trainingBatch(config.seed, config.imbalance, i, config.batchSize);
    dataTimes.push(performance.now() - start);
  }
  registerWasmConvBackpropFilter();
  const layers = await measureLayersFit(config, steps);
  const engineMs = median(times);
  const dataMs = median(dataTimes);
  const flops = trainingStepFlops(config.batchSize);
  return {
    batchSize: config.batchSize,
    engineMsPerStep: engineMs,
    layersFitMsPerStep: layers.msPerStep,
    layersOverEngine: layers.msPerStep / engineMs,
    firstStepLoss: { engine: engineFirstLoss, layers: layers.firstLoss },
    dataMsPerBatch: dataMs,
    stepGflop: flops / 1e9,
    stepGflops: flops / engineMs / 1e6,
    stepGflopsExcludingData: flops / (engineMs - dataMs) / 1e6,
    matMulGflops: {
      square512: await matMulGflops(512, 512, 512),
      square1024: await matMulGflops(1024, 1024, 1024, 5),
      im2colShaped: await matMulGflops(16 * 1024, 144, 16),
    },
  };
}

async function firstLoss(config: TrainConfig): Promise<number> {
  const trainer = new Trainer(config, { heldOut: createHeldOutSet(config.imbalance, 1) });
  trainer.step();
  const log = await trainer.flush();
  trainer.dispose();
  return log.loss[0] as number;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
