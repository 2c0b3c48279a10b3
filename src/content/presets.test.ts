import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, focalOptionsOf, type TrainConfig } from "../experiment/config";
import { ohemSettingsOf } from "../experiment/ohem";
import { BENCH_SETTINGS } from "../experiment/trainBench";
import { defaultsOf } from "../state/schema";
import { configOf, TRAIN_SCHEMA } from "../state/train";
import { TRAIN_BENCH } from "./measured";
import { PRESETS } from "./presets";

/** The fields a run's results depend on (the loss through the γ and α it really uses). */
function essence(c: TrainConfig) {
  return {
    seed: c.seed,
    focal: focalOptionsOf(c),
    loss: c.loss,
    ohem: c.loss === "ohem" ? ohemSettingsOf(c) : null,
    priorInit: c.priorInit,
    prior: c.prior,
    optimizer: c.optimizer,
    lr: c.lr,
    momentum: c.optimizer === "sgd" ? c.momentum : null,
    batchSize: c.batchSize,
    imbalance: c.imbalance,
    weightDecay: c.weightDecay ?? 0,
    warmupSteps: c.warmupSteps ?? 0,
    task: c.task ?? {},
  };
}

describe("the training presets", () => {
  it("train exactly the benchmark settings whose numbers they quote, from any starting state", () => {
    // Start from a state far from every preset: a preset must pin whatever its numbers depend on.
    const far = {
      ...defaultsOf(TRAIN_SCHEMA),
      seed: 77,
      batch: 4,
      imbalance: 5000,
      wd: 0.001,
      warmup: 500,
      aGamma: 4,
      bGamma: 0.5,
      aAlpha: 0.6,
      bAlpha: 0.6,
      aLr: 0.003,
      bLr: 0.003,
      aOhem: "1:3" as const,
      aOhemBatch: "512" as const,
    };
    for (const preset of PRESETS) {
      const state = { ...far, ...preset.patch };
      for (const run of ["a", "b"] as const) {
        // The settings the benchmark defines (a full run measures every one of them).
        const setting = BENCH_SETTINGS.find((s) => s.id === preset.benchmark[run]);
        expect(setting, `${preset.id} run ${run}`).toBeDefined();
        if (!setting) continue;
        const benched = { ...DEFAULT_CONFIG, ...TRAIN_BENCH.base, ...setting.config, seed: 1 };
        expect(essence(configOf(state, run)), `${preset.id} run ${run}`).toEqual(essence(benched));
      }
    }
  });

  it("quote the benchmark only for the pairs it measured, and say how many seeds", () => {
    for (const preset of PRESETS) {
      const measured = [preset.benchmark.a, preset.benchmark.b].every((id) =>
        TRAIN_BENCH.settings.some((s) => s.id === id),
      );
      if (measured) expect(preset.measured).toContain(`${TRAIN_BENCH.seeds.length} seeds`);
      else expect(preset.measured).toBeNull();
    }
  });
});
