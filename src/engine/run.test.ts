import { describe, expect, it } from "vitest";
import { createHeldOutSet } from "../experiment/dataset";
import { evaluationOf } from "../experiment/evaluation";
import { lossRankedLogits } from "../math/figure4";
import { rankedOf } from "./run";

describe("rankedOf", () => {
  it("gives each class's loss-ranked logits, the same as sorting them afresh, from the AP's ranking", () => {
    const heldOut = createHeldOutSet(1000, 40);
    let s = 17;
    // float32 logits with ties and zeros of both signs, as a model's could have.
    const logits = Float32Array.from(heldOut.batch.labels, (y, i) => {
      s = (s * 1103515245 + 12345) % 2147483648;
      if (i % 301 === 0) return i % 602 === 0 ? -0 : 0;
      return Math.round((s / 2147483648 - 0.8 + y) * 64) / 8;
    });
    const evaluation = evaluationOf(1, logits, heldOut, { kind: "focal", gamma: 2, alpha: 0.25 });
    const ranked = rankedOf(evaluation);
    const { labels } = evaluation.predictions;
    for (const [got, y] of [
      [ranked.positives, 1],
      [ranked.negatives, 0],
    ] as const) {
      const want = lossRankedLogits(logits, labels, y, 20_000);
      expect(got.length).toBe(want.length);
      expect(Buffer.from(got.buffer).equals(Buffer.from(want.buffer))).toBe(true);
    }
    expect(ranked.negatives.length).toBe(20_000);
  });
});
