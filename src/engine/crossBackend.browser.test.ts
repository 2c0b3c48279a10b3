/**
 * In real Chromium: the same seed trained on webgl (SwiftShader here), wasm and cpu gives the
 * same losses and weights within float32 tolerance, and `auto` picks a backend and says why.
 * Tiny batches and a handful of steps: SwiftShader takes seconds per full-size step.
 * WebGPU joins wherever it starts: a hardware adapter, or with VITE_WEBGPU_SOFTWARE=1 (which
 * also launches Chromium with --enable-unsafe-webgpu, vitest.config.ts) SwiftShader's. The
 * multithreaded wasm build joins where the test page is cross-origin isolated (the browser
 * project sends COOP/COEP).
 */
import * as tf from "@tensorflow/tfjs";
import wasmPlainUrl from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url";
import wasmSimdUrl from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url";
import wasmThreadedUrl from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url";
import { describe, expect, it } from "vitest";
import type { BackendInfo, BackendName } from "../experiment/backends";
import { DEFAULT_CONFIG, type TrainConfig } from "../experiment/config";
import { createHeldOutSet } from "../experiment/dataset";
import { MIN_CORES_FOR_WASM_THREADS, selectBackend } from "./autoBackend";
import { type BackendSetupOptions, useBackend, wasmThreadsAvailable } from "./backend";
import { Trainer } from "./trainer";

const WASM_PATHS = {
  "tfjs-backend-wasm.wasm": wasmPlainUrl,
  "tfjs-backend-wasm-simd.wasm": wasmSimdUrl,
  "tfjs-backend-wasm-threaded-simd.wasm": wasmThreadedUrl,
};
const heldOut = createHeldOutSet(1000, 2);
const STEPS = 4;
const ACCEPT_SOFTWARE_WEBGPU = import.meta.env.VITE_WEBGPU_SOFTWARE === "1";
const webGpuStarts = await useBackend("webgpu", {
  acceptSoftwareAdapter: ACCEPT_SOFTWARE_WEBGPU,
}).then(
  (info) => {
    console.info(`webgpu starts here (adapter ${info.adapter}): compared with cpu`);
    return true;
  },
  (error: Error) => {
    console.info(`webgpu not compared: ${error.message}`);
    return false;
  },
);
const threads = await wasmThreadsAvailable();
console.info(`multithreaded wasm ${threads ? "available: compared too" : "not available here"}`);

/** What to train on: a backend, and for wasm which build. */
interface Variant {
  label: string;
  name: BackendName;
  options?: BackendSetupOptions;
}
const VARIANTS: Variant[] = [
  { label: "wasm", name: "wasm", options: { wasmThreads: false } },
  ...(threads ? [{ label: "wasm multithreaded", name: "wasm" as const, options: {} }] : []),
  { label: "webgl", name: "webgl" },
  ...(webGpuStarts
    ? [
        {
          label: "webgpu",
          name: "webgpu" as const,
          options: { acceptSoftwareAdapter: ACCEPT_SOFTWARE_WEBGPU },
        },
      ]
    : []),
];

interface Outcome {
  info: BackendInfo;
  loss: Float32Array;
  weights: Float32Array[];
  logits: Float32Array;
}

async function trainOn(
  name: BackendName,
  config: TrainConfig,
  options: BackendSetupOptions = {},
): Promise<Outcome> {
  const info = await useBackend(name, { wasmPaths: WASM_PATHS, ...options });
  const trainer = new Trainer(config, { heldOut });
  const log = await trainer.train(STEPS, STEPS);
  const outcome = {
    info,
    loss: log.loss,
    weights: await trainer.model.readWeights(),
    logits: await trainer.heldOutLogits(),
  };
  trainer.dispose();
  expect(tf.getBackend()).toBe(name);
  return outcome;
}

/** |a − b| ≤ atol + rtol·|b| elementwise; returns the worst excess ratio for the message. */
function expectAllClose(
  a: Float32Array,
  b: Float32Array,
  atol: number,
  rtol: number,
  what: string,
) {
  expect(a.length).toBe(b.length);
  let worst = 0;
  a.forEach((v, i) => {
    const ref = b[i] as number;
    worst = Math.max(worst, Math.abs(v - ref) / (atol + rtol * Math.abs(ref)));
  });
  console.info(`${what}: worst |a − b| / (atol + rtol·|b|) = ${worst.toFixed(3)}`);
  expect(worst, `${what}: worst |a − b| / (atol + rtol·|b|)`).toBeLessThanOrEqual(1);
}

