/** The optimizers a config can name: Adam, and SGD with (heavy-ball) momentum. */
import * as tf from "@tensorflow/tfjs";
import type { TrainConfig } from "../experiment/config";

/** Adam (β1 0.9, β2 0.999, tfjs's ε) or SGD with momentum, at the config's learning rate. */
export function createOptimizer(
  config: Pick<TrainConfig, "optimizer" | "lr" | "momentum">,
): tf.Optimizer {
  switch (config.optimizer) {
    case "adam":
      return tf.train.adam(config.lr, 0.9, 0.999);
    case "sgd":
      return tf.train.momentum(config.lr, config.momentum);
  }
}
