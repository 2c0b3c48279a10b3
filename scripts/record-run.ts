/**
 * `npm run record:run [-- --steps 500 --every 25]`: trains the training page's default A/B pair
 * (the paper's recipe: A = α-CE α 0.75, B = α-FL γ 2 α 0.25, both with the prior init, SGD with
 * momentum 0.9 at lr 0.01, weight decay 1e-4, batch 16, seed 1, the default task at 1 : 5,000)
 * for the page's budget (TOY_BUDGET steps, evaluated every 25 for a finer curve than the live
 * page's 50) in Node on the wasm
 * backend, and writes the compact recorded run that the embeds of the training charts draw:
 * public/recorded-run.json (format in src/experiment/recordedRun.ts).
 * Deterministic from the seed apart from the date it records.
 */
import { writeFileSync } from "node:fs";
import * as tf from "@tensorflow/tfjs";
import { useBackend } from "../src/engine/backend";
import { Trainer } from "../src/engine/trainer";
import { createHeldOutSet } from "../src/experiment/dataset";
import type { Evaluation } from "../src/experiment/evaluation";
import type { RunId } from "../src/experiment/protocol";
import { TOY_BUDGET } from "../src/experiment/recipes";
import {
  encodeRecordedRun,
  MAX_RANKED_RECORDED,
  type RunRecording,
} from "../src/experiment/recordedRun";
import { lossRankedLogits } from "../src/math/figure4";
import { defaultsOf } from "../src/state/schema";
import { configOf, TRAIN_SCHEMA } from "../src/state/train";

const OUT = "public/recorded-run.json";

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} needs a positive integer`);
  return value;
}

const STEPS = option("steps", TOY_BUDGET);
const EVAL_EVERY = option("every", 25);
const FLUSH_EVERY = 5;

async function record(config: ReturnType<typeof configOf>, heldOut: Trainer["heldOut"]) {
  const trainer = new Trainer(config, { heldOut });
  const loss: number[] = [];
  const lossPositive: number[] = [];
  const lossNegative: number[] = [];
  const metrics: RunRecording["metrics"] = [];
  const evaluate = async () => {
    const e = await trainer.evaluate();
    metrics.push({ step: e.step, ap: e.ap, recallAtP50: e.recallAtP50 });
    return e;
  };
  const initial = await evaluate();
  let latest: Evaluation = initial;
  while (trainer.stepCount < STEPS && !trainer.divergence) {
    trainer.step();
    const n = trainer.stepCount;
    if (n % FLUSH_EVERY === 0 || n % EVAL_EVERY === 0 || n === STEPS) {
      const log = await trainer.flush();
      loss.push(...log.loss);
      lossPositive.push(...log.lossPositive);
      lossNegative.push(...log.lossNegative);
      if (!trainer.divergence && (n % EVAL_EVERY === 0 || n === STEPS)) {
        latest = await evaluate();
        process.stderr.write(`  step ${n}: AP ${latest.ap.toFixed(3)}\n`);
      }
    }
  }
  const { logits, labels } = latest.predictions;
  const recording: RunRecording = {
    loss,
    lossPositive,
    lossNegative,
    metrics,
    initial,
    latest,
    ranked: {
      positives: lossRankedLogits(logits, labels, 1, MAX_RANKED_RECORDED),
      negatives: lossRankedLogits(logits, labels, 0, MAX_RANKED_RECORDED),
    },
    divergence: trainer.divergence,
  };
  trainer.dispose();
  return recording;
}

async function main() {
  const started = Date.now();
  const backend = await useBackend("wasm");
  const state = defaultsOf(TRAIN_SCHEMA);
  const config = { a: configOf(state, "a"), b: configOf(state, "b") };
  const heldOut = createHeldOutSet(config.a.imbalance);
  const runs = {} as Record<RunId, RunRecording>;
  for (const id of ["a", "b"] as const) {
    process.stderr.write(`run ${id.toUpperCase()} (${config[id].loss}), ${STEPS} steps:\n`);
    runs[id] = await record(config[id], heldOut);
  }
  const recorded = encodeRecordedRun({
    produced: {
      by: "npm run record:run (scripts/record-run.ts)",
      date: new Date().toISOString(),
      backend: `${backend.name}${backend.simd ? " (SIMD)" : ""} in Node`,
      tfjs: tf.version.tfjs,
      node: process.version,
      note: `The training page's defaults, trained ${STEPS} steps with a held-out evaluation every ${EVAL_EVERY}; floats rounded to 4 significant digits, Figure 4's ranked logits thinned to ${MAX_RANKED_RECORDED} per class.`,
    },
    steps: STEPS,
    evalEvery: EVAL_EVERY,
    config,
    runs,
  });
  const text = `${JSON.stringify(recorded)}\n`;
  writeFileSync(OUT, text);
  console.log(
    `${OUT}: ${(text.length / 1024).toFixed(0)} kB, A AP ${recorded.runs.a.latest.ap}, B AP ${recorded.runs.b.latest.ap} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