/**
 * SGD+momentum is the precision check: updates are linear in the gradient, so float32 noise
 * stays float32 noise. Adam's first steps move each weight by ≈ lr·sign(g), so a gradient
 * component within rounding noise of 0 can flip sign on another backend and move a weight by up
 * to 2·lr per step: its tolerance is therefore 10·lr on weights and 1e-3 relative on losses.
 */
describe.each([
  ["SGD+momentum", { optimizer: "sgd", lr: 0.01 }, 1e-4, 1e-5],
  // OHEM's top-k (tf.topk, tf.scatterND in a zero-gradient customGrad) on every backend.
  [
    "SGD+momentum and OHEM 1:3",
    { optimizer: "sgd", lr: 0.01, loss: "ohem", ohemRatio: "1:3" },
    1e-4,
    1e-5,
  ],
  ["Adam", { optimizer: "adam", lr: 1e-3 }, 1e-3, 1e-2],
] as const)("training with %s from one seed", (_, optimizer, lossRtol, weightAtol) => {
  it(`agrees across ${VARIANTS.map((v) => v.label).join(", ")} and cpu within float32 tolerance`, async () => {
    const config: TrainConfig = { ...DEFAULT_CONFIG, ...optimizer, seed: 7, batchSize: 2 };
    const cpu = await trainOn("cpu", config);
    for (const { label: name, name: backend, options } of VARIANTS) {
      const other = await trainOn(backend, config, options);
      expect(other.loss.length).toBe(STEPS);
      console.info(
        `${name}: ${Array.from(other.loss).join(", ")} vs cpu ${Array.from(cpu.loss).join(", ")}`,
      );
      expectAllClose(other.loss, cpu.loss, 1e-6, lossRtol, `${name} losses`);
      other.weights.forEach((w, k) =>
        expectAllClose(w, cpu.weights[k] as Float32Array, weightAtol, 1e-3, `${name} weights ${k}`),
      );
      expectAllClose(other.logits, cpu.logits, 1e-3, 1e-3, `${name} held-out logits`);
    }
  });
});

describe("WebGL in this Chromium", () => {
  it("is a real WebGL backend and reports its renderer", async () => {
    const info = await useBackend("webgl");
    expect(tf.getBackend()).toBe("webgl");
    console.info(`webgl renderer: ${info.renderer} (software: ${info.softwareRenderer})`);
    expect(typeof info.renderer).toBe("string");
  });
});

describe("auto backend", () => {
  it("times each backend, keeps the fastest and explains the choice", async () => {
    const selection = await selectBackend(
      "auto",
      { ...DEFAULT_CONFIG, batchSize: 4 },
      { wasmPaths: WASM_PATHS, steps: 2 },
    );
    console.info(`auto: ${selection.name} — ${selection.reason}`);
    const timed = selection.timings.filter((t) => t.msPerStep !== null);
    const hardwareGpu = webGpuStarts && !ACCEPT_SOFTWARE_WEBGPU;
    // The multithreaded build is timed only where it would get more than one XNNPACK thread.
    const timesThreads = threads && navigator.hardwareConcurrency >= MIN_CORES_FOR_WASM_THREADS;
    expect(timed.map((t) => t.name).sort()).toEqual(
      [
        ...(timesThreads ? ["wasm"] : []),
        "cpu",
        "wasm",
        "webgl",
        ...(hardwareGpu ? ["webgpu"] : []),
      ].sort(),
    );
    if (threads)
      expect(timed.filter((t) => t.name === "wasm").map((t) => t.wasmThreads)).toEqual(
        timesThreads ? [true, false] : [false],
      );
    if (threads && !timesThreads) {
      expect(selection.timings.find((t) => t.notTimed)?.wasmThreads).toBe(true);
      expect(selection.reason).toMatch(/wasm multithreaded not timed \(\d logical cores? would/);
      if (selection.name === "wasm") expect(selection.info.threads).toBeUndefined();
    }
    const gpu = selection.timings.find((t) => t.name === "webgpu");
    if (!hardwareGpu) expect(gpu?.error).toMatch(/webgpu: (no WebGPU|only a software adapter)/);
    const fastest = [...timed].sort((a, b) => (a.msPerStep as number) - (b.msPerStep as number))[0];
    expect(selection.name).toBe(fastest?.name);
    expect(tf.getBackend()).toBe(selection.name);
  });
});
