/**
 * A stride-1 "same" 3×3 convolution whose gradient uses only forward Conv2D kernels, because
 * the wasm backend of tfjs 4.22 has no Conv2DBackpropFilter (and its Conv2DBackpropInput is
 * ~10× slower than its forward Conv2D on these shapes):
 *   ∂L/∂x = conv(dy, W rotated 180° with in/out channels swapped, "same"),
 *   ∂L/∂W = conv(pad(x) with batch↔channel swapped, dy with batch as channels, "valid"),
 * the latter giving [Cin, k, k, Cout], transposed back to [k, k, Cin, Cout].
 */
import * as tf from "@tensorflow/tfjs";

/** "native": tf.conv2d and its registered gradient; "forward-kernels": the gradient above. */
export type ConvGradMode = "native" | "forward-kernels";

/** The filter gradient of a stride-1 "same" conv with an odd square kernel, from forward convs. */
export function conv2dFilterGrad(x: tf.Tensor4D, dy: tf.Tensor4D, kernelSize: number): tf.Tensor4D {
  return tf.tidy(() => {
    const p = (kernelSize - 1) / 2;
    const padded = tf.pad(x, [
      [0, 0],
      [p, p],
      [p, p],
      [0, 0],
    ]);
    const input = tf.transpose(padded, [3, 1, 2, 0]) as tf.Tensor4D;
    const filter = tf.transpose(dy, [1, 2, 0, 3]) as tf.Tensor4D;
    return tf.transpose(tf.conv2d(input, filter, 1, "valid"), [1, 2, 0, 3]) as tf.Tensor4D;
  });
}

/** The input gradient of a stride-1 "same" conv, from a forward conv. */
export function conv2dInputGrad(dy: tf.Tensor4D, w: tf.Tensor4D): tf.Tensor4D {
  return tf.tidy(() => {
    const flipped = tf.transpose(tf.reverse(w, [0, 1]), [0, 1, 3, 2]) as tf.Tensor4D;
    return tf.conv2d(dy, flipped, 1, "same");
  });
}

function forwardKernelConv(withInputGrad: boolean) {
  return tf.customGrad((x, w, save) => {
    const x4 = x as tf.Tensor4D;
    const w4 = w as tf.Tensor4D;
    (save as tf.GradSaveFunc)([x4, w4]);
    return {
      value: tf.conv2d(x4, w4, 1, "same"),
      gradFunc: (dy, saved) => {
        const [sx, sw] = saved as [tf.Tensor4D, tf.Tensor4D];
        const dy4 = dy as tf.Tensor4D;
        const dx = withInputGrad ? conv2dInputGrad(dy4, sw) : tf.zerosLike(sx);
        return [dx, conv2dFilterGrad(sx, dy4, sw.shape[0])];
      },
    };
  }) as (x: tf.Tensor4D, w: tf.Tensor4D) => tf.Tensor4D;
}

const convWithInputGrad = forwardKernelConv(true);
const convWithoutInputGrad = forwardKernelConv(false);

/**
 * conv2d(x, w, stride 1, "same") for an odd square kernel, with the chosen gradient. When `x` is
 * data (the first layer), `inputIsData` skips computing ∂L/∂x, which nothing uses: it is 0.
 */
export function conv2dSame(
  x: tf.Tensor4D,
  w: tf.Tensor4D,
  mode: ConvGradMode,
  inputIsData = false,
): tf.Tensor4D {
  if (mode === "native") return tf.conv2d(x, w, 1, "same");
  return inputIsData ? convWithoutInputGrad(x, w) : convWithInputGrad(x, w);
}

/** The gradient mode a backend needs: forward kernels on wasm, the registered one elsewhere. */
export function convGradModeFor(backend: string): ConvGradMode {
  return backend === "wasm" ? "forward-kernels" : "native";
}
