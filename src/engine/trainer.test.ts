import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, type TrainConfig } from "../experiment/config";
import { createHeldOutSet } from "../experiment/dataset";
import { transferablesOf } from "../experiment/evaluation";
import { resolveTask } from "../experiment/task";
import { useBackend } from "./backend";
import { DivergedError, evalChunkFor, Trainer } from "./trainer";

const SMALL: TrainConfig = { ...DEFAULT_CONFIG, batchSize: 2 };
const heldOut = createHeldOutSet(1000, 16);

async function bits(trainer: Trainer): Promise<number[]> {
  const weights = await trainer.model.readWeights();
  return weights.flatMap((w) => Array.from(new Uint32Array(w.buffer)));
}

describe("Trainer", { timeout: 60_000 }, () => {
  beforeAll(async () => {
    await useBackend("wasm");
  });

  it("repeats a run bit for bit from the same seed and config, and differs for another seed", async () => {
    const run = async (seed: number) => {
      const trainer = new Trainer({ ...SMALL, seed }, { heldOut });
      const log = await trainer.train(8, 4);
      const result = {
        loss: Array.from(new Uint32Array(log.loss.buffer)),
        weights: await bits(trainer),
        eval: await trainer.evaluate(),
      };
      trainer.dispose();
      return result;
    };
    const a = await run(3);
    const b = await run(3);
    expect(b.loss).toEqual(a.loss);
    expect(b.weights).toEqual(a.weights);
    expect(b.eval.ap).toBe(a.eval.ap);
    expect((await run(4)).weights).not.toEqual(a.weights);
  });

  it("gives the same held-out logits bit for bit whatever the evaluation's chunk size", async () => {
    // 330 images: neither 64 nor 160 divides it, so the last, smaller chunks are compared too;
    // the default network and two other widths (other kernels of the backend's GEMM).
    for (const channels of [undefined, [4, 8, 8], [24, 40]]) {
      const task = channels ? { channels } : undefined;
      const config: TrainConfig = { ...DEFAULT_CONFIG, imbalance: 5000, batchSize: 16, task };
      const held = createHeldOutSet(5000, 330, resolveTask(task));
      const trainer = new Trainer(config, { heldOut: held });
      await trainer.train(12, 4);
      const reference = new Uint32Array((await trainer.heldOutLogits(64)).buffer);
      for (const chunk of [7, evalChunkFor("wasm"), 330]) {
        const logits = new Uint32Array((await trainer.heldOutLogits(chunk)).buffer);
        expect(logits.length).toBe(reference.length);
        const same = logits.every((v, i) => v === reference[i]);
        expect(same, `channels ${channels ?? "default"}, chunk ${chunk}`).toBe(true);
      }
      trainer.dispose();
    }
    expect(evalChunkFor("wasm")).toBe(160);
  });

  it("evaluates a checkpoint elsewhere exactly as the trainer that took it evaluates itself", async () => {
    // What the second worker does: a trainer that never steps, given another's checkpoint.
    for (const config of [SMALL, { ...SMALL, loss: "ohem" as const }]) {
      const trainer = new Trainer(config, { heldOut });
      await trainer.train(9, 4);
      const snapshot = await trainer.checkpoint();
      expect(trainer.lastGood()).toBe(snapshot);
      const own = await trainer.evaluate();
      // Training on does not change the checkpoint (it was read back, a copy).
      await trainer.train(3, 4);
      // Its own held-out set, built again from the config as the second worker builds it.
      const evaluator = new Trainer(config, { heldOut: createHeldOutSet(heldOut.imbalance, 16) });
      const there = await evaluator.evaluateSnapshot(snapshot);
      expect(there.step).toBe(9);
      const bitsOf = (e: typeof own) =>
        [e.predictions.logits, e.pr.recall, e.pr.precision].map((a) =>
          Array.from(new Uint32Array(a.buffer, a.byteOffset, a.byteLength / 4)),
        );
      expect(bitsOf(there)).toEqual(bitsOf(own));
      expect([there.ap, there.recallAtP50, there.shares]).toEqual([
        own.ap,
        own.recallAtP50,
        own.shares,
      ]);
      trainer.dispose();
      evaluator.dispose();
    }
  });

  it("keeps tf.memory().numTensors flat over hundreds of steps and evaluations", async () => {
    for (const optimizer of ["adam", "sgd"] as const) {
      const trainer = new Trainer({ ...SMALL, optimizer, loss: "fl" }, { heldOut });
      await trainer.train(10, 5);
      await trainer.evaluate();
      const before = tf.memory().numTensors;
      for (let round = 0; round < 4; round++) {
        await trainer.train(50, 10);
        await trainer.evaluate();
        expect(tf.memory().numTensors).toBe(before);
      }
      trainer.dispose();
    }
  });

  it("releases every tensor it made on dispose", async () => {
    const start = tf.memory().numTensors;
    const trainer = new Trainer(SMALL, { heldOut });
    await trainer.train(3);
    await trainer.evaluate();
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });

  it("leaves no tensor behind after 20 SGD and 20 Adam trainers are built, trained and disposed", async () => {
    // tfjs 4.22's momentum optimizer forgets its learning-rate scalar on dispose (one tensor,
    // on WebGL one texture, per trainer); createOptimizer works around it.
    for (const optimizer of ["sgd", "adam"] as const) {
      const start = tf.memory().numTensors;
      for (let i = 0; i < 20; i++) {
        const trainer = new Trainer({ ...SMALL, optimizer, lr: 0.01 }, { heldOut });
        if (i % 10 === 0) await trainer.train(2);
        trainer.dispose();
      }
      expect(tf.memory().numTensors, optimizer).toBe(start);
    }
  });

  it("stops at the first step with a non-finite loss, reports it and refuses to go on", async () => {
    const trainer = new Trainer(SMALL, { heldOut });
    await trainer.train(3);
    const first = trainer.model.variables[0] as tf.Variable;
    tf.tidy(() => first.assign(tf.fill(first.shape, Number.NaN)));
    const log = await trainer.train(5, 5);
    expect(trainer.divergence).toEqual({ step: 4, reason: "loss is NaN" });
    expect(log.firstStep).toBe(4);
    expect(log.loss.length).toBe(0);
    expect(() => trainer.step()).toThrow(DivergedError);
    await expect(trainer.evaluate()).rejects.toThrow(/diverged at step 4/);
    trainer.dispose();
  });

  it("stops on an exploding gradient and keeps only the steps before it", async () => {
    const trainer = new Trainer(
      { ...SMALL, priorInit: false, loss: "ce" },
      { heldOut, maxGradNorm: 1e-3 },
    );
    const log = await trainer.train(5, 5);
    expect(trainer.divergence?.step).toBe(1);
    expect(trainer.divergence?.reason).toMatch(/gradient norm .* exceeds 1e-3/);
    expect(log.loss.length).toBe(0);
    trainer.dispose();
  });

  it("evaluates into plain typed arrays that can be transferred", async () => {
    const trainer = new Trainer(SMALL, { heldOut });
    const e = await trainer.evaluate();
    expect(e.step).toBe(0);
    expect(e.predictions.logits.length).toBe(16 * 1024);
    expect(e.ap).toBeGreaterThanOrEqual(0);
    expect(e.ap).toBeLessThanOrEqual(1);
    expect(e.measured.positives).toBe(heldOut.measured.positives);
    expect(e.images.length).toBeGreaterThan(0);
    expect(e.images[0]?.probabilities.length).toBe(1024);
    expect(
      e.shares.loss.positives + e.shares.loss.hardNegatives + e.shares.loss.easyNegatives,
    ).toBeCloseTo(1, 9);
    const buffers = transferablesOf(e);
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(structuredClone(e, { transfer: buffers }).predictions.logits.length).toBe(16 * 1024);
    trainer.dispose();
  });

  it("trains OHEM (both ratios) deterministically, tensor-flat, and evaluates what it keeps", async () => {
    for (const ohemRatio of ["none", "1:3"] as const) {
      const config: TrainConfig = { ...SMALL, loss: "ohem", ohemRatio, optimizer: "sgd", lr: 0.01 };
      const run = async () => {
        const trainer = new Trainer(config, { heldOut });
        await trainer.train(5, 5);
        const before = tf.memory().numTensors;
        const log = await trainer.train(20, 10);
        expect(tf.memory().numTensors).toBe(before);
        const e = await trainer.evaluate();
        const weights = await bits(trainer);
        trainer.dispose();
        return { log, e, weights };
      };
      const a = await run();
      const b = await run();
      expect(b.weights).toEqual(a.weights);
      expect(a.log.loss.every(Number.isFinite)).toBe(true);
      // Averaged over the kept CE values: positive part ≤ total.
      for (let k = 0; k < a.log.loss.length; k++)
        expect(a.log.lossPositive[k]).toBeLessThanOrEqual((a.log.loss[k] as number) + 1e-6);
      // 16 held-out images × 1.31 kept per image = 21 kept locations.
      const t = a.e.trained;
      expect(t).toBeDefined();
      const kept = (t?.positives ?? 0) + (t?.hardNegatives ?? 0) + (t?.easyNegatives ?? 0);
      expect(kept).toBe(ohemRatio === "none" ? 21 : 20);
    }
  });

  it("rejects an invalid config with every problem named", () => {
    expect(() => new Trainer({ ...SMALL, lr: -1, imbalance: 5 }, { heldOut })).toThrow(
      /lr .*imbalance/,
    );
    expect(
      () =>
        new Trainer(
          { ...SMALL, loss: "ohem", ohemBatch: 100, ohemRatio: "1:9" as "1:3" },
          { heldOut },
        ),
    ).toThrow(/ohemRatio .*ohemBatch/);
  });
});
