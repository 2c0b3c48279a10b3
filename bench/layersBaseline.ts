/**
 * The same detector and loss written the straightforward way, with tf.layers and model.fit, to
 * measure what the hand-written engine gains (or not) on the same backend.
 */
import * as tf from "@tensorflow/tfjs";
import { focalLossElements } from "../src/engine/losses";
import { CONV_CHANNELS, initialWeights, KERNEL_SIZE } from "../src/engine/model";
import { focalOptionsOf, type TrainConfig } from "../src/experiment/config";
import { INPUT_CHANNELS, trainingBatch } from "../src/experiment/dataset";
import { GRID_SIZE } from "../src/experiment/scene";

/** The detector as a tf.Sequential with the engine's initial weights for `config`. */
export function buildLayersDetector(config: TrainConfig): tf.Sequential {
  const model = tf.sequential();
  CONV_CHANNELS.forEach((filters, i) => {
    model.add(
      tf.layers.conv2d({
        filters,
        kernelSize: KERNEL_SIZE,
        padding: "same",
        activation: "relu",
        ...(i === 0 ? { inputShape: [GRID_SIZE, GRID_SIZE, INPUT_CHANNELS] } : {}),
      }),
    );
  });
  model.add(tf.layers.dense({ units: 1 }));
  model.add(tf.layers.reshape({ targetShape: [GRID_SIZE, GRID_SIZE] }));
  const w = initialWeights(config);
  const values: tf.Tensor[] = [];
  let inChannels = INPUT_CHANNELS;
  CONV_CHANNELS.forEach((outChannels, i) => {
    values.push(
      tf.tensor4d(w.convKernels[i] as Float32Array, [
        KERNEL_SIZE,
        KERNEL_SIZE,
        inChannels,
        outChannels,
      ]),
    );
    values.push(tf.tensor1d(w.convBiases[i] as Float32Array));
    inChannels = outChannels;
  });
  values.push(tf.tensor2d(w.headKernel, [inChannels, 1]), tf.tensor1d([w.headBias]));
  model.setWeights(values);
  tf.dispose(values);
  const opts = focalOptionsOf(config);
  const optimizer =
    config.optimizer === "adam"
      ? tf.train.adam(config.lr, 0.9, 0.999)
      : tf.train.momentum(config.lr, config.momentum);
  model.compile({
    optimizer,
    loss: (yTrue: tf.Tensor, yPred: tf.Tensor) =>
      tf.div(tf.sum(focalLossElements(yPred, yTrue, opts)), tf.maximum(tf.sum(yTrue), 1)),
  });
  return model;
}

/** Median ms per model.fit call on one batch (after warm-up), and the first step's loss. */
export async function measureLayersFit(config: TrainConfig, steps: number, warmup = 3) {
  const model = buildLayersDetector(config);
  const times: number[] = [];
  let firstLoss = Number.NaN;
  for (let step = 0; step < warmup + steps; step++) {
    const start = performance.now();
    const batch = trainingBatch(config.seed, config.imbalance, step, config.batchSize);
    const x = tf.tensor4d(batch.input, [batch.count, GRID_SIZE, GRID_SIZE, INPUT_CHANNELS]);
    const y = tf.tensor3d(batch.labels, [batch.count, GRID_SIZE, GRID_SIZE]);
    const history = await model.fit(x, y, {
      batchSize: batch.count,
      epochs: 1,
      shuffle: false,
      verbose: 0,
    });
    tf.dispose([x, y]);
    if (step === 0) firstLoss = history.history.loss?.[0] as number;
    if (step >= warmup) times.push(performance.now() - start);
  }
  model.optimizer.dispose();
  model.dispose();
  return { msPerStep: median(times), firstLoss };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
