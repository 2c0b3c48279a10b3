import { describe, expect, it } from "vitest";
import { descendingOrder } from "./rank";

/** The reference: a stable sort of indices by decreasing score. */
function reference(scores: ArrayLike<number>): number[] {
  return Array.from({ length: scores.length }, (_, i) => i).sort(
    (a, b) => (scores[b] as number) - (scores[a] as number),
  );
}

function randomScores(n: number, seed: number, distinct: number): Float32Array {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  return Float32Array.from({ length: n }, () => Math.round((next() - 0.5) * distinct) / 7);
}

describe("descendingOrder", () => {
  it("equals a stable comparator sort, ties in index order, on float32 scores with many ties", () => {
    for (const [n, distinct] of [
      [1, 10],
      [7, 3],
      [1000, 20],
      [131072, 5000],
    ] as const) {
      const scores = randomScores(n, n + distinct, distinct);
      expect(Array.from(descendingOrder(scores))).toEqual(reference(scores));
    }
  });

  it("equals the comparator on float32 values from random bit patterns (every key digit in play)", () => {
    let s = 12345;
    const words = new Uint32Array(50_000);
    for (let i = 0; i < words.length; i++) {
      s = (s * 1103515245 + 12345) % 2147483648;
      // Spread over both signs and every exponent; a few exact repeats make ties.
      words[i] = i % 97 === 0 ? (words[i - 1] ?? 0) : (s * 2 + (i & 1)) >>> 0;
    }
    const scores = new Float32Array(words.buffer).filter((x) => !Number.isNaN(x));
    expect(Array.from(descendingOrder(scores))).toEqual(reference(scores));
  });

  it("orders infinities, −0 with +0 as a tie, tiny and huge values like the comparator", () => {
    const scores = Float32Array.of(0, -0, Infinity, -Infinity, 1e-45, -1e-45, 3.4e38, -3.4e38, 0);
    expect(Array.from(descendingOrder(scores))).toEqual(reference(scores));
  });

  it("falls back to the comparator for scores that are not float32 values", () => {
    const scores = [0.1, 0.1 + 1e-12, -2, 0.1];
    expect(Array.from(descendingOrder(scores))).toEqual(reference(scores));
    expect(Array.from(descendingOrder([]))).toEqual([]);
  });
});
