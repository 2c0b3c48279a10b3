/**
 * Detection losses in tfjs: CE, α-CE, FL and α-FL are all FL(x, y) = α_t (1 − p_t)^γ (−ln p_t)
 * (γ = 0 for CE, α_t = 1 without balancing), summed over locations and divided by the number of
 * positives (at least 1), as in RetinaNet. Written from the logit in the stable form of
 * `src/math/focal.ts`: −ln p_t = softplus(−z), (1 − p_t)^γ = exp(−γ softplus(z)), z = ±x.
 * Never tf.logSigmoid: its gradient throws in tfjs 4.22 on intermediate tensors.
 */
import * as tf from "@tensorflow/tfjs";
import type { FocalOptions } from "../math/focal";

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
