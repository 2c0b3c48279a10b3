/** The engine's median wall time per training step (after 3 warm-up steps), read back each step. */
import { Trainer } from "../src/engine/trainer";
import type { TrainConfig } from "../src/experiment/config";
import { createHeldOutSet } from "../src/experiment/dataset";
import { median } from "./layersBaseline";

export async function engineStepMs(config: TrainConfig, steps: number): Promise<number> {
  const trainer = new Trainer(config, { heldOut: createHeldOutSet(config.imbalance, 1) });
  const times: number[] = [];
  for (let i = 0; i < steps + 3; i++) {
    const start = performance.now();
    trainer.step();
    await trainer.flush();
    if (i >= 3) times.push(performance.now() - start);
  }
  trainer.dispose();
  return median(times);
}
