/**
 * A measured claim, re-checked: retrain one recorded benchmark run for its first checkpoint on
 * the wasm backend in Node and get the recorded AP exactly (runs are deterministic from the
 * seed on one backend). If the engine, the data or the recipe changed since the benchmark ran,
 * this fails until `npm run bench:train` is run again.
 */
import { beforeAll, describe, expect, it } from "vitest";
import results from "../src/content/measured/train-bench.json";
import { useBackend } from "../src/engine/backend";
import { Trainer } from "../src/engine/trainer";
import { DEFAULT_CONFIG } from "../src/experiment/config";
import { createHeldOutSet } from "../src/experiment/dataset";
import { round4, type TrainBenchResults } from "../src/experiment/trainBench";

const bench = results as unknown as TrainBenchResults;

describe("the checked-in training benchmark", () => {
  beforeAll(async () => {
    await useBackend("wasm");
  });

  it("reproduces bit for bit: the paper's α-FL, seed 1, at its first checkpoint", async () => {
    const setting = bench.settings.find((s) => s.id === "sgd/alpha-fl");
    const run = bench.runs.find((r) => r.setting === "sgd/alpha-fl" && r.seed === 1);
    const step = bench.checkpoints.find((s) => s > 0) as number;
    const recorded = run?.checkpoints.find((c) => c.step === step);
    expect(setting && recorded).toBeTruthy();
    const config = { ...DEFAULT_CONFIG, ...bench.base, ...setting?.config, seed: 1 };
    const trainer = new Trainer(config, { heldOut: createHeldOutSet(config.imbalance) });
    await trainer.train(step);
    const e = await trainer.evaluate();
    trainer.dispose();
    expect(round4(e.ap)).toBe(recorded?.ap);
    expect(round4(e.recallAtP50)).toBe(recorded?.recallAtP50);
    expect(round4(e.shares.loss.easyNegatives)).toBe(recorded?.easyShare);
  }, 120_000);
});
