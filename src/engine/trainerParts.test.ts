import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, type TrainConfig } from "../experiment/config";
import { createHeldOutSet } from "../experiment/dataset";
import { useBackend } from "./backend";
import { Trainer } from "./trainer";

const CONFIG: TrainConfig = { ...DEFAULT_CONFIG, batchSize: 2, imbalance: 100 };

describe("Trainer step parts and snapshots", { timeout: 60_000 }, () => {
  beforeAll(async () => {
    await useBackend("wasm");
  });

  it("splits each step's loss into a positive and a negative part that add up to it", async () => {
    const trainer = new Trainer(CONFIG, { heldOut: createHeldOutSet(CONFIG.imbalance, 2) });
    const log = await trainer.train(4, 2);
    expect(log.loss.length).toBe(4);
    for (let k = 0; k < 4; k++) {
      expect(log.lossPositive[k]).toBeGreaterThanOrEqual(0);
      expect(log.lossNegative[k]).toBeGreaterThanOrEqual(0);
      expect((log.lossPositive[k] as number) + (log.lossNegative[k] as number)).toBeCloseTo(
        log.loss[k] as number,
        5,
      );
    }
    trainer.dispose();
  });

  it("restores a run from the weights of its last evaluation, at the same step", async () => {
    const heldOut = createHeldOutSet(CONFIG.imbalance, 2);
    const trainer = new Trainer(CONFIG, { heldOut });
    expect(trainer.lastGood()).toBeNull();
    await trainer.train(3, 3);
    const evaluation = await trainer.evaluate();
    const snapshot = trainer.lastGood();
    expect(snapshot?.step).toBe(3);
    const restored = Trainer.restore(CONFIG, snapshot, { heldOut });
    expect(restored.stepCount).toBe(3);
    expect(await restored.model.readWeights()).toEqual(await trainer.model.readWeights());
    expect((await restored.evaluate()).ap).toBe(evaluation.ap);
    const next = await restored.train(1);
    expect(next.firstStep).toBe(4);
    trainer.dispose();
    restored.dispose();
  });
});
