import { describe, expect, it } from "vitest";
import { deriveSeed, Rng } from "./rng";

describe("Rng", () => {
  it("repeats its stream for the same seed and not for another", () => {
    const draw = (seed: number) =>
      Array.from(
        { length: 5 },
        (
          (r) => () =>
            r.next()
        )(new Rng(seed)),
      );
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it("draws uniforms in [0, 1) and normals with mean ≈ 0 and variance ≈ 1", () => {
    const rng = new Rng(3);
    let sum = 0;
    let sumSq = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      expect(u >= 0 && u < 1).toBe(true);
      const z = rng.normal();
      sum += z;
      sumSq += z * z;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.03);
    expect(sumSq / n).toBeCloseTo(1, 1);
  });
});

describe("deriveSeed", () => {
  it("separates streams of one seed and is deterministic", () => {
    expect(deriveSeed(1, 1, 0)).toBe(deriveSeed(1, 1, 0));
    expect(
      new Set([deriveSeed(1, 1, 0), deriveSeed(1, 2, 0), deriveSeed(1, 1, 1), deriveSeed(2, 1, 0)])
        .size,
    ).toBe(4);
  });
});
