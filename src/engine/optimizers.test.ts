import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, type TrainConfig } from "../experiment/config";
import { createHeldOutSet } from "../experiment/dataset";
import { useBackend } from "./backend";
import { learningRateAt } from "./optimizers";
import { Trainer } from "./trainer";

const SGD: TrainConfig = {
  ...DEFAULT_CONFIG,
  optimizer: "sgd",
  lr: 0.01,
  momentum: 0,
  batchSize: 2,
  imbalance: 100,
};
const heldOut = createHeldOutSet(100, 2);

/** Weights after `steps` updates of `config`, in `variables` order. */
async function weightsAfter(config: TrainConfig, steps: number): Promise<Float32Array[]> {
  const trainer = new Trainer(config, { heldOut });
  await trainer.train(steps, steps);
  const weights = await trainer.model.readWeights();
  trainer.dispose();
  return weights;
}

describe("learning-rate warm-up", () => {
  it("rises linearly from f·lr to lr over N steps, as Detectron's linear warm-up", () => {
    const config = { lr: 0.01, warmupSteps: 4, warmupFactor: 1 / 3 };
    expect(learningRateAt(config, 0)).toBeCloseTo(0.01 / 3, 12);
    expect(learningRateAt(config, 2)).toBeCloseTo(0.01 * (1 / 3 + (2 / 3) * 0.5), 12);
    expect(learningRateAt(config, 4)).toBe(0.01);
    expect(learningRateAt(config, 100)).toBe(0.01);
    expect(learningRateAt({ lr: 0.01 }, 0)).toBe(0.01);
    expect(learningRateAt({ lr: 0.01, warmupSteps: 2 }, 0)).toBeCloseTo(0.01 / 3, 12);
  });
});

describe("SGD with weight decay and warm-up", { timeout: 60_000 }, () => {
  beforeAll(async () => {
    await useBackend("wasm");
  });

  it("makes the first update of a warm-up run at f·lr", async () => {
    const warm = await weightsAfter({ ...SGD, warmupSteps: 10, warmupFactor: 0.25 }, 1);
    const slow = await weightsAfter({ ...SGD, lr: 0.0025 }, 1);
    const plain = await weightsAfter(SGD, 1);
    warm.forEach((w, i) => {
      for (let k = 0; k < w.length; k++) expect(w[k]).toBeCloseTo(slow[i]?.[k] as number, 6);
    });
    expect(warm).not.toEqual(plain);
  });

  it("adds λ·w to the gradient of kernels and leaves biases undecayed", async () => {
    const trainer = new Trainer(SGD, { heldOut });
    const initial = await trainer.model.readWeights();
    const kernels = new Set(trainer.model.kernels.map((v) => v.name));
    const isKernel = trainer.model.variables.map((v) => kernels.has(v.name));
    trainer.dispose();
    const lambda = 0.1;
    const decayed = await weightsAfter({ ...SGD, weightDecay: lambda }, 1);
    const plain = await weightsAfter(SGD, 1);
    expect(isKernel.filter(Boolean)).toHaveLength(4);
    decayed.forEach((w, i) => {
      const p = plain[i] as Float32Array;
      const w0 = initial[i] as Float32Array;
      for (let k = 0; k < w.length; k++) {
        const expected = isKernel[i]
          ? (p[k] as number) - SGD.lr * lambda * (w0[k] as number)
          : p[k];
        expect(w[k]).toBeCloseTo(expected as number, 6);
      }
    });
  });

  it("keeps tf.memory().numTensors flat with weight decay and warm-up on", async () => {
    const trainer = new Trainer({ ...SGD, weightDecay: 1e-4, warmupSteps: 30 }, { heldOut });
    await trainer.train(5, 5);
    const before = tf.memory().numTensors;
    await trainer.train(40, 10);
    expect(tf.memory().numTensors).toBe(before);
    trainer.dispose();
  });
});
