/**
 * The tiny fully-convolutional detector: the space-to-depth packed image (32×32×4) goes through
 * three 3×3 conv + ReLU layers (8, 16, 16 channels) and a 1×1 head to one logit per location.
 * 3,801 parameters; receptive field 7×7 cells = 14×14 pixels, wider than any shape.
 * `ModelInit.channels` changes the widths and the depth (a task knob; see task.ts).
 */
import * as tf from "@tensorflow/tfjs";
import { INPUT_CHANNELS } from "../experiment/dataset";
import { deriveSeed, Rng } from "../experiment/rng";
import { GRID_SIZE } from "../experiment/scene";
import { type ConvGradMode, conv2dSame } from "./conv";
import { readBack } from "./device";

export const CONV_CHANNELS: readonly number[] = [8, 16, 16];
export const KERNEL_SIZE = 3;
/** σ of the head's weights, as for RetinaNet's final conv (paper, section 4.1). */
export const HEAD_WEIGHT_STD = 0.01;
/** Keeps the init stream apart from the data streams of the same seed. */
const INIT_STREAM = 3;

/** How to initialize: He-normal convs from `seed`, head N(0, 0.01²), head bias 0 or prior. */
export interface ModelInit {
  seed: number;
  priorInit: boolean;
  prior: number;
  /** Conv output channels in order; `CONV_CHANNELS` when absent. */
  channels?: readonly number[];
}

/** Initial parameter values, generated in JS so every backend starts from the same numbers. */
export interface ModelWeights {
  convKernels: Float32Array[];
  convBiases: Float32Array[];
  headKernel: Float32Array;
  headBias: number;
}

/** The prior-init head bias b = −ln((1 − π)/π), so σ(b) = π. */
export function priorBias(prior: number): number {
  return -Math.log((1 - prior) / prior);
}

/** Seeded initial weights. */
export function initialWeights(init: ModelInit): ModelWeights {
  const rng = new Rng(deriveSeed(init.seed, INIT_STREAM));
  const convKernels: Float32Array[] = [];
  const convBiases: Float32Array[] = [];
  let inChannels = INPUT_CHANNELS;
  for (const outChannels of init.channels ?? CONV_CHANNELS) {
    const fanIn = KERNEL_SIZE * KERNEL_SIZE * inChannels;
    const std = Math.sqrt(2 / fanIn);
    convKernels.push(Float32Array.from({ length: fanIn * outChannels }, () => std * rng.normal()));
    convBiases.push(new Float32Array(outChannels));
    inChannels = outChannels;
  }
  const headKernel = Float32Array.from(
    { length: inChannels },
    () => HEAD_WEIGHT_STD * rng.normal(),
  );
  return {
    convKernels,
    convBiases,
    headKernel,
    headBias: init.priorInit ? priorBias(init.prior) : 0,
  };
}

/** Multiply-accumulates ×2 of one forward pass over `images` images. */
export function forwardFlops(images: number, channels: readonly number[] = CONV_CHANNELS): number {
  let flops = 0;
  let inChannels = INPUT_CHANNELS;
  for (const outChannels of channels) {
    flops += 2 * KERNEL_SIZE * KERNEL_SIZE * inChannels * outChannels;
    inChannels = outChannels;
  }
  flops += 2 * inChannels;
  return flops * images * GRID_SIZE * GRID_SIZE;
}

/** FLOPs of a training step: forward + input gradient + weight gradient (≈3× forward). */
export function trainingStepFlops(
  images: number,
  channels: readonly number[] = CONV_CHANNELS,
): number {
  return 3 * forwardFlops(images, channels);
}

/** The detector; owns its variables, so call `dispose()` when done. */
export class Detector {
  readonly variables: tf.Variable[];
  /** The conv and head kernels: the variables that weight decay applies to (not the biases). */
  readonly kernels: tf.Variable[];
  private readonly convs: { kernel: tf.Variable; bias: tf.Variable }[];
  private readonly headKernel: tf.Variable;
  private readonly headBias: tf.Variable;

  constructor(
    init: ModelInit,
    private readonly convGrad: ConvGradMode,
  ) {
    const w = initialWeights(init);
    let inChannels = INPUT_CHANNELS;
    this.convs = (init.channels ?? CONV_CHANNELS).map((outChannels, i) => {
      const shape = [KERNEL_SIZE, KERNEL_SIZE, inChannels, outChannels];
      inChannels = outChannels;
      return {
        kernel: variableOf(w.convKernels[i] as Float32Array, shape),
        bias: variableOf(w.convBiases[i] as Float32Array, [outChannels]),
      };
    });
    this.headKernel = variableOf(w.headKernel, [inChannels, 1]);
    this.headBias = variableOf(Float32Array.of(w.headBias), []);
    this.variables = [
      ...this.convs.flatMap((c) => [c.kernel, c.bias]),
      this.headKernel,
      this.headBias,
    ];
    this.kernels = [...this.convs.map((c) => c.kernel), this.headKernel];
  }

  /** Logits [N, 32, 32] of packed inputs [N, 32, 32, 4]. */
  logits(input: tf.Tensor4D): tf.Tensor3D {
    return tf.tidy(() => {
      let h: tf.Tensor4D = input;
      for (const { kernel, bias } of this.convs) {
        h = tf.relu(tf.add(conv2dSame(h, kernel as tf.Tensor4D, this.convGrad, h === input), bias));
      }
      const [n, height, width, channels] = h.shape;
      const flat = tf.reshape(h, [n * height * width, channels]);
      const out = tf.add(tf.matMul(flat, this.headKernel), this.headBias);
      return tf.reshape(out, [n, height, width]);
    });
  }

  /** Number of trainable parameters. */
  get parameterCount(): number {
    return this.variables.reduce((sum, v) => sum + v.size, 0);
  }

  /** Overwrite every variable with `values` (as returned by `readWeights`, same order). */
  assignWeights(values: readonly Float32Array[]): void {
    if (values.length !== this.variables.length) throw new Error("weights do not match the model");
    tf.tidy(() => {
      this.variables.forEach((v, i) => {
        v.assign(tf.tensor(values[i] as Float32Array, v.shape));
      });
    });
  }

  /** The current parameters as flat arrays, in `variables` order. */
  async readWeights(): Promise<Float32Array[]> {
    return Promise.all(this.variables.map((v) => readBack(v)));
  }

  dispose(): void {
    for (const v of this.variables) v.dispose();
  }
}

/** A trainable variable holding `values`, without leaking the tensor it is made from. */
function variableOf(values: Float32Array, shape: number[]): tf.Variable {
  const initial = tf.tensor(values, shape);
  const v = tf.variable(initial);
  initial.dispose();
  return v;
}
