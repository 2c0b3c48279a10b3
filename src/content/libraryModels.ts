/**
 * Plain-number models of what each library's focal loss computes, written from its source (the
 * files cited in snippets.ts), for tests only: they check that each snippet's call computes
 * the same value as `src/math`, and that the models reproduce the libraries' documented
 * examples. Not used by the site.
 */

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
/** BCE with logits as torch/optax compute it: max(x, 0) − x·y + log(1 + e^(−|x|)). */
const bceWithLogits = (x: number, y: number) =>
  Math.max(x, 0) - x * y + Math.log1p(Math.exp(-Math.abs(x)));

/** torchvision/ops/focal_loss.py, line for line. */
export function torchvisionSigmoidFocalLoss(
  inputs: readonly number[],
  targets: readonly number[],
  alpha = 0.25,
  gamma = 2,
  reduction: "none" | "mean" | "sum" = "none",
): number[] | number {
  const loss = inputs.map((x, i) => {
    const t = targets[i] as number;
    const p = sigmoid(x);
    const ce = bceWithLogits(x, t);
    const pT = p * t + (1 - p) * (1 - t);
    let l = ce * (1 - pT) ** gamma;
    if (alpha >= 0) l *= alpha * t + (1 - alpha) * (1 - t);
    return l;
  });
  if (reduction === "mean") return loss.reduce((s, l) => s + l, 0) / loss.length;
  if (reduction === "sum") return loss.reduce((s, l) => s + l, 0);
  return loss;
}

/**
 * keras/src/losses/losses.py binary_focal_crossentropy for 2-D inputs (samples × last axis):
 * σ if from_logits, p clipped to [1e-7, 1 − 1e-7] inside the BCE, mean over the last axis, then
 * the Loss reduction over samples ("sum_over_batch_size" = mean, "sum", or none).
 */
export function kerasBinaryFocalCrossentropy(
  yTrue: readonly (readonly number[])[],
  yPred: readonly (readonly number[])[],
  opts: {
    applyClassBalancing?: boolean;
    alpha?: number;
    gamma?: number;
    fromLogits?: boolean;
    reduction?: "sum_over_batch_size" | "sum" | null;
  } = {},
): number | number[] {
  const { applyClassBalancing = false, alpha = 0.25, gamma = 2, fromLogits = false } = opts;
  const reduction = opts.reduction === undefined ? "sum_over_batch_size" : opts.reduction;
  const eps = 1e-7;
  const perSample = yTrue.map((row, r) => {
    const values = row.map((t, c) => {
      let p = (yPred[r] as readonly number[])[c] as number;
      if (fromLogits) p = sigmoid(p);
      const clipped = Math.min(1 - eps, Math.max(eps, p));
      const bce = -(t * Math.log(clipped) + (1 - t) * Math.log(1 - clipped));
      const pT = t * p + (1 - t) * (1 - p);
      let l = (1 - pT) ** gamma * bce;
      if (applyClassBalancing) l *= t * alpha + (1 - t) * (1 - alpha);
      return l;
    });
    return values.reduce((s, v) => s + v, 0) / values.length;
  });
  if (reduction === null) return perSample;
  const sum = perSample.reduce((s, v) => s + v, 0);
  return reduction === "sum" ? sum : sum / perSample.length;
}

/**
 * optax/losses/_classification.py sigmoid_focal_loss: per element, log-space focal weight
 * exp(γ · log(1 − p_t)), α applied only when given.
 */
export function optaxSigmoidFocalLoss(
  logits: readonly number[],
  labels: readonly number[],
  alpha: number | null = null,
  gamma = 2,
): number[] {
  return logits.map((x, i) => {
    const y = labels[i] as number;
    const ce = bceWithLogits(x, y);
    const logP = -Math.log1p(Math.exp(-x));
    const logQ = -Math.log1p(Math.exp(x));
    // logsumexp([log p, log q], b=[1 − y, y]) = log((1 − y)·p + y·q) = log(1 − p_t)
    const logOneMinusPt = Math.log((1 - y) * Math.exp(logP) + y * Math.exp(logQ));
    const loss = ce * Math.exp(gamma * logOneMinusPt);
    return alpha === null ? loss : (alpha * y + (1 - alpha) * (1 - y)) * loss;
  });
}
