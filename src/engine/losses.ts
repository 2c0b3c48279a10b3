/**
 * Detection losses in tfjs: CE, α-CE, FL and α-FL are all FL(x, y) = α_t (1 − p_t)^γ (−ln p_t)
 * (γ = 0 for CE, α_t = 1 without balancing), summed over locations and divided by the number of
 * positives (at least 1), as in RetinaNet. Written from the logit in the stable form of
 * `src/math/focal.ts`: −ln p_t = softplus(−z), (1 − p_t)^γ = exp(−γ softplus(z)), z = ±x.
 * Never tf.logSigmoid: its gradient throws in tfjs 4.22 on intermediate tensors.
 * OHEM: CE on the highest-loss locations only, averaged over them (see `ohemLossParts`).
 */
import * as tf from "@tensorflow/tfjs";
import type { FocalOptions } from "../math/focal";
import { type OhemQuota, type OhemRatio, ohemQuota } from "../math/ohem";

/** Per-location FL(x, y) for logits and 0/1 labels of the same shape. */
export function focalLossElements(
  logits: tf.Tensor,
  labels: tf.Tensor,
  opts: FocalOptions,
): tf.Tensor {
  return tf.tidy(() => {
    const sign = tf.sub(tf.mul(labels, 2), 1);
    const z = tf.mul(logits, sign);
    let loss = tf.softplus(tf.neg(z));
    if (opts.gamma !== 0) loss = tf.mul(tf.exp(tf.mul(tf.softplus(z), -opts.gamma)), loss);
    if (opts.alpha !== null) {
      const alphaT = tf.add(tf.mul(labels, 2 * opts.alpha - 1), 1 - opts.alpha);
      loss = tf.mul(alphaT, loss);
    }
    return loss;
  });
}

/** Σ FL / max(1, number of positives): the scalar a step minimizes. */
export function detectionLoss(
  logits: tf.Tensor,
  labels: tf.Tensor,
  positives: number,
  opts: FocalOptions,
): tf.Scalar {
  return tf.tidy(
    () =>
      tf.div(tf.sum(focalLossElements(logits, labels, opts)), Math.max(1, positives)) as tf.Scalar,
  );
}

/**
 * The loss of a step and its part from the positive locations, both divided by max(1, P): the
 * negatives' part is the difference. The page draws the two parts apart.
 */
export function detectionLossParts(
  logits: tf.Tensor,
  labels: tf.Tensor,
  positives: number,
  opts: FocalOptions,
): { total: tf.Scalar; positive: tf.Scalar } {
  return tf.tidy(() => {
    const elements = focalLossElements(logits, labels, opts);
    const scale = 1 / Math.max(1, positives);
    return {
      total: tf.mul(tf.sum(elements), scale) as tf.Scalar,
      positive: tf.mul(tf.sum(tf.mul(elements, labels)), scale) as tf.Scalar,
    };
  });
}

/** OHEM's selection for one step: how many to keep, and how (see src/experiment/ohem.ts). */
export interface OhemStep {
  ratio: OhemRatio;
  keep: number;
}

/**
 * A 0/1 mask of the locations OHEM keeps: the top-k of the per-location CE (over both classes,
 * or the hardest positives and three negatives per positive for 1:3), counts from
 * `ohemQuota`. Selecting is piecewise constant in the logits, so its gradient is 0: wrapped in
 * customGrad, the topk and scatter inside are never taped (neither has a gradient in tfjs).
 */
function ohemMask(ce: tf.Tensor, labels: tf.Tensor, quota: OhemQuota): tf.Tensor {
  const select = tf.customGrad((losses, classes) => {
    const flat = tf.reshape(losses as tf.Tensor, [-1]);
    const isPositive = tf.equal(tf.reshape(classes as tf.Tensor, [-1]), 1);
    const n = flat.shape[0] as number;
    // CE ≥ 0, so −1 ranks the other class below every location of this one.
    const topOf = (scores: tf.Tensor1D, k: number) =>
      k > 0 ? [tf.topk(scores, k).indices] : ([] as tf.Tensor1D[]);
    const other = tf.fill([n], -1);
    const indices =
      quota.positives === null
        ? topOf(flat as tf.Tensor1D, quota.total)
        : [
            ...topOf(tf.where(isPositive, flat, other) as tf.Tensor1D, quota.positives),
            ...topOf(tf.where(isPositive, other, flat) as tf.Tensor1D, quota.negatives ?? 0),
          ];
    const mask =
      indices.length === 0
        ? tf.zeros([n])
        : tf.scatterND(tf.expandDims(tf.concat(indices), 1), tf.ones([quota.total]), [n]);
    return {
      value: tf.reshape(mask, (losses as tf.Tensor).shape),
      gradFunc: (dy) => [tf.zerosLike(dy), tf.zerosLike(dy)],
    };
  });
  return select(ce, labels);
}

/**
 * OHEM's loss of a step: CE on the kept locations only, averaged over the kept count (at least 1),
 * and its part from the kept positives. `positives` and `negatives` count the batch's locations
 * (the host knows them), which fixes how many topk keeps.
 */
export function ohemLossParts(
  logits: tf.Tensor,
  labels: tf.Tensor,
  positives: number,
  negatives: number,
  ohem: OhemStep,
): { total: tf.Scalar; positive: tf.Scalar } {
  return tf.tidy(() => {
    const ce = focalLossElements(logits, labels, { gamma: 0, alpha: null });
    const quota = ohemQuota(ohem.keep, ohem.ratio, positives, negatives);
    const kept = tf.mul(ce, ohemMask(ce, labels, quota));
    const scale = 1 / Math.max(1, quota.total);
    return {
      total: tf.mul(tf.sum(kept), scale) as tf.Scalar,
      positive: tf.mul(tf.sum(tf.mul(kept, labels)), scale) as tf.Scalar,
    };
  });
}
