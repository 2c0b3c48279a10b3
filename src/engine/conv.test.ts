import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { Rng } from "../experiment/rng";
import { useBackend } from "./backend";
import { type ConvGradMode, conv2dSame } from "./conv";

function randomTensor(rng: Rng, shape: number[]): tf.Tensor4D {
  const size = shape.reduce((a, b) => a * b, 1);
  return tf.tensor4d(
    Float32Array.from({ length: size }, () => rng.normal()),
    shape as [number, number, number, number],
  );
}

/** Loss Σ conv(x, w) ⊙ r, with its gradients w.r.t. x and w, under one gradient mode. */
async function gradients(mode: ConvGradMode): Promise<Float32Array[]> {
  const rng = new Rng(11);
  const x = randomTensor(rng, [2, 6, 5, 3]);
  const w = randomTensor(rng, [3, 3, 3, 4]);
  const r = randomTensor(rng, [2, 6, 5, 4]);
  const grads = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
    tf.sum(tf.mul(conv2dSame(a as tf.Tensor4D, b as tf.Tensor4D, mode), r)),
  );
  const [dx, dw] = grads([x, w]) as [tf.Tensor, tf.Tensor];
  const out = [(await dx.data()) as Float32Array, (await dw.data()) as Float32Array];
  tf.dispose([x, w, r, dx, dw]);
  return out;
}

describe("conv2dSame with forward-kernel gradients", () => {
  it("matches tf.conv2d's own gradients on cpu, and runs on wasm with the same numbers", async () => {
    await useBackend("cpu");
    const native = await gradients("native");
    const custom = await gradients("forward-kernels");
    await useBackend("wasm");
    const wasm = await gradients("forward-kernels");
    for (const candidate of [custom, wasm]) {
      candidate.forEach((g, k) => {
        const reference = native[k] as Float32Array;
        g.forEach((v, i) =>
          expect(Math.abs(v - (reference[i] as number))).toBeLessThan(
            1e-4 * (1 + Math.abs(reference[i] as number)),
          ),
        );
      });
    }
  });

  it("cannot train with tf.conv2d's own gradient on wasm (the reason it exists)", async () => {
    await useBackend("wasm");
    await expect(gradients("native")).rejects.toThrow(/Conv2DBackpropFilter/);
  });
});
