/**
 * `npm run make:examples`: writes the three example files of the "Your own model" page.
 *
 * - public/examples/detector-ce.npz and detector-fl.npy: the toy detector's held-out predictions
 *   (every location of the training page's held-out set at 1 : 1000), after 300 steps of plain
 *   CE and of α-FL (γ 2, α 0.25), both with the prior init, under the paper's recipe (SGD with
 *   momentum 0.9 at lr 0.01, weight decay 0.0001), batch 16, seed 1, trained here in Node on the
 *   wasm backend (the training page's "Plain CE against α-FL" preset). Labels as uint8,
 *   logits as float32: the .npz (np.savez_compressed layout) holds arrays "labels" and
 *   "logits"; the .npy is a structured array with fields "label" and "logit".
 * - public/examples/fraud.csv: a tabular fraud-style set, 60,000 transactions at 1 : 1000, with
 *   probabilities from a made-up scorer (seeded): logits N(−7, 1.6²) for legitimate and
 *   N(−1.5, 2²) for fraudulent rows, written to 4 significant digits. Not real data.
 *
 * Deterministic from the seeds.
 */
import { writeFileSync } from "node:fs";
import { PRESETS } from "../src/content/presets";
import { useBackend } from "../src/engine/backend";
import { Trainer } from "../src/engine/trainer";
import { createHeldOutSet } from "../src/experiment/dataset";
import { Rng } from "../src/experiment/rng";
import { defaultsOf } from "../src/state/schema";
import { configOf, TRAIN_SCHEMA } from "../src/state/train";
import { encodeLabelScoreRecords, encodeNpz } from "../src/userdata/npyWrite";

const STEPS = 300;
const OUT = "public/examples";

async function heldOutPredictions(
  config: ReturnType<typeof configOf>,
  heldOut: Trainer["heldOut"],
) {
  const trainer = new Trainer(config, { heldOut });
  while (trainer.stepCount < STEPS && !trainer.divergence) {
    trainer.step();
    if (trainer.stepCount % 25 === 0) await trainer.flush();
  }
  await trainer.flush();
  const evaluation = await trainer.evaluate();
  trainer.dispose();
  process.stderr.write(
    `  ${config.loss}: AP ${evaluation.ap.toFixed(3)} at step ${evaluation.step}\n`,
  );
  return evaluation.predictions;
}

function fraudCsv(): string {
  const rng = new Rng(20260);
  const rows = ["is_fraud,score"];
  for (let i = 0; i < 60_000; i++) {
    const fraud = i % 1000 === 500 ? 1 : 0;
    const x = fraud ? -1.5 + 2 * rng.normal() : -7 + 1.6 * rng.normal();
    const p = 1 / (1 + Math.exp(-x));
    rows.push(`${fraud},${Number(p.toPrecision(4))}`);
  }
  return `${rows.join("\n")}\n`;
}

async function main() {
  await useBackend("wasm");
  // The "plain-ce" preset pins both runs, whatever the page's defaults become.
  const preset = PRESETS.find((p) => p.id === "plain-ce");
  if (!preset) throw new Error("no plain-ce preset");
  const state = { ...defaultsOf(TRAIN_SCHEMA), ...preset.patch };
  const a = configOf(state, "a");
  const b = configOf(state, "b");
  const heldOut = createHeldOutSet(a.imbalance);
  process.stderr.write(`training ${STEPS} steps each:\n`);
  const ce = await heldOutPredictions(a, heldOut);
  writeFileSync(`${OUT}/detector-ce.npz`, encodeNpz({ labels: ce.labels, logits: ce.logits }));
  const fl = await heldOutPredictions(b, heldOut);
  writeFileSync(
    `${OUT}/detector-fl.npy`,
    encodeLabelScoreRecords(fl.labels, fl.logits, ["label", "logit"]),
  );
  writeFileSync(`${OUT}/fraud.csv`, fraudCsv());
  console.log(`wrote ${OUT}/detector-ce.npz, detector-fl.npy, fraud.csv`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
