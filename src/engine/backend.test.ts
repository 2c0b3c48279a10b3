import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../experiment/config";
import { selectBackend } from "./autoBackend";
import { BackendError, useBackend } from "./backend";

describe("backends in Node", () => {
  it("switches to wasm (SIMD) and verifies it", async () => {
    const info = await useBackend("wasm");
    expect(info).toEqual({ name: "wasm", simd: true });
    expect(tf.getBackend()).toBe("wasm");
  });

  it("refuses WebGL where there is no canvas, without changing the backend", async () => {
    await useBackend("wasm");
    await expect(useBackend("webgl")).rejects.toThrow(BackendError);
    expect(tf.getBackend()).toBe("wasm");
  });

  it("skips WebGPU where there is none, quickly and without changing the backend", async () => {
    await useBackend("wasm");
    const start = performance.now();
    await expect(useBackend("webgpu")).rejects.toThrow(/webgpu: this browser has no WebGPU/);
    expect(performance.now() - start).toBeLessThan(1000);
    expect(tf.getBackend()).toBe("wasm");
    expect(tf.findBackendFactory("webgpu")).toBeNull();
  });

  it("auto times every candidate, picks the fastest and says why", async () => {
    const selection = await selectBackend(
      "auto",
      { ...DEFAULT_CONFIG, batchSize: 2 },
      { steps: 2 },
    );
    expect(selection.timings.map((t) => t.name)).toEqual(["wasm", "webgl", "webgpu", "cpu"]);
    expect(selection.timings[1]?.msPerStep).toBeNull();
    expect(selection.timings[2]?.msPerStep).toBeNull();
    expect(selection.timings[2]?.error).toMatch(/no WebGPU/);
    const fastest = selection.timings
      .filter((t) => t.msPerStep !== null)
      .sort((a, b) => (a.msPerStep as number) - (b.msPerStep as number))[0];
    expect(selection.name).toBe(fastest?.name);
    expect(tf.getBackend()).toBe(selection.name);
    expect(selection.reason).toMatch(/fastest at .* ms\/step; .*webgl unavailable/);
  }, 60000);
});
