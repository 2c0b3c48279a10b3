/**
 * The TensorFlow.js snippet of the "Use it in your code" panel, run as written with tfjs: it
 * must print the worked value of src/math for every setting (float32: to within one unit of
 * the last printed digit).
 */
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { snippetsFor, workedValue } from "../content/snippets";
import { useBackend } from "../train/backend";

function runSnippet(code: string): string {
  const printed: string[] = [];
  const body = code.replace(/^import .*$/m, "");
  new Function("tf", "console", body)(tf, { log: (s: unknown) => printed.push(String(s)) });
  return printed.join("\n");
}

describe("the TensorFlow.js snippet", () => {
  beforeAll(async () => {
    await useBackend("cpu");
  });

  it("prints src/math's worked value on a grid of γ and α (and without α)", () => {
    for (const gamma of [0, 0.5, 1, 2, 3.3, 5]) {
      for (const alpha of [null, 0, 0.25, 0.5, 0.99]) {
        const tfjs = snippetsFor(gamma, alpha).find((s) => s.library === "tfjs");
        const printed = Number(runSnippet(tfjs?.code ?? ""));
        expect(Math.abs(printed - workedValue(gamma, alpha))).toBeLessThanOrEqual(0.0001 + 1e-9);
      }
    }
  });

  it("prints exactly the commented value at the page's defaults", () => {
    const code = snippetsFor(2, 0.25).find((s) => s.library === "tfjs")?.code ?? "";
    expect(runSnippet(code)).toBe(workedValue(2, 0.25).toFixed(4));
  });

  it("leaves no tensors behind apart from its inputs", () => {
    const before = tf.memory().numTensors;
    runSnippet(snippetsFor(2, 0.25).find((s) => s.library === "tfjs")?.code ?? "");
    // logits, labels and the returned loss
    expect(tf.memory().numTensors - before).toBe(3);
  });
});
