/// <reference types="node" />
/**
 * The TensorFlow.js snippet of the "Use it in your code" panel (src/content/tfjsFocalLoss.js.txt,
 * read from disk: the engine does not import content), run as written with tfjs: its function
 * must give src/math's loss, summed and divided by the positives, for any inputs and settings.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { sigmoidFocalLoss } from "../math/focal";
import { useBackend } from "./backend";

const TEMPLATE = readFileSync(join(import.meta.dirname, "../content/tfjsFocalLoss.js.txt"), "utf8");

function run(logits: number[], labels: number[], gamma: number, alpha: number | null): string {
  const values: Record<string, string> = {
    logits: logits.join(", "),
    labels: labels.join(", "),
    gamma: String(gamma),
    alpha: String(alpha),
    printed: "",
  };
  const code = TEMPLATE.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? "?");
  const printed: string[] = [];
  new Function("tf", "console", code.replace(/^import .*$/m, ""))(tf, {
    log: (s: unknown) => printed.push(String(s)),
  });
  return printed.join("\n");
}

function expected(logits: number[], labels: number[], gamma: number, alpha: number | null) {
  const sum = logits.reduce(
    (s, x, i) => s + sigmoidFocalLoss(x, labels[i] as 0 | 1, { gamma, alpha }),
    0,
  );
  return sum / Math.max(1, labels.filter((y) => y === 1).length);
}

describe("the TensorFlow.js snippet", () => {
  beforeAll(async () => {
    await useBackend("cpu");
  });

  const logits = [2.5, -1, 0.3, -3, 0.8, -0.2, 12, -15, 0];
  const labels = [1, 0, 0, 0, 1, 0, 1, 0, 0];

  it("prints src/math's loss ÷ positives to 4 decimals, within float32 rounding, on a grid of γ and α", () => {
    for (const gamma of [0, 0.5, 1, 2, 3.3, 5]) {
      for (const alpha of [null, 0, 0.25, 0.5, 0.99]) {
        const printed = Number(run(logits, labels, gamma, alpha));
        expect(Math.abs(printed - expected(logits, labels, gamma, alpha))).toBeLessThanOrEqual(
          0.0001 + 1e-9,
        );
      }
    }
  });

  it("divides by at least one positive", () => {
    const printed = Number(run([-1, 2], [0, 0], 2, 0.25));
    expect(Math.abs(printed - expected([-1, 2], [0, 0], 2, 0.25))).toBeLessThanOrEqual(1e-4);
  });

  it("leaves no tensors behind apart from its inputs and result", () => {
    const before = tf.memory().numTensors;
    run(logits, labels, 2, 0.25);
    expect(tf.memory().numTensors - before).toBe(3);
  });
});
