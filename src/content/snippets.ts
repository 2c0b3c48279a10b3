/**
 * "Use it in your code": for the page's γ and α, a ready snippet for PyTorch (torchvision),
 * Keras 3, JAX (optax) and TensorFlow.js, each computing the same worked example the RetinaNet
 * way (sum over locations ÷ number of positives) and printing the value that `src/math` gives.
 * The library conventions below were read from each library's documentation and source:
 *
 * - torchvision.ops.sigmoid_focal_loss(inputs, targets, alpha=0.25, gamma=2, reduction="none"):
 *   takes logits; α weights the positives (targets == 1), 1 − α the negatives, and alpha < 0
 *   (e.g. −1) turns weighting off; reduction "none" | "mean" (over every element) | "sum".
 *   https://docs.pytorch.org/vision/stable/generated/torchvision.ops.sigmoid_focal_loss.html
 *   https://github.com/pytorch/vision/blob/main/torchvision/ops/focal_loss.py
 * - keras.losses.BinaryFocalCrossentropy(apply_class_balancing=False, alpha=0.25, gamma=2.0,
 *   from_logits=False, label_smoothing=0.0, axis=-1, reduction="sum_over_batch_size"):
 *   α is ignored unless apply_class_balancing=True, then α weights class 1; from_logits=False
 *   means probabilities; the loss is first averaged over the last axis (so a 1-D batch of N
 *   locations is one sample), then reduced over samples ("sum_over_batch_size" = mean); it
 *   applies σ and then clips p to [1e-7, 1 − 1e-7] even with from_logits=True.
 *   https://keras.io/api/losses/probabilistic_losses/#binaryfocalcrossentropy-class
 *   https://github.com/keras-team/keras/blob/master/keras/src/losses/losses.py
 * - optax.losses.sigmoid_focal_loss(logits, labels, *, alpha=None, gamma=2.0): takes logits,
 *   returns one value per element (no reduction); alpha=None means no weighting, else α
 *   weights labels == 1.
 *   https://optax.readthedocs.io/en/latest/api/losses.html#optax.losses.sigmoid_focal_loss
 *   https://github.com/google-deepmind/optax/blob/main/optax/losses/_classification.py
 * - TensorFlow.js has no focal loss; ours (tfjsFocalLoss.js.txt) is the stable form the training
 *   page's engine uses (src/engine/losses.ts); src/engine/tfjsSnippet.test.ts runs its text.
 */
import { sigmoidFocalLoss } from "../math/focal";
// The TF.js snippet is a file of its own so that src/engine's test can run its exact text.
import TFJS_TEMPLATE from "./tfjsFocalLoss.js.txt?raw";

/** Fills {{name}} placeholders; every placeholder of the template must be given. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for {{${name}}}`);
    return value;
  });
}

export type SnippetLibrary = "pytorch" | "keras" | "jax" | "tfjs";

export interface Snippet {
  library: SnippetLibrary;
  /** Tab label. */
  label: string;
  /** The code, ready to paste. */
  code: string;
  /** The library's conventions where they differ from the paper's or from each other. */
  conventions: readonly string[];
  docs: { label: string; url: string };
}

/** Six locations, two of them positives: the worked example every snippet computes. */
export const WORKED_EXAMPLE = {
  logits: [2.5, -1.0, 0.3, -3.0, 0.8, -0.2],
  labels: [1, 0, 0, 0, 1, 0],
} as const;

/** Decimals every snippet prints. */
export const PRINTED_DECIMALS = 4;

/**
 * The worked example's loss: Σ_i α_t (1 − p_t)^γ (−ln p_t) / max(1, number of positives), from
 * `sigmoidFocalLoss` (α = null: no α weighting).
 */
export function workedValue(gamma: number, alpha: number | null): number {
  const { logits, labels } = WORKED_EXAMPLE;
  let sum = 0;
  logits.forEach((x, i) => {
    sum += sigmoidFocalLoss(x, labels[i] as 0 | 1, { gamma, alpha });
  });
  const positives = labels.filter((y) => y === 1).length;
  return sum / Math.max(1, positives);
}

/** A number as Python and JavaScript source both read it: 2 → "2.0", 0.25 → "0.25". */
export function pyNumber(v: number): string {
  const text = String(Number(v.toPrecision(12)));
  return /[.e]/.test(text) ? text : `${text}.0`;
}

const list = (xs: readonly number[]) => xs.map(pyNumber).join(", ");

