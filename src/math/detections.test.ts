import { describe, expect, it } from "vitest";
import { localMaxima } from "./detections";

describe("localMaxima", () => {
  it("finds isolated peaks above the threshold, highest first", () => {
    // biome-ignore format: a 3×4 map reads best as a grid
    const map = [
      0.9, 0.1, 0.0, 0.0,
      0.1, 0.0, 0.0, 0.6,
      0.0, 0.0, 0.3, 0.0,
    ];
    expect(localMaxima(map, 3, 4, 0.5)).toEqual([
      { row: 0, col: 0, score: 0.9 },
      { row: 1, col: 3, score: 0.6 },
    ]);
  });

  it("reports a plateau once", () => {
    expect(localMaxima([0.7, 0.7, 0.7, 0.7], 2, 2, 0.5)).toEqual([{ row: 0, col: 0, score: 0.7 }]);
  });

  it("suppresses a cell next to a higher one", () => {
    expect(localMaxima([0.6, 0.8, 0.1], 1, 3, 0.5)).toEqual([{ row: 0, col: 1, score: 0.8 }]);
  });
});
