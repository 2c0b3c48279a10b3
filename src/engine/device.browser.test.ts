/**
 * In real Chromium, on WebGL (SwiftShader here): a lost context makes a trainer fail at once,
 * never hang (tfjs's own read-back never settles), and choosing WebGL again gets a fresh one.
 */
import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, type TrainConfig } from "../experiment/config";
import { createHeldOutSet } from "../experiment/dataset";
import { useBackend } from "./backend";
import { Trainer } from "./trainer";

const heldOut = createHeldOutSet(1000, 2);
const TINY: TrainConfig = { ...DEFAULT_CONFIG, batchSize: 2 };

function loseContext(): void {
  const gl = (tf.backend() as unknown as { gpgpu: { gl: WebGL2RenderingContext } }).gpgpu.gl;
  gl.getExtension("WEBGL_lose_context")?.loseContext();
}

/** What `work` did within `ms`: its value, its error, or "still pending". */
async function within<T>(ms: number, work: () => Promise<T>) {
  const pending = new Promise<"still pending">((resolve) =>
    setTimeout(() => resolve("still pending"), ms),
  );
  return Promise.race([
    work().then(
      (value) => ({ value }),
      (error: Error) => ({ error }),
    ),
    pending,
  ]);
}

describe("a lost WebGL context", () => {
  it("fails the trainer's read-back and its next step at once, and WebGL can start afresh", async () => {
    await useBackend("webgl");
    const trainer = new Trainer(TINY, { heldOut });
    await trainer.train(2, 2);
    trainer.step();
    loseContext();
    const outcome = await within(10_000, () => trainer.flush());
    expect(outcome).toHaveProperty("error");
    expect((outcome as { error: Error }).error.message).toMatch(/context was lost/);
    expect(() => trainer.step()).toThrow(/context was lost/);
    trainer.dispose();

    // Choosing WebGL again replaces the dead backend with a fresh context that trains.
    await useBackend("webgl");
    const fresh = new Trainer(TINY, { heldOut });
    const log = await fresh.train(2, 2);
    expect(Array.from(log.loss).every(Number.isFinite)).toBe(true);
    expect(log.loss.length).toBe(2);
    fresh.dispose();
  });
});
