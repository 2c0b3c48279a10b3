/**
 * What a failed run looks like inside: trains one (variant, loss, seed) of the design study and,
 * at given steps, counts the ReLU channels of each conv layer that are active (> 0) at any
 * held-out location, and the spread of the held-out logits. A run whose last layer has no live
 * channel outputs its head bias everywhere: AP at chance, and no gradient left to leave it.
 */
import * as tf from "@tensorflow/tfjs";
import { Trainer } from "../src/engine/trainer";
import type { TrainConfig } from "../src/experiment/config";
import { createHeldOutSet, INPUT_CHANNELS } from "../src/experiment/dataset";
import { GRID_SIZE } from "../src/experiment/scene";
import { resolveTask } from "../src/experiment/task";
import { summarize } from "../src/math/seedStats";

/** Live channels per conv layer on `input` (forward pass written out from the variables). */
function liveChannels(trainer: Trainer, input: tf.Tensor4D): number[] {
  const vars = trainer.model.variables;
  const layers = (vars.length - 2) / 2;
  return tf.tidy(() => {
    const live: number[] = [];
    let h: tf.Tensor4D = input;
    for (let i = 0; i < layers; i++) {
      const kernel = vars[2 * i] as tf.Variable<tf.Rank.R4>;
      const bias = vars[2 * i + 1] as tf.Variable;
      h = tf.relu(tf.add(tf.conv2d(h, kernel, 1, "same"), bias));
      const peak = tf.max(h, [0, 1, 2]).dataSync();
      live.push(Array.from(peak).filter((v) => v > 0).length);
    }
    return live;
  });
}

export async function diagnose(config: TrainConfig, steps: number[]): Promise<void> {
  const heldOut = createHeldOutSet(config.imbalance, 128, resolveTask(config.task));
  const trainer = new Trainer(config, { heldOut });
  const input = tf.tensor4d(heldOut.batch.input, [128, GRID_SIZE, GRID_SIZE, INPUT_CHANNELS]);
  const widths = trainer.task.channels.join(", ");
  console.log(
    `| step | AP | live channels per layer (of ${widths}) | held-out logit sd | head bias |`,
  );
  console.log("|---|---|---|---|---|");
  for (const step of [0, ...steps]) {
    if (step > trainer.stepCount) await trainer.train(step - trainer.stepCount, 10);
    if (trainer.divergence) {
      console.log(`diverged at ${trainer.divergence.step}: ${trainer.divergence.reason}`);
      break;
    }
    const e = await trainer.evaluate();
    const sd = summarize(Array.from(e.predictions.logits)).sd;
    const bias = (await trainer.model.variables[trainer.model.variables.length - 1]?.data())?.[0];
    console.log(
      `| ${step} | ${e.ap.toFixed(3)} | ${liveChannels(trainer, input).join(", ")} | ${sd.toPrecision(2)} | ${bias?.toFixed(2)} |`,
    );
  }
  input.dispose();
  trainer.dispose();
}
