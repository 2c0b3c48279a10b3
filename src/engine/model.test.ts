import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { sigmoid } from "../math/numeric";
import { useBackend } from "./backend";
import {
  CONV_CHANNELS,
  Detector,
  forwardFlops,
  initialWeights,
  KERNEL_SIZE,
  priorBias,
} from "./model";

describe("Detector", () => {
  beforeAll(async () => {
    await useBackend("wasm");
  });

  it("counts exactly the parameters it trains, and gives one logit per 32×32 location", () => {
    const model = new Detector({ seed: 1, priorInit: true, prior: 0.01 }, "forward-kernels");
    const trained = model.variables.reduce((n, v) => n + v.size, 0);
    expect(model.parameterCount).toBe(trained);
    // The architecture its doc comment describes: 3×3 convs of CONV_CHANNELS, then a 1×1 head.
    let inputs = 4;
    let expected = 0;
    for (const out of CONV_CHANNELS) {
      expected += KERNEL_SIZE * KERNEL_SIZE * inputs * out + out;
      inputs = out;
    }
    expect(trained).toBe(expected + inputs + 1);
    const logits = tf.tidy(() => model.logits(tf.zeros([2, 32, 32, 4])));
    expect(logits.shape).toEqual([2, 32, 32]);
    logits.dispose();
    model.dispose();
  });

  it("predicts π everywhere on a blank input with prior init, and 1/2 with zero init", async () => {
    for (const [priorInit, expected] of [
      [true, 0.01],
      [false, 0.5],
    ] as const) {
      const model = new Detector({ seed: 1, priorInit, prior: 0.01 }, "forward-kernels");
      const p = tf.tidy(() => tf.sigmoid(model.logits(tf.zeros([1, 32, 32, 4]))));
      const values = await p.data();
      expect(values[0]).toBeCloseTo(expected, 5);
      expect(values[1023]).toBeCloseTo(expected, 5);
      p.dispose();
      model.dispose();
    }
  });

  it("is initialized from its seed alone", () => {
    const a = initialWeights({ seed: 4, priorInit: false, prior: 0.01 });
    expect(initialWeights({ seed: 4, priorInit: false, prior: 0.01 })).toEqual(a);
    expect(initialWeights({ seed: 5, priorInit: false, prior: 0.01 }).convKernels[0]).not.toEqual(
      a.convKernels[0],
    );
  });

  it("uses the paper's prior bias b = −ln((1 − π)/π)", () => {
    expect(priorBias(0.01)).toBeCloseTo(-4.59512, 5);
    expect(sigmoid(priorBias(0.2))).toBeCloseTo(0.2, 12);
  });

  it("counts 2·MACs of the convs and the head per location", () => {
    expect(forwardFlops(1)).toBe(1024 * 2 * (9 * 4 * 8 + 9 * 8 * 16 + 9 * 16 * 16 + 16));
  });
});

describe("Detector widths and depth", () => {
  beforeAll(async () => {
    await useBackend("wasm");
  });

  it("follows the task's channels", () => {
    const model = new Detector(
      { seed: 1, priorInit: true, prior: 0.01, channels: [4, 8] },
      "forward-kernels",
    );
    expect(model.parameterCount).toBe(9 * 4 * 4 + 4 + 9 * 4 * 8 + 8 + 8 + 1);
    expect(model.kernels).toHaveLength(3);
    model.dispose();
    expect(forwardFlops(1, [4, 8])).toBe(1024 * 2 * (9 * 4 * 4 + 9 * 4 * 8 + 8));
  });
});
