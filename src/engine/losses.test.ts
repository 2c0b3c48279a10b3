import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { focalOptionsOf, LOSS_KINDS } from "../experiment/config";
import { sigmoidFocalLoss, sigmoidFocalLossGrad } from "../math/focal";
import { sigmoid, softplus } from "../math/numeric";
import { ohemKept } from "../math/ohem";
import { useBackend } from "./backend";
import { detectionLoss, focalLossElements, type OhemStep, ohemLossParts } from "./losses";

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

/**
 * OHEM on a tiny batch, worked by hand. CE = softplus(−z): #0 pos x = −2 → 2.127, #1 neg 1.5 →
 * 1.701, #2 neg 0.3 → 0.854, #3 pos −0.7 → 1.103, #4 neg 2.2 → 2.305, #5 neg −3 → 0.0486.
 * Ranked: #4, #0, #1, #3, #2, #5.
 */
const OX = [-2, 1.5, 0.3, -0.7, 2.2, -3];
const OY = [1, 0, 0, 1, 0, 0] as const;
const CASES: { ohem: OhemStep; kept: number[]; why: string }[] = [
  { ohem: { ratio: "none", keep: 3 }, kept: [4, 0, 1], why: "the three highest CE, either class" },
  {
    ohem: { ratio: "1:3", keep: 4 },
    kept: [0, 4, 1, 2],
    why: "⌊4/4⌋ = 1 positive (#0), then 3 negatives (#4, #1, #2)",
  },
  {
    ohem: { ratio: "1:3", keep: 8 },
    kept: [0, 3, 4, 1, 2, 5],
    why: "2 positives, then min(4, 6) negatives: everything",
  },
];

describe.each(["wasm", "cpu"] as const)("OHEM in tfjs on %s", (backend) => {
  beforeAll(async () => {
    await useBackend(backend);
  });

  for (const { ohem, kept, why } of CASES) {
    it(`${ohem.ratio}, keep ${ohem.keep}: mean CE of ${why}, gradient (p − y)/k there and 0 elsewhere`, async () => {
      const ce = (i: number) => softplus(OY[i] === 1 ? -(OX[i] as number) : (OX[i] as number));
      const expected = kept.reduce((s, i) => s + ce(i), 0) / kept.length;
      const expectedPositive =
        kept.filter((i) => OY[i] === 1).reduce((s, i) => s + ce(i), 0) / kept.length;
      const { total, positive } = tf.tidy(() => {
        const parts = ohemLossParts(tf.tensor1d(OX), tf.tensor1d([...OY]), 2, 4, ohem);
        return { total: tf.keep(parts.total), positive: tf.keep(parts.positive) };
      });
      expectClose((await total.data())[0] as number, expected);
      expectClose((await positive.data())[0] as number, expectedPositive);
      total.dispose();
      positive.dispose();
      const grad = tf.grad(
        (x: tf.Tensor) => ohemLossParts(x, tf.tensor1d([...OY]), 2, 4, ohem).total,
      );
      const g = tf.tidy(() => grad(tf.tensor1d(OX)));
      const got = await g.data();
      g.dispose();
      OX.forEach((x, i) => {
        const want = kept.includes(i) ? (sigmoid(x) - (OY[i] as number)) / kept.length : 0;
        expectClose(got[i] as number, want);
      });
    });
  }

  it("keeps exactly the locations src/math's ohemKept keeps, on a batch-sized tensor", async () => {
    // Distinct logits (no ties): a shuffled ramp over 2 images of 1,024 locations, 3 positives.
    const n = 2048;
    const xs = Array.from({ length: n }, (_, i) => -6 + ((i * 7919) % n) * (10 / n));
    const ys = xs.map((_, i) => (i === 5 || i === 700 || i === 1900 ? 1 : 0));
    for (const ohem of [
      { ratio: "none", keep: 3 },
      { ratio: "1:3", keep: 21 },
    ] as const) {
      const grad = tf.grad(
        (x: tf.Tensor) => ohemLossParts(x, tf.tensor1d(ys), 3, n - 3, ohem).total,
      );
      const g = tf.tidy(() => grad(tf.tensor1d(xs)));
      const got = await g.data();
      g.dispose();
      const ce = xs.map((x, i) => softplus(ys[i] === 1 ? -x : x));
      const mask = ohemKept(ce, ys, ohem.keep, ohem.ratio);
      const keptByTfjs = Array.from(got, (v) => (v !== 0 ? 1 : 0));
      expect(keptByTfjs).toEqual(Array.from(mask));
    }
  });

  it("a 1:3 batch without positives keeps nothing: loss 0, gradient 0", async () => {
    const ohem = { ratio: "1:3", keep: 8 } as const;
    const grad = tf.grad((x: tf.Tensor) => ohemLossParts(x, tf.zeros([6]), 0, 6, ohem).total);
    const g = tf.tidy(() => grad(tf.tensor1d(OX)));
    expect(Array.from(await g.data())).toEqual([0, 0, 0, 0, 0, 0]);
    g.dispose();
  });
});
