import { describe, expect, it } from "vitest";
import { markerIndexes } from "./markers";

describe("marker positions along a series", () => {
  it("spreads the markers evenly inside the series, never on its first or last point", () => {
    const idx = markerIndexes(101, 5);
    expect(idx).toEqual([10, 30, 50, 70, 90]);
    expect(markerIndexes(101, 5, 1)).toEqual([15, 35, 55, 75, 95]);
  });

  it("gives no markers to a series too short to have an inside, and never repeats one", () => {
    expect(markerIndexes(2, 5)).toEqual([]);
    expect(markerIndexes(4, 6)).toEqual([1, 2]);
    expect(markerIndexes(50, 0)).toEqual([]);
  });
});