/** The four snippets for γ and α (α = null: the loss without α weighting). */
export function snippetsFor(gamma: number, alpha: number | null): Snippet[] {
  const printed = workedValue(gamma, alpha).toFixed(PRINTED_DECIMALS);
  const { logits, labels } = WORKED_EXAMPLE;
  const g = pyNumber(gamma);
  const a = alpha === null ? null : pyNumber(alpha);
  return [
    {
      library: "pytorch",
      label: "PyTorch",
      docs: {
        label: "torchvision.ops.sigmoid_focal_loss",
        url: "https://docs.pytorch.org/vision/stable/generated/torchvision.ops.sigmoid_focal_loss.html",
      },
      conventions: [
        "Takes logits (it applies the sigmoid itself) and float targets of the same shape.",
        "alpha weights the positives (targets = 1), 1 − alpha the negatives; alpha = −1 turns weighting off. Its default is 0.25, so plain FL needs alpha=-1.",
        'reduction defaults to "none"; "mean" averages over every location. RetinaNet sums and divides by the number of positives, as below.',
      ],
      code: `import torch
from torchvision.ops import sigmoid_focal_loss

logits = torch.tensor([${list(logits)}], dtype=torch.float64)
labels = torch.tensor([${list(labels)}], dtype=torch.float64)  # float, same shape

loss = sigmoid_focal_loss(logits, labels, alpha=${a ?? "-1"}, gamma=${g}, reduction="sum")
loss = loss / labels.sum().clamp(min=1)  # RetinaNet: ÷ number of positives
print(f"{loss.item():.4f}")  # ${printed}
`,
    },
    {
      library: "keras",
      label: "Keras",
      docs: {
        label: "keras.losses.BinaryFocalCrossentropy",
        url: "https://keras.io/api/losses/probabilistic_losses/#binaryfocalcrossentropy-class",
      },
      conventions: [
        "alpha is ignored unless apply_class_balancing=True; then alpha weights class 1 (positives) and 1 − alpha class 0.",
        "from_logits defaults to False (probabilities); with from_logits=True it applies the sigmoid, then clips p to [1e-7, 1 − 1e-7].",
        'The loss is averaged over the last axis first: give one location per row, shape (N, 1). The default reduction "sum_over_batch_size" is the mean; "sum" and ÷ positives is RetinaNet\'s.',
      ],
      code: `import numpy as np
import keras

logits = np.array([${logits.map((x) => `[${pyNumber(x)}]`).join(", ")}])  # (N, 1)
labels = np.array([${labels.map((y) => `[${pyNumber(y)}]`).join(", ")}])

loss_fn = keras.losses.BinaryFocalCrossentropy(
    apply_class_balancing=${a === null ? "False" : "True"},${a === null ? "" : `\n    alpha=${a},`}
    gamma=${g},
    from_logits=True,
    reduction="sum",
    dtype="float64",
)
loss = loss_fn(labels, logits) / max(1.0, labels.sum())  # ÷ positives
print(f"{float(loss):.4f}")  # ${printed}
`,
    },
    {
      library: "jax",
      label: "JAX",
      docs: {
        label: "optax.losses.sigmoid_focal_loss",
        url: "https://optax.readthedocs.io/en/latest/api/losses.html#optax.losses.sigmoid_focal_loss",
      },
      conventions: [
        "Takes logits; returns one loss per location (no reduction).",
        "alpha defaults to None: no weighting. Given, it weights labels = 1 (positives) and 1 − alpha the rest.",
        "JAX computes in float32 unless x64 is enabled, as below.",
      ],
      code: `import jax
jax.config.update("jax_enable_x64", True)
import jax.numpy as jnp
import optax

logits = jnp.array([${list(logits)}])
labels = jnp.array([${list(labels)}])

per_location = optax.losses.sigmoid_focal_loss(
    logits, labels, ${a === null ? "" : `alpha=${a}, `}gamma=${g}
)
loss = per_location.sum() / jnp.maximum(1.0, labels.sum())  # ÷ positives
print(f"{float(loss):.4f}")  # ${printed}
`,
    },
    {
      library: "tfjs",
      label: "TensorFlow.js",
      docs: {
        label: "tf.softplus (TensorFlow.js)",
        url: "https://js.tensorflow.org/api/latest/#softplus",
      },
      conventions: [
        "TensorFlow.js has no focal loss: this is the stable form the training page uses (−ln p_t = softplus(−z), (1 − p_t)^γ = exp(−γ softplus(z)), z = ±x).",
        "alpha weights the positives; null turns weighting off. Sum ÷ max(1, positives), as in RetinaNet.",
        "TensorFlow.js computes in float32: the last printed digit can differ by one from float64.",
      ],
      code: fillTemplate(TFJS_TEMPLATE, {
        logits: list(logits),
        labels: list(labels),
        gamma: g,
        alpha: a ?? "null",
        printed,
      }),
    },
  ];
}
