import { describe, expect, it } from "vitest";
import { sigmoid } from "../../math/numeric";
import { lossShares } from "../../math/shares";
import { readAll, text } from "../../userdata/testing";
import {
  calibrationOf,
  compareLosses,
  idealFocalCurve,
  ptDensity,
  thresholdView,
} from "./analysis";

const logits = Array.from(
  { length: 3000 },
  (_, i) => (i % 50 === 0 ? 1.5 : -4) + 3 * Math.sin(i * 1.7),
);
const labels = logits.map((_, i) => (i % 50 === 0 ? 1 : 0));
const csv = text(`label,logit\n${logits.map((x, i) => `${labels[i]},${x}`).join("\n")}\n`);

describe("the page's view of a summary", () => {
  it("compares CE, α-CE and α-FL with the shares of every example", async () => {
    const { summary } = await readAll(csv, "a.csv");
    const [ce, alphaCe, fl] = compareLosses(summary, 2, 0.25, 0.75);
    expect([ce?.id, alphaCe?.id, fl?.id]).toEqual(["ce", "alpha-ce", "alpha-fl"]);
    const exact = lossShares(logits, labels, { gamma: 2, alpha: 0.25 });
    expect(fl?.shares.counts).toEqual(exact.counts);
    expect(Math.abs((fl?.shares.loss.easyNegatives ?? 0) - exact.loss.easyNegatives)).toBeLessThan(
      1e-4,
    );
  });

  it("gives each class a p_t density that sums to one", async () => {
    const { summary } = await readAll(csv, "a.csv");
    const d = ptDensity(summary, 50);
    for (const shares of [d.positives, d.negatives]) {
      expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
  });

  it("counts what p ≥ 0.5 flags exactly as the examples do", async () => {
    const { summary } = await readAll(csv, "a.csv");
    const t = thresholdView(summary);
    const flagged = logits.map((x, i) => [x >= 0, labels[i] === 1] as const);
    expect(t.atHalf?.truePositives).toBe(flagged.filter(([f, y]) => f && y).length);
    expect(t.atHalf?.falsePositives).toBe(flagged.filter(([f, y]) => f && !y).length);
    expect(t.best?.f1).toBeGreaterThan(0);
  });

  it("merges the reliability bins and reports the base rate", async () => {
    const { summary } = await readAll(csv, "a.csv");
    const c = calibrationOf(summary, 15);
    expect(c.bins).toHaveLength(15);
    expect(c.baseRate).toBe(60 / 3000);
    const meanP = logits.reduce((s, x) => s + sigmoid(x), 0) / logits.length;
    expect(c.gap).toBeCloseTo(meanP - 60 / 3000, 10);
  });

  it("draws the ideal α-FL curve as the diagonal for CE with α = 0.5", () => {
    for (const p of idealFocalCurve(0, 0.5)) expect(p.x).toBeCloseTo(p.y, 6);
  });
});
