/** The backend's own matMul throughput, to put a training step's GFLOP/s in context. */
import * as tf from "@tensorflow/tfjs";
import { median } from "./layersBaseline";

/** Median GFLOP/s of an [m, k] × [k, n] matMul on the active backend. */
export async function matMulGflops(m: number, k: number, n: number, repeats = 15): Promise<number> {
  const a = tf.randomNormal([m, k], 0, 1, "float32", 1);
  const b = tf.randomNormal([k, n], 0, 1, "float32", 2);
  const times: number[] = [];
  for (let i = 0; i < repeats + 3; i++) {
    const start = performance.now();
    const c = tf.matMul(a, b);
    await c.data();
    c.dispose();
    if (i >= 3) times.push(performance.now() - start);
  }
  tf.dispose([a, b]);
  return (2 * m * k * n) / median(times) / 1e6;
}
