import { describe, expect, it } from "vitest";
import {
  averagePrecision,
  averagePrecisionOf,
  bestF1Point,
  f1Of,
  operatingPointAt,
  operatingPoints,
  prCurve,
  rankingMetrics,
  recallAtPrecision,
} from "./metrics";
import { descendingOrder } from "./rank";

describe("averagePrecision", () => {
  it("averages the precision at each positive's rank when there are no ties", () => {
    // Ranks 1..4 are +, −, +, −: precisions at the positives are 1 and 2/3.
    expect(averagePrecision([0.9, 0.8, 0.7, 0.6], [1, 0, 1, 0])).toBeCloseTo((1 + 2 / 3) / 2, 12);
  });

  it("is 1 when every positive outranks every negative", () => {
    expect(averagePrecision([5, 4, -1, -2, -3], [1, 1, 0, 0, 0])).toBe(1);
  });

  it("gives tied scores the precision of their shared operating point, whatever the input order", () => {
    // Thresholds 0.9 (P 1, R 1/2) and 0.5 (P 2/3, R 1): AP = 1/2·1 + 1/2·2/3.
    const expected = 0.5 + 0.5 * (2 / 3);
    expect(averagePrecision([0.9, 0.5, 0.5, 0.1], [1, 1, 0, 0])).toBeCloseTo(expected, 12);
    expect(averagePrecision([0.9, 0.5, 0.5, 0.1], [1, 0, 1, 0])).toBeCloseTo(expected, 12);
  });

  it("equals the prevalence when every score is tied", () => {
    expect(averagePrecision([0.3, 0.3, 0.3, 0.3], [1, 0, 0, 0])).toBe(0.25);
  });

  it("is NaN without positives", () => {
    expect(averagePrecision([0.2, 0.1], [0, 0])).toBeNaN();
  });

  it("works on logits of any sign and typed arrays", () => {
    expect(averagePrecision(Float32Array.of(-3, -7, 2), Uint8Array.of(0, 0, 1))).toBe(1);
  });
});

describe("operatingPoints", () => {
  it("has one point per distinct score, in decreasing order", () => {
    const points = operatingPoints([0.2, 0.9, 0.2, 0.5], [0, 1, 1, 0]);
    expect(points.map((p) => p.threshold)).toEqual([0.9, 0.5, 0.2]);
    expect(points.map((p) => [p.truePositives, p.falsePositives])).toEqual([
      [1, 0],
      [1, 1],
      [2, 2],
    ]);
  });

  it("rejects NaN scores", () => {
    expect(() => operatingPoints([0.1, Number.NaN], [0, 1])).toThrow(/NaN/);
  });
});

describe("recallAtPrecision", () => {
  it("is the highest recall reached at precision ≥ 0.5", () => {
    const points = operatingPoints([0.9, 0.8, 0.7, 0.6], [1, 0, 1, 0]);
    expect(recallAtPrecision(points, 0.5)).toBe(1);
    expect(recallAtPrecision(points, 0.9)).toBe(0.5);
  });

  it("is 0 when no operating point reaches the precision", () => {
    // Precisions along the ranking: 0, 0, 1/3, 1/4, 2/5.
    const points = operatingPoints([0.9, 0.8, 0.7, 0.6, 0.5], [0, 0, 1, 0, 1]);
    expect(recallAtPrecision(points, 0.5)).toBe(0);
    expect(averagePrecision([0.9, 0.8, 0.7, 0.6, 0.5], [0, 0, 1, 0, 1])).toBeCloseTo(
      0.5 / 3 + 0.5 * 0.4,
      12,
    );
  });
});

describe("prCurve", () => {
  it("keeps the points where recall grows plus the last one", () => {
    const curve = prCurve(operatingPoints([0.9, 0.8, 0.7, 0.6], [1, 0, 1, 0]));
    expect(Array.from(curve.recall)).toEqual([0.5, 1, 1]);
    expect(Array.from(curve.precision)).toEqual([1, 2 / 3, 0.5]);
    expect(Array.from(curve.threshold)).toEqual([0.9, 0.7, 0.6]);
  });
});

describe("weighted operating points, operatingPointAt and bestF1Point", () => {
  it("count a weighted location as repeated locations", () => {
    const a = operatingPoints([0.9, 0.5, 0.1], [1, 0, 1], [2, 3, 1]);
    const b = operatingPoints([0.9, 0.9, 0.5, 0.5, 0.5, 0.1], [1, 1, 0, 0, 0, 1]);
    expect(a).toEqual(b);
  });

  it("find the point that flags everything at or above a threshold", () => {
    const points = operatingPoints([0.9, 0.6, 0.5, 0.2], [1, 0, 1, 0]);
    expect(operatingPointAt(points, 0.5)?.truePositives).toBe(2);
    expect(operatingPointAt(points, 0.5)?.falsePositives).toBe(1);
    expect(operatingPointAt(points, 0.95)).toBeNull();
  });

  it("pick the threshold of highest F1 = 2TP / (TP + FP + P)", () => {
    // Flag 0.9 only: F1 = 2/(1+0+2) = 0.667; flag down to 0.5: 4/(2+1+2) = 0.8; all: 4/6.
    const points = operatingPoints([0.9, 0.6, 0.5, 0.2], [1, 0, 1, 0]);
    const best = bestF1Point(points);
    expect(best?.threshold).toBe(0.5);
    expect(f1Of(best as NonNullable<typeof best>)).toBeCloseTo(0.8, 15);
  });
});

/** Scores with many ties and labels with about `rate` positives, from a fixed LCG. */
function scoredLabels(n: number, seed: number, distinct: number, rate: number) {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const scores = Float32Array.from({ length: n }, () => Math.round((next() - 0.5) * distinct) / 3);
  const labels = Uint8Array.from({ length: n }, () => (next() < rate ? 1 : 0));
  return { scores, labels };
}

describe("rankingMetrics", () => {
  it("equals AP, recall at precision and the PR curve of the operating points, bit for bit", () => {
    for (const [n, distinct, rate] of [
      [1, 5, 0.5],
      [2, 1, 0.5],
      [50, 4, 0.3],
      [5000, 40, 0.01],
      [20_000, 1e6, 0.002],
      [20_000, 1e6, 0.6],
    ] as const) {
      const { scores, labels } = scoredLabels(n, n + distinct, distinct, rate);
      const points = operatingPoints(scores, labels);
      const pr = prCurve(points);
      for (const order of [undefined, descendingOrder(scores)]) {
        const m = rankingMetrics(scores, labels, 0.5, order);
        expect(Object.is(m.averagePrecision, averagePrecisionOf(points))).toBe(true);
        expect(Object.is(m.recallAtPrecision, recallAtPrecision(points, 0.5))).toBe(true);
        expect(m.pr).toEqual(pr);
      }
    }
  });

  it("is NaN without positives and on no scores, like the operating points", () => {
    const none = rankingMetrics([0.2, 0.1], [0, 0], 0.5);
    expect(none.averagePrecision).toBeNaN();
    expect(none.recallAtPrecision).toBeNaN();
    expect(Array.from(none.pr.threshold)).toEqual([0.1]);
    const empty = rankingMetrics([], [], 0.5);
    expect(empty.averagePrecision).toBeNaN();
    expect(empty.recallAtPrecision).toBe(recallAtPrecision([], 0.5));
    expect(empty.pr.recall.length).toBe(0);
  });

  it("rejects NaN scores", () => {
    expect(() => rankingMetrics([0.1, Number.NaN], [0, 1], 0.5)).toThrow(/NaN/);
  });
});
