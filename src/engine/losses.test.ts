import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { focalOptionsOf, LOSS_KINDS } from "../experiment/config";
import { sigmoidFocalLoss, sigmoidFocalLossGrad } from "../math/focal";
import { useBackend } from "./backend";
import { detectionLoss, focalLossElements } from "./losses";

const LOGITS = [-30, -12, -4.595, -1, -0.1, 0, 0.1, 1, 4.595, 12, 30];
const xs = [...LOGITS, ...LOGITS];
const ys = xs.map((_, i) => (i < LOGITS.length ? 1 : 0) as 0 | 1);

/** Float32 tolerance relative to the magnitude, with an absolute floor for values near 0. */
function expectClose(actual: number, expected: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-6 + 2e-6 * Math.abs(expected));
}

describe.each(["wasm", "cpu"] as const)("tfjs losses on %s", (backend) => {
  beforeAll(async () => {
    await useBackend(backend);
  });

  for (const loss of LOSS_KINDS) {
    const opts = focalOptionsOf({ loss, gamma: 2, alpha: 0.25 });

    it(`${loss}: equal src/math sigmoidFocalLoss location by location`, async () => {
      const values = tf.tidy(() => focalLossElements(tf.tensor1d(xs), tf.tensor1d(ys), opts));
      const got = await values.data();
      values.dispose();
      xs.forEach((x, i) =>
        expectClose(got[i] as number, sigmoidFocalLoss(x, ys[i] as 0 | 1, opts)),
      );
    });

    it(`${loss}: has the gradient sigmoidFocalLossGrad / positives`, async () => {
      const positives = 3;
      const grad = tf.grad((x: tf.Tensor) => detectionLoss(x, tf.tensor1d(ys), positives, opts));
      const g = tf.tidy(() => grad(tf.tensor1d(xs)));
      const got = await g.data();
      g.dispose();
      xs.forEach((x, i) =>
        expectClose(got[i] as number, sigmoidFocalLossGrad(x, ys[i] as 0 | 1, opts) / positives),
      );
    });
  }

  it("also holds for γ = 0.5 and γ = 5 (fractional and steep modulating factors)", async () => {
    for (const gamma of [0.5, 5]) {
      const opts = { gamma, alpha: 0.25 };
      const values = tf.tidy(() => focalLossElements(tf.tensor1d(xs), tf.tensor1d(ys), opts));
      const got = await values.data();
      values.dispose();
      xs.forEach((x, i) =>
        expectClose(got[i] as number, sigmoidFocalLoss(x, ys[i] as 0 | 1, opts)),
      );
    }
  });

  it("normalizes by at least one positive", async () => {
    const opts = { gamma: 0, alpha: null };
    const l = tf.tidy(() => detectionLoss(tf.tensor1d([0, 0]), tf.tensor1d([0, 0]), 0, opts));
    expect((await l.data())[0]).toBeCloseTo(2 * Math.LN2, 6);
    l.dispose();
  });
});
