/**
 * Bench only: a Conv2DBackpropFilter kernel for the wasm backend, so that the straightforward
 * tf.layers + model.fit version of the detector can train on wasm at all (tfjs-backend-wasm
 * 4.22 has no such kernel, and tf.layers' fused conv calls it directly). It computes the filter
 * gradient with forward convs, exactly as the engine's `conv2dFilterGrad` does.
 */
import * as tf from "@tensorflow/tfjs";
import { conv2dFilterGrad } from "../src/engine/conv";

interface RefCountingBackend {
  incRef(dataId: object): void;
}

/** Registers the kernel once; stride 1, "same", NHWC and square odd kernels only. */
export function registerWasmConvBackpropFilter(): void {
  if (tf.getKernel("Conv2DBackpropFilter", "wasm")) return;
  tf.registerKernel({
    kernelName: "Conv2DBackpropFilter",
    backendName: "wasm",
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { strides, pad, filterShape } = attrs as unknown as {
        strides: number | number[];
        pad: unknown;
        filterShape: number[];
      };
      const stride = Array.isArray(strides) ? strides : [strides, strides];
      if (pad !== "same" || stride.some((s) => s !== 1) || filterShape[0] !== filterShape[1]) {
        throw new Error("bench Conv2DBackpropFilter supports stride-1 'same' square kernels only");
      }
      const refs = backend as unknown as RefCountingBackend;
      const wrap = (info: tf.TensorInfo) => {
        refs.incRef(info.dataId);
        return tf.engine().makeTensorFromTensorInfo(info) as tf.Tensor4D;
      };
      const x = wrap(inputs.x as tf.TensorInfo);
      const dy = wrap(inputs.dy as tf.TensorInfo);
      const dw = conv2dFilterGrad(x, dy, filterShape[0] as number);
      refs.incRef(dw.dataId);
      const out = { dataId: dw.dataId, shape: dw.shape, dtype: dw.dtype };
      tf.dispose([x, dy, dw]);
      return out;
    },
  });
}
