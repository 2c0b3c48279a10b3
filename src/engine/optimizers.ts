/** The optimizers a config can name: Adam, and SGD with (heavy-ball) momentum; the lr schedule. */
import * as tf from "@tensorflow/tfjs";
import { DEFAULT_WARMUP_FACTOR, type TrainConfig } from "../experiment/config";

/**
 * tfjs 4.22's `MomentumOptimizer.dispose()` does not call `SGDOptimizer`'s, so the learning-rate
 * scalar `c` outlives the optimizer: one tensor (on WebGL, one texture) per SGD trainer, growing
 * with every reset, preset and job. Disposing it here is harmless should tfjs ever fix it
 * (disposing a tensor twice does nothing).
 */
class MomentumOptimizer extends tf.MomentumOptimizer {
  override dispose(): void {
    super.dispose();
    this.c.dispose();
  }
}

/** Adam (β1 0.9, β2 0.999, tfjs's ε) or SGD with momentum, at the config's learning rate. */
export function createOptimizer(
  config: Pick<TrainConfig, "optimizer" | "lr" | "momentum">,
): tf.Optimizer {
  switch (config.optimizer) {
    case "adam":
      return tf.train.adam(config.lr, 0.9, 0.999);
    case "sgd":
      return new MomentumOptimizer(config.lr, config.momentum);
  }
}

/**
 * The learning rate of update `step` (0-based): Detectron's linear warm-up,
 * lr·(f + (1 − f)·step/N) for step < N = warmupSteps, then lr.
 */
export function learningRateAt(
  config: Pick<TrainConfig, "lr" | "warmupSteps" | "warmupFactor">,
  step: number,
): number {
  const n = config.warmupSteps ?? 0;
  if (step >= n) return config.lr;
  const f = config.warmupFactor ?? DEFAULT_WARMUP_FACTOR;
  const a = step / n;
  return config.lr * (f * (1 - a) + a);
}

/**
 * Sets the learning rate of an optimizer made by `createOptimizer`. tfjs's momentum optimizer
 * computes v ← m·v + g, w ← w − lr·v (as PyTorch does), so a new lr also scales the velocity
 * already gathered; Adam reads its (protected) `learningRate` field at every update.
 */
export function setLearningRate(optimizer: tf.Optimizer, lr: number): void {
  if (optimizer instanceof tf.SGDOptimizer) optimizer.setLearningRate(lr);
  else if (optimizer instanceof tf.AdamOptimizer)
    (optimizer as unknown as { learningRate: number }).learningRate = lr;
  else throw new Error(`no learning-rate setter for ${optimizer.getClassName()}`);
}
